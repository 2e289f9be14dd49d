import BenchmarkSupport
import EffectSim

// The kernels alone (draws, tables, cohort; no accounting) on fixed workloads, single-threaded,
// in person-cycles per second with both arms counted, against the random-number limit
// measured in the same run.
// Run: swift run -c release Kernels [--json] [--repeats N]

/// One arm's transitions: the effect during the first 18 months, relapse and exits after.
func transitions(effect: String) -> String {
  """
  [{"from": "benefit", "to": "job", "p": "0.8 * reach(\(effect), 18)", "cycles": [0, 18]},
   {"from": "benefit", "to": "education", "p": "0.2 * reach(\(effect), 18)", "cycles": [0, 18]},
   {"from": "benefit", "to": "flexjob", "p": 0.002, "cycles": [18]},
   {"from": "benefit", "to": "pension", "p": 0.003, "cycles": [18]},
   {"from": "job", "to": "benefit", "p": "perCycle(relapse)", "cycles": [18]},
   {"from": "education", "to": "benefit", "p": "perCycle(relapse)", "cycles": [18]},
   {"from": "benefit", "to": "dropout", "p": 0.004}]
  """
}

/// Six states, monthly, 10 years, two transition windows ([0, 18) and [18, ...)).
func sixStates(persons: Int, pairing: String, spread: String = "start") -> String {
  """
  {"format": "effectsim/1", "name": "six states", "start": 2020, "years": 10, "pairing": "\(pairing)",
   "parameters": {"ips": {"beta": {"successes": 144, "trials": 240}},
                  "sau": {"beta": {"successes": 112, "trials": 240}},
                  "relapse": {"pert": {"min": 0.15, "mode": 0.3, "max": 0.5}}},
   "states": [
     {"id": "benefit", "costs": [{"area": "Overførsler", "perCycle": 11500}]},
     {"id": "job"}, {"id": "education"},
     {"id": "flexjob", "costs": [{"area": "Overførsler", "perCycle": 9000}]},
     {"id": "pension", "costs": [{"area": "Overførsler", "perCycle": 15000}]},
     {"id": "dropout", "costs": [{"area": "Overførsler", "perCycle": 11500}]}],
   "arms": {
     "intervention": {"transitions": \(transitions(effect: "ips"))},
     "control": {"transitions": \(transitions(effect: "sau"))}},
   "cohort": {"intake": [{"year": 2020, "count": \(persons), "spread": "\(spread)"}]}}
  """
}

func model(_ json: String) -> Model {
  do { return try Model.load(Array(json.utf8)) } catch {
    fatalError("benchmark scenario invalid: \(error)")
  }
}

func kernelRate(_ model: Model, _ kernel: Kernel, iterations: Int) -> () -> Double {
  {
    do {
      return try Simulation.kernelOnly(model, kernel: kernel, iterations: iterations, seed: 1)
    } catch { fatalError("\(error)") }
  }
}

var suite = BenchmarkSuite(name: "Kernels")
let count = 20_000_000
let limit = suite.measure("random-number limit (next53)", unit: "uniforms") {
  var rng = Xoshiro256PlusPlus(seed: 1, stream: 0)
  var sum: UInt64 = 0
  for _ in 0..<count { sum &+= rng.next53() }
  BlackHole.consume(sum)
  return Double(count)
}

let coupled = model(sixStates(persons: 300, pairing: "coupled"))
let independent = model(sixStates(persons: 300, pairing: "independent"))
let coupledRate = suite.measure(
  "individual, coupled, 300 persons", unit: "person-cycles",
  kernelRate(coupled, .individual, iterations: 300))
let independentRate = suite.measure(
  "individual, independent, 300 persons", unit: "person-cycles",
  kernelRate(independent, .individual, iterations: 300))
suite.record(
  "individual coupled / limit", value: coupledRate / limit, unit: "×", note: "target ≥ 1.0")
suite.record(
  "individual independent / limit", value: independentRate / limit, unit: "×", note: "target ≥ 0.6")

suite.measure(
  "aggregated, coupled, 300 persons", unit: "person-cycles",
  kernelRate(coupled, .aggregated, iterations: 300))
let large = model(sixStates(persons: 30_000, pairing: "coupled", spread: "even"))
let largeIndividual = suite.measure(
  "individual, coupled, 30,000 persons (even)", unit: "person-cycles",
  kernelRate(large, .individual, iterations: 4))
let largeAggregated = suite.measure(
  "aggregated, coupled, 30,000 persons (even)", unit: "person-cycles",
  kernelRate(large, .aggregated, iterations: 200))
suite.record(
  "aggregated / individual at 30,000", value: largeAggregated / largeIndividual, unit: "×",
  note: "target ≥ 4")
let largeIndependent = model(sixStates(persons: 30_000, pairing: "independent", spread: "even"))
suite.measure(
  "aggregated, independent, 30,000 persons (even)", unit: "person-cycles",
  kernelRate(largeIndependent, .aggregated, iterations: 200))
suite.report()
