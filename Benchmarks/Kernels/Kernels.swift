import BenchmarkSupport
import EffectSim
import Foundation

// The kernels alone (draws, tables, cohort; no accounting) on fixed workloads, single-threaded,
// in person-cycles per second with both arms counted, against the random-number limit
// measured in the same run.
// Run: swift run -c release Kernels [--json] [--repeats N]

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

let coupled = model(ReferenceWorkload.sixStates(persons: 300, pairing: "coupled"))
let independent = model(ReferenceWorkload.sixStates(persons: 300, pairing: "independent"))
let coupledRate = suite.measure(
  "individual, coupled, 300 persons", unit: "person-cycles",
  kernelRate(coupled, .individual, iterations: 300))
let independentRate = suite.measure(
  "individual, independent, 300 persons", unit: "person-cycles",
  kernelRate(independent, .individual, iterations: 300))
suite.record(
  "individual coupled / limit", value: coupledRate / limit, unit: "×", note: "target ≥ 1.0")
suite.record(
  "individual independent / limit", value: independentRate / limit, unit: "×",
  note: "target ≥ 0.6")

let jumpCoupled = suite.measure(
  "jump, coupled, 300 persons", unit: "person-cycles",
  kernelRate(coupled, .jump, iterations: 300))
let jumpIndependent = suite.measure(
  "jump, independent, 300 persons", unit: "person-cycles",
  kernelRate(independent, .jump, iterations: 300))
suite.record(
  "jump coupled / limit", value: jumpCoupled / limit, unit: "×", note: "target ≥ 1.5, stretch 2")
suite.record("jump independent / limit", value: jumpIndependent / limit, unit: "×")

suite.measure(
  "aggregated, coupled, 300 persons", unit: "person-cycles",
  kernelRate(coupled, .aggregated, iterations: 300))
let large = model(ReferenceWorkload.sixStates(persons: 30_000, pairing: "coupled", spread: "even"))
let largeIndividual = suite.measure(
  "individual, coupled, 30,000 persons (even)", unit: "person-cycles",
  kernelRate(large, .individual, iterations: 4))
let largeAggregated = suite.measure(
  "aggregated, coupled, 30,000 persons (even)", unit: "person-cycles",
  kernelRate(large, .aggregated, iterations: 200))
suite.measure(
  "jump, coupled, 30,000 persons (even)", unit: "person-cycles",
  kernelRate(large, .jump, iterations: 4))
suite.record(
  "aggregated / individual at 30,000", value: largeAggregated / largeIndividual, unit: "×",
  note: "target ≥ 4")
let largeIndependent = model(
  ReferenceWorkload.sixStates(persons: 30_000, pairing: "independent", spread: "even"))
suite.measure(
  "aggregated, independent, 30,000 persons (even)", unit: "person-cycles",
  kernelRate(largeIndependent, .aggregated, iterations: 200))

// The coupled workload with kontanthjælp priced on the refusion staircase: the individual
// kernel's per-cycle path (`TrackedPath`), against the fast path on the same people.
let plain = ReferenceWorkload.sixStates(persons: 300, pairing: "coupled")
let priced = plain.replacingOccurrences(
  of: #"{"id": "benefit", "costs": [{"area": "Overførsler", "perCycle": 11500}]}"#,
  with: #"{"id": "benefit", "covered": true,"#
    + #" "costs": [{"area": "Overførsler", "perCycle": 11500, "refusion": "staircase"}]}"#)
guard priced != plain else { fatalError("the reference workload changed: no benefit state") }
let staircaseRate = suite.measure(
  "individual, coupled, 300 persons, refusion staircase", unit: "person-cycles",
  kernelRate(model(priced), .individual, iterations: 300))
suite.record("staircase / fast path", value: staircaseRate / coupledRate, unit: "×")
suite.report()
