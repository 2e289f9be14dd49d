import EffectSim
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// Does `--kernel auto` pick a fast kernel? Each scenario's kernels alone (draws, tables, cohort;
// `Simulation.kernelOnly`), single-threaded, timed in thread CPU time — on a shared machine
// the wall clock measures the other jobs — alternating kernels, best of `--repeats` runs; then
// the cost model's pick and its time against the fastest.
// Run: Benchmarks/kernel-choice.sh (bundled scenarios, 30,000-person variants, the reference
// workload), or: swift run -c release KernelChoice [--repeats N] [--seconds S] FILE...

var files: [String] = []
var options: [String: String] = [:]
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
  if argument.hasPrefix("--"), let value = arguments.popFirst() {
    options[String(argument.dropFirst(2))] = value
  } else {
    files.append(argument)
  }
}
let repeats = max(1, Int(options["repeats"] ?? "") ?? 3)
let seconds = Double(options["seconds"] ?? "") ?? 0.3

func cpuSeconds() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

var workloads: [(String, Model)] = []
for (name, json) in [
  ("reference, 300", ReferenceWorkload.sixStates(persons: 300, pairing: "coupled")),
  ("reference, independent, 300", ReferenceWorkload.sixStates(persons: 300, pairing: "independent")),
  (
    "reference, 30,000 (even)",
    ReferenceWorkload.sixStates(persons: 30_000, pairing: "coupled", spread: "even")
  ),
] {
  do { workloads.append((name, try Model.load(Array(json.utf8)))) } catch {
    fatalError("reference workload invalid: \(error)")
  }
}
for file in files {
  guard let data = FileManager.default.contents(atPath: file) else {
    fatalError("cannot read \(file)")
  }
  do {
    let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
    workloads.append((name, try Model.load(Array(data))))
  } catch { fatalError("\(file): \(error)") }
}

let kernels: [Kernel] = [.individual, .aggregated, .jump]
print("| workload | person-cycles/it | individual µs/it | aggregated µs/it | jump µs/it |"
  + " auto picks | auto / fastest |")
print("|---|---:|---:|---:|---:|---|---:|")
for (name, model) in workloads {
  let usable = kernels.filter { kernel in
    (try? Simulation.kernel(for: model, choice: KernelChoice(rawValue: kernel.rawValue) ?? .auto))
      == kernel
  }
  // Iterations per timed run, from one short run of each kernel.
  var iterations: [Kernel: Int] = [:]
  var personCycles = 0.0
  for kernel in usable {
    let start = cpuSeconds()
    let cycles = (try? Simulation.kernelOnly(model, kernel: kernel, iterations: 3, seed: 1)) ?? 0
    personCycles = cycles / 3
    let each = max((cpuSeconds() - start) / 3, 1e-7)
    iterations[kernel] = max(3, min(1_000_000, Int(seconds / each)))
  }
  var best: [Kernel: Double] = [:]
  for round in 0..<repeats {
    for kernel in round % 2 == 0 ? usable : usable.reversed() {
      let n = iterations[kernel] ?? 3
      let start = cpuSeconds()
      _ = try? Simulation.kernelOnly(model, kernel: kernel, iterations: n, seed: UInt64(round + 2))
      let perIteration = (cpuSeconds() - start) / Double(n) * 1e6
      best[kernel] = min(best[kernel] ?? .infinity, perIteration)
    }
  }
  let auto = (try? Simulation.kernel(for: model, choice: .auto)) ?? .individual
  let fastest = best.values.min() ?? 1
  func cell(_ kernel: Kernel) -> String {
    best[kernel].map { String(format: "%.1f", $0) } ?? "–"
  }
  let ratio = (best[auto] ?? .nan) / fastest
  print(
    "| \(name) | \(Int(personCycles)) | \(cell(.individual)) | \(cell(.aggregated)) |"
      + " \(cell(.jump)) | \(auto.rawValue) | \(String(format: "%.2f", ratio)) |")
}
