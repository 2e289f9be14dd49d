import EffectSim
import Foundation
import Testing

@testable import EffectSimCLI

/// What every scenario, however hostile, must come to: `validate` and `run` end with exit 0
/// or a clean refusal (65) — never an internal error, a trap or an abort (which would end
/// this test process) — and a run that succeeds reports numbers only.
enum HostileInput {
  static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The bundled business cases, as text.
  static let bundledScenarios: [(name: String, text: String)] = {
    let directory = repository.appendingPathComponent("scenarios")
    let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return files.filter { $0.hasSuffix(".json") && $0 != "effectsim.schema.json" }.sorted()
      .compactMap { name in
        (try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8))
          .map { (name, $0) }
      }
  }()

  /// Validates `text` and, when valid, runs it deterministically in every format and, when a
  /// few iterations are cheap, by Monte Carlo; records an issue for anything but a clean end.
  /// - Parameter label: names the input in recorded issues.
  /// - Returns: whether the scenario was valid.
  @discardableResult
  static func requireCleanEnd(_ text: String, label: String) -> Bool {
    requireCleanEnd(bytes: Array(text.utf8), label: label)
  }

  /// As `requireCleanEnd(_:label:)`, for bytes that need not be UTF-8.
  @discardableResult
  static func requireCleanEnd(bytes text: [UInt8], label: String) -> Bool {
    let validated = effectsim(["validate", "-"], bytes: text)
    guard validated.code == 0 else {
      #expect(validated.code == 65, "\(label): validate exit \(validated.code)\n\(validated.err)")
      return false
    }
    // Validation passed: compiling must too, and the model says what a run costs.
    guard let model = try? Model.load(text) else {
      Issue.record("\(label): validate said ok, compiling failed")
      return true
    }
    // JSON always (its statistics are checked), and one other format in turn.
    let other = ["table", "csv", "markdown", "html"][label.utf8.reduce(0) { $0 &+ Int($1) } % 4]
    for format in ["json", other] {
      let result = effectsim(["run", "-", "--deterministic", "--format", format], bytes: text)
      guard result.code == 0 else {
        #expect(
          result.code == 65, "\(label): run --deterministic exit \(result.code)\n\(result.err)")
        return true
      }
      if format == "json" { requireNumbers(result.out, label: label + " (deterministic)") }
    }
    guard runsMonteCarlo(model) else { return true }
    for format in ["json", "html"] {
      let result = effectsim(
        ["run", "-", "-n", "3", "--threads", "1", "--format", format, "--percentiles", "5,50,95"],
        bytes: text)
      guard result.code == 0 else {
        #expect(result.code == 65, "\(label): run exit \(result.code)\n\(result.err)")
        return true
      }
      if format == "json" { requireNumbers(result.out, label: label) }
    }
    return true
  }

  /// Whether `requireCleanEnd` also runs `model` by Monte Carlo: when the kernels' cost model
  /// (constants, no clock) predicts under a millisecond per iteration, so the batch stays fast
  /// and its choice never depends on the machine or its load.
  static func runsMonteCarlo(_ model: Model) -> Bool {
    let predicted = Simulation.predictedKernelSeconds(model)
    return min(predicted.individual, predicted.aggregated ?? .infinity) < 0.001
  }

  /// Every statistic of a JSON report is a number: no `null` stands for an overflow.
  static func requireNumbers(_ json: String, label: String) {
    guard let document = try? JSONParser.parse(json) else {
      Issue.record("\(label): the JSON output does not parse")
      return
    }
    if let path = nonNumericStatistic(document, at: "") {
      Issue.record("\(label): a statistic that is not a number at \(path)")
    }
  }

  /// The path of the first statistic object (`mean`, `sd`, `mcse`, `percentiles`) holding
  /// anything but numbers.
  static func nonNumericStatistic(_ value: JSONValue, at path: String) -> String? {
    switch value {
    case .object(let members):
      if Set(members.map(\.key)).isSuperset(of: ["mean", "sd", "mcse", "percentiles"]) {
        let numbers =
          members.filter { $0.key != "percentiles" }.map(\.value)
          + (value["percentiles"]?.members.map(\.value) ?? [])
        return numbers.allSatisfy { if case .number = $0 { true } else { false } } ? nil : path
      }
      for (key, member) in members {
        if let found = nonNumericStatistic(member, at: path + "." + key) { return found }
      }
    case .array(let elements):
      for (index, element) in elements.enumerated() {
        if let found = nonNumericStatistic(element, at: path + "[\(index)]") { return found }
      }
    default:
      break
    }
    return nil
  }
}
