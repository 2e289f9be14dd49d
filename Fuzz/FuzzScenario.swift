#if canImport(Glibc)
  import Glibc
#endif
import EffectSim
import EffectSimReport

/// libFuzzer target: a scenario file's bytes through everything a user's file goes through —
/// JSON parsing, validation, compilation, a deterministic run, a short Monte Carlo run and
/// every renderer. Built and run by `Fuzz/fuzz.sh`, never by `swift build` (docs/limits.md).
///
/// A finding is a crash (trap, abort, sanitizer report) or a check below failing: a run that
/// succeeded but reports a statistic that is not a finite number, or an input that needs more
/// than `cpuSecondsLimit` of CPU time. CPU time, not libFuzzer's wall-clock timeout, because
/// the machine is shared and the fuzzer runs at the lowest priority.
@_cdecl("LLVMFuzzerTestOneInput")
public func effectSimFuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  guard let data else { return 0 }
  let start = FuzzScenario.cpuSeconds()
  FuzzScenario.check(Array(UnsafeBufferPointer(start: data, count: size)))
  let used = FuzzScenario.cpuSeconds() - start
  if used > FuzzScenario.cpuSecondsLimit {
    FuzzScenario.fail("one input took \(used) s of CPU time (sanitizers included)")
  }
  return 0
}

enum FuzzScenario {
  /// A real scenario validates and runs in well under a second; with AddressSanitizer and
  /// coverage counters this allows some 20 times that.
  static let cpuSecondsLimit = 10.0

  /// Reports a finding and traps. In fork mode libFuzzer keeps only the lines of a job's log
  /// that contain "ERROR:", so the reason goes into such a line before the trap (whose own
  /// "Fatal error" line would be dropped).
  static func fail(_ reason: String) -> Never {
    let line = Array("==EffectSim== ERROR: \(reason)\n".utf8)
    _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    fatalError(reason)
  }

  static func cpuSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) * 1e-9
  }

  static func check(_ bytes: [UInt8]) {
    guard let model = try? Model.load(bytes) else { return }
    guard let deterministic = try? Simulation.deterministic(model) else { return }
    inspect(deterministic)
    // A few Monte Carlo iterations where they are cheap, so fuzzing stays fast; the
    // deterministic run above has already allocated the tables the prediction evaluates.
    let predicted = Simulation.predictedKernelSeconds(model)
    guard min(predicted.individual, predicted.aggregated ?? .infinity) < 0.002 else { return }
    for kernel in [KernelChoice.auto, .individual] {
      let options = RunOptions(iterations: 3, seed: 7, threads: 1, kernel: kernel)
      guard var summary = try? Simulation.monteCarlo(model, options: options) else { continue }
      summary.attachDeterministic(deterministic)
      inspect(summary)
    }
  }

  /// Renders `summary` in every format and chart, and checks its JSON: every statistic object
  /// must hold numbers only.
  static func inspect(_ summary: RunSummary) {
    for format in OutputFormat.allCases where format != .json {
      _ = Renderer.render(summary, as: format)
    }
    for chart in ReportChart.allCases { _ = Renderer.renderChart(summary, chart) }
    let json = Renderer.render(summary, as: .json)
    guard let document = try? JSONParser.parse(json) else {
      fail("the JSON output does not parse")
    }
    if let path = nonNumericStatistic(document, at: "") {
      fail("a statistic that is not a number at \(path)")
    }
  }

  /// The path of the first statistic object (`mean`, `sd`, `mcse`, `percentiles`) holding
  /// anything but numbers, or of the first non-number in a `probabilityByYear` list.
  static func nonNumericStatistic(_ value: JSONValue, at path: String) -> String? {
    switch value {
    case .object(let members):
      let keys = Set(members.map(\.key))
      if keys.isSuperset(of: ["mean", "sd", "mcse", "percentiles"]) {
        let numbers =
          members.filter { $0.key != "percentiles" }.map(\.value)
          + (value["percentiles"]?.members.map(\.value) ?? [])
        for number in numbers {
          guard case .number(let x) = number, x.isFinite else { return path }
        }
        return nil
      }
      for (key, member) in members {
        if let found = nonNumericStatistic(member, at: path + "." + key) { return found }
      }
    case .array(let elements):
      for (index, element) in elements.enumerated() {
        if path.hasSuffix("probabilityByYear") {
          guard case .number = element else { return path + "[\(index)]" }
        }
        if let found = nonNumericStatistic(element, at: path + "[\(index)]") { return found }
      }
    default:
      break
    }
    return nil
  }
}
