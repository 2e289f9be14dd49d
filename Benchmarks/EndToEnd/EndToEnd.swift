import BenchmarkSupport
import EffectSim
import EffectSimCLI
import Foundation
import Synchronization

// Each bundled scenario run as `effectsim run` runs it (load, compile, simulate, summarise,
// render JSON), on 1 thread and on all cores; the kernel alone on the same scenario for the
// end-to-end share; peak memory of the process.
// Run from the package root: swift run -c release EndToEnd [--json] [--repeats N]
//   [--iterations N (default 20000)] [--scenarios DIR (default scenarios)] [--kernel K]

var suite = BenchmarkSuite(name: "EndToEnd")
let iterations = Int(suite.arguments["iterations"] ?? "") ?? 20_000
let directory = suite.arguments["scenarios"] ?? "scenarios"
let kernelName = suite.arguments["kernel"] ?? "auto"
let cores = ProcessInfo.processInfo.activeProcessorCount
// Every *.json of the directory but the format's JSON Schema, which is no scenario.
let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
  .filter { $0.hasSuffix(".json") && !$0.hasSuffix(".schema.json") }.sorted()

/// Runs the command line and returns the `run` object of its JSON output.
func runCLI(_ path: String, threads: Int) -> [String: Any] {
  let out = Mutex("")
  let console = Console(
    writeOut: { text in out.withLock { $0 += text } }, writeError: { _ in }, readInput: { nil },
    stdoutIsTerminal: false, stderrIsTerminal: false)
  let code = EffectSimCommand.main(
    [
      "run", path, "--iterations", String(iterations), "--threads", String(threads), "--format",
      "json",
      "--quiet", "--kernel", kernelName,
    ], console: console)
  let text = out.withLock { $0 }
  guard code == .success,
    let json = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
    let run = json["run"] as? [String: Any]
  else { fatalError("effectsim run \(path) failed with \(code)") }
  return run
}

for file in files {
  let path = directory + "/" + file
  let name = String(file.dropLast(5))
  let probe = runCLI(path, threads: 1)
  let personCycles = (probe["personCycles"] as? Double) ?? 0
  let kernel = (probe["kernel"] as? String) ?? "?"
  let one = suite.measure("\(name), 1 thread", unit: "iterations", note: "kernel \(kernel)") {
    _ = runCLI(path, threads: 1)
    return Double(iterations)
  }
  let all = suite.measure("\(name), \(cores) threads", unit: "iterations", note: "kernel \(kernel)")
  {
    _ = runCLI(path, threads: cores)
    return Double(iterations)
  }
  let perIteration = personCycles / Double(iterations)
  suite.record(
    "\(name), person-cycles/s, \(cores) threads", value: all * perIteration, unit: "person-cycles/s"
  )
  suite.record(
    "\(name), parallel efficiency", value: all / (one * Double(cores)), unit: "",
    note: "target ≥ 0.9")
  guard let bytes = FileManager.default.contents(atPath: path),
    let model = try? Model.load(Array(bytes))
  else { continue }
  let chosen =
    (try? Simulation.kernel(for: model, choice: KernelChoice(rawValue: kernelName) ?? .auto))
    ?? .individual
  let kernelOnly = suite.measure("\(name), kernel only, 1 thread", unit: "iterations") {
    let cycles =
      (try? Simulation.kernelOnly(model, kernel: chosen, iterations: iterations, seed: 1)) ?? 0
    return cycles / perIteration
  }
  suite.record(
    "\(name), end-to-end / kernel only", value: one / kernelOnly, unit: "", note: "target ≥ 0.7")
}
suite.record("peak memory", value: BenchmarkSuite.peakMemory() / 1e6, unit: "MB")
suite.report()
