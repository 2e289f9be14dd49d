import Foundation
import Testing

@testable import EffectSimCLI

/// `run --precision P`: the count used and the target in the output, the cap, the refusals.
@Suite struct PrecisionCommandTests {
  /// Pays back in its first year exactly when u ≤ 0.5: every payback probability is ½.
  static let halfPayback = """
    {"format": "effectsim/1", "name": "A coin", "start": 2020, "years": 2,
     "parameters": {"u": {"uniform": {"min": 0, "max": 1}}},
     "states": [{"id": "waiting", "costs": [{"area": "Service", "perCycle": 0}]}],
     "arms": {"intervention": {"transitions": []}, "control": {"transitions": []}},
     "cohort": {"intake": [{"year": 2020, "count": 1}]},
     "lineItems": [{"label": "bet", "area": "Service", "byYear": {"2020": "1000 * (u - 0.5)"}}]}
    """

  private func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  private func withoutRun(_ text: String) throws -> String {
    var object = try json(text)
    object["run"] = nil
    let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    return String(decoding: data, as: UTF8.self)
  }

  @Test func jsonStatesTheCountUsedAndTheTarget() throws {
    let outputs = ["1", "4"].map { threads in
      let result = effectsim(
        ["run", "-", "--precision", "0.005", "--seed", "2", "--threads", threads, "-f", "json"],
        input: Self.halfPayback)
      #expect(result.code == 0, "\(result.err)")
      return result.out
    }
    #expect(try withoutRun(outputs[0]) == withoutRun(outputs[1]))
    let settings = try #require(try json(outputs[0])["settings"] as? [String: Any])
    let iterations = try #require(settings["iterations"] as? Int)
    #expect(iterations == 10_000 || iterations == 20_000)
    #expect(settings["precision"] as? Double == 0.005)
    #expect(settings["precisionReached"] as? Bool == true)
    #expect(settings["iterationCap"] as? Int == 1_000_000)
  }

  @Test func theCapIsIterations() throws {
    let result = effectsim(
      ["run", "-", "--precision", "0.001", "--iterations", "25000", "-f", "json"],
      input: Self.halfPayback)
    #expect(result.code == 0, "\(result.err)")
    let settings = try #require(try json(result.out)["settings"] as? [String: Any])
    #expect(settings["iterations"] as? Int == 25_000)
    #expect(settings["precisionReached"] as? Bool == false)
    #expect(settings["iterationCap"] as? Int == 25_000)
  }

  @Test func aFixedRunHasNoPrecisionKeys() throws {
    let result = effectsim(
      ["run", "-", "--iterations", "100", "-f", "json"], input: Self.halfPayback)
    let settings = try #require(try json(result.out)["settings"] as? [String: Any])
    #expect(settings["precision"] == nil && settings["iterationCap"] == nil)
  }

  @Test(arguments: ["table", "markdown", "html"])
  func theReportSaysThePrecision(format: String) {
    let result = effectsim(
      ["run", "-", "--precision", "0.02", "-f", format], input: Self.halfPayback)
    #expect(result.code == 0, "\(result.err)")
    #expect(result.out.contains("Precision"), "\(result.out.prefix(600))")
    #expect(result.out.contains("MCSE ≤ 0,02 on every payback probability: reached"))
    let danish = effectsim(
      ["run", "-", "--precision", "0.02", "-f", format, "--lang", "da"], input: Self.halfPayback)
    #expect(danish.out.contains("Præcision"))
    #expect(
      danish.out.replacingOccurrences(of: "\n", with: " ")
        .contains("MCSE ≤ 0,02 for hver sandsynlighed for, at investeringen er tjent hjem: nået"))
  }

  @Test(arguments: [
    ["--precision", "0"], ["--precision", "0.7"], ["--precision", "tight"],
    ["--precision", "0.01", "--deterministic"],
    ["--precision", "0.01", "--shard", "0/2", "-o", "part-0.espart"],
  ])
  func refusals(extra: [String]) {
    let result = effectsim(["run", "-"] + extra, input: Self.halfPayback)
    #expect(result.code == 64, "\(result.err)")
    #expect(result.err.contains("--precision"), "\(result.err)")
    #expect(result.out.isEmpty)
  }
}
