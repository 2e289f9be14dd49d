import BenchmarkSupport
import EffectSim
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// What "what drives the risk" costs, and how biased its estimators are.
//
// 1. The share of a run spent on the driver analysis (sensitivity, one-way swings, value of
//    information, claim): `run.driversSeconds` against the wall time of the whole
//    `Simulation.monteCarlo` (simulation and summary), on 1 thread and on all cores.
// 2. `--variance-split` against a plain run of the same scenario, timed alternately so that a
//    busy machine slows both alike; the ratio of each pair, median over the pairs, in wall
//    time and in CPU time (the process's, all threads: robust when other processes compete).
// 3. The estimators against closed forms, averaged over many runs with fixed seeds: the bias
//    of the variance share and of the EVPPI at 1,000 and 10,000 iterations (docs/drivers.md).
//
// Run from the package root: swift run -c release Drivers [--json] [--repeats N]
//   [--iterations N (default 10000)] [--scenario FILE (default
//   scenarios/kk-ips-expansion-2020.json)] [--replicates R (default 200 and 50)]

var suite = BenchmarkSuite(name: "Drivers")
let iterations = Int(suite.arguments["iterations"] ?? "") ?? 10_000
let path = suite.arguments["scenario"] ?? "scenarios/kk-ips-expansion-2020.json"
let cores = ProcessInfo.processInfo.activeProcessorCount

guard let bytes = FileManager.default.contents(atPath: path),
  let model = try? Model.load(Array(bytes))
else { fatalError("cannot load \(path); run from the package root") }
let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent

/// CPU seconds this process has used, all threads: on a shared machine the work a run does is
/// measured better by its CPU time than by its wall time, which other processes stretch.
func processCPUSeconds() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

/// One run; its wall time, its CPU time, and the seconds its summary spent on the drivers.
func timedRun(threads: Int, split: Bool) -> (wall: Double, cpu: Double, drivers: Double) {
  var options = RunOptions(iterations: iterations, seed: 1, threads: threads)
  options.varianceSplit = split
  let cpu = processCPUSeconds()
  let start = ContinuousClock.now
  guard let summary = try? Simulation.monteCarlo(model, options: options) else {
    fatalError("\(name) failed")
  }
  let elapsed = start.duration(to: .now)
  let used = processCPUSeconds() - cpu
  BlackHole.consume(summary)
  let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
  return (wall, used, summary.run.driversSeconds)
}

func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  guard !sorted.isEmpty else { return .nan }
  let n = sorted.count
  return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
}

// MARK: - Cost

for threads in Set([1, cores]).sorted() {
  _ = timedRun(threads: threads, split: false)  // warm-up
  var shares: [Double] = []
  var wallRatios: [Double] = []
  var cpuRatios: [Double] = []
  var walls: [Double] = []
  for _ in 0..<suite.repeats {
    let plain = timedRun(threads: threads, split: false)
    let split = timedRun(threads: threads, split: true)
    walls.append(plain.wall)
    shares.append(plain.drivers / plain.wall)
    wallRatios.append(split.wall / plain.wall)
    cpuRatios.append(split.cpu / plain.cpu)
  }
  func list(_ values: [Double]) -> String {
    values.map { String(format: "%.3f", $0) }.joined(separator: " ")
  }
  let label = "\(name), \(iterations) iterations, \(threads) thread\(threads == 1 ? "" : "s")"
  suite.record("\(label): run", value: median(walls), unit: "s", note: "median wall time")
  suite.record(
    "\(label): drivers / run", value: median(shares), unit: "",
    note: "target < 0.10; runs \(list(shares))")
  suite.record(
    "\(label): --variance-split / run, wall", value: median(wallRatios), unit: "",
    note: "target ≤ 2.1; pairs \(list(wallRatios))")
  suite.record(
    "\(label): --variance-split / run, CPU", value: median(cpuRatios), unit: "",
    note: "target ≤ 2.1; pairs \(list(cpuRatios))")
}

// MARK: - Bias of the estimators

/// Y = a·u₁ + b·u₂ + c·(u₃ − ½)², u₄ unused: shares a²/12, b²/12, c²/180 over their sum.
let (a, b, c) = (3e6, -1e6, 12e6)
let linear = """
  {"format": "effectsim/1", "name": "linear", "start": 2020, "years": 1,
   "parameters": {"u1": {"uniform": {"min": 0, "max": 1}}, "u2": {"uniform": {"min": 0, "max": 1}},
     "u3": {"uniform": {"min": 0, "max": 1}}, "u4": {"uniform": {"min": 0, "max": 1}}},
   "states": [{"id": "any"}], "arms": {"intervention": {}, "control": {}},
   "cohort": {"intake": [{"year": 2020, "count": 0}]},
   "lineItems": [{"label": "Y", "area": "A",
     "byYear": {"2020": "\(a) * u1 + \(b) * u2 + \(c) * (u3 - 0.5)^2"}}]}
  """
let variance = a * a / 12 + b * b / 12 + c * c / 180
let shareTruth = [
  "u1": a * a / 12 / variance, "u2": b * b / 12 / variance, "u3": c * c / 180 / variance,
  "u4": 0.0,
]
/// Y = θ + ε, θ ~ U(−1, 2) mio., ε ~ U(−1, 1) mio.: EVPI 2/9 mio., EVPPI(θ) 1/6 mio.,
/// EVPPI(ε) 62,500 kr. (tests: ValueOfInformationTests).
let decision = """
  {"format": "effectsim/1", "name": "decision", "start": 2020, "years": 1,
   "parameters": {"theta": {"uniform": {"min": -1000000, "max": 2000000}},
     "eps": {"uniform": {"min": -1000000, "max": 1000000}}},
   "states": [{"id": "any"}], "arms": {"intervention": {}, "control": {}},
   "cohort": {"intake": [{"year": 2020, "count": 0}]},
   "lineItems": [{"label": "Y", "area": "A", "byYear": {"2020": "theta + eps"}}]}
  """
let valueTruth = ["evpi": 2e6 / 9, "theta": 1e6 / 6, "eps": 62_500.0]

guard let linearModel = try? Model.load(Array(linear.utf8)),
  let decisionModel = try? Model.load(Array(decision.utf8))
else { fatalError("bias models do not load") }

/// Mean over `replicates` runs of each figure, with its standard error.
func study(
  _ model: Model, n: Int, replicates: Int, _ figures: (SensitivitySummary) -> [String: Double]
) -> [String: (mean: Double, se: Double)] {
  var values: [String: [Double]] = [:]
  for replicate in 0..<replicates {
    let options = RunOptions(iterations: n, seed: UInt64(1000 + replicate), threads: cores)
    guard let entry = (try? Simulation.monteCarlo(model, options: options))?.sensitivity.first
    else { fatalError("bias run failed") }
    for (key, value) in figures(entry) { values[key, default: []].append(value) }
  }
  return values.mapValues { list in
    let mean = list.reduce(0, +) / Double(list.count)
    let sd = (list.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(list.count - 1))
      .squareRoot()
    return (mean, sd / Double(list.count).squareRoot())
  }
}

for (n, replicates) in [(1_000, Int(suite.arguments["replicates"] ?? "") ?? 200), (10_000, 50)] {
  let shares = study(linearModel, n: n, replicates: replicates) { entry in
    Dictionary(uniqueKeysWithValues: entry.parameters.map { ($0.name, $0.varianceShare) })
  }
  for key in shareTruth.keys.sorted() {
    guard let truth = shareTruth[key], let found = shares[key] else { continue }
    suite.record(
      "variance share \(key), n = \(n): bias", value: found.mean - truth, unit: "",
      note: String(format: "truth %.4f, mean %.4f ± %.4f (SE, %d runs)", truth, found.mean,
        found.se, replicates))
  }
  let values = study(decisionModel, n: n, replicates: replicates) { entry in
    var figures = ["evpi": entry.evpi]
    for parameter in entry.parameters { figures[parameter.name] = parameter.evppi }
    return figures
  }
  for key in valueTruth.keys.sorted() {
    guard let truth = valueTruth[key], let found = values[key] else { continue }
    let what = key == "evpi" ? "EVPI" : "EVPPI \(key)"
    suite.record(
      "\(what), n = \(n): bias", value: found.mean - truth, unit: "kr.",
      note: String(format: "truth %.0f, mean %.0f ± %.0f (SE, %d runs)", truth, found.mean,
        found.se, replicates))
  }
}
suite.report()
