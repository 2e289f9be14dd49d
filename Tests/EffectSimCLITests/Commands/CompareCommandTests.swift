import EffectSim
import Foundation
import Testing

@testable import EffectSimCLI

@Suite struct CompareCommandTests {
  private func write(_ text: String, _ name: String, in directory: URL) throws -> String {
    let file = directory.appendingPathComponent(name)
    try text.write(to: file, atomically: true, encoding: .utf8)
    return file.path
  }

  /// The JSON without what names the scenarios and without `run`.
  private func numbers(_ text: String) throws -> String {
    guard case .object(var top) = try JSONParser.parse(text) else { return "" }
    top.removeAll { ["scenarios", "run"].contains($0.key) }
    if let index = top.firstIndex(where: { $0.key == "difference" }),
      case .array(let entries) = top[index].value
    {
      top[index].value = .array(entries.map { entry in
        guard case .object(var members) = entry else { return entry }
        members.removeAll { $0.key == "scenario" }
        return .object(members)
      })
    }
    return JSONValue.object(top).serialized()
  }

  @Test func aVariantEqualsTheEditedFileAsASecondScenario() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let base = try write(smallScenario, "base.json", in: directory)
    let original = #""share": {"beta": {"successes": 30, "trials": 50}}"#
    let edited = try write(
      smallScenario.replacingOccurrences(of: original, with: #""share": 0.7"#), "edited.json",
      in: directory)
    let common = ["-n", "400", "--seed", "4", "--format", "json"]
    let viaVariant = effectsim(["compare", base, "--variant", "fast: share=0.7"] + common)
    let viaFile = effectsim(["compare", base, edited] + common)
    #expect(viaVariant.code == 0 && viaFile.code == 0, "\(viaVariant.err) \(viaFile.err)")
    #expect(try numbers(viaVariant.out) == numbers(viaFile.out))

    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(viaVariant.out.utf8)) as? [String: Any])
    let scenarios = try #require(json["scenarios"] as? [[String: Any]])
    #expect(scenarios.map { $0["name"] as? String } == ["Small \"IPS\" case", "fast"])
    #expect(scenarios.map { $0["file"] as? String } == [base, base])
    #expect((json["cumulativeNetImpact"] as? [Any])?.count == 2)
    let difference = try #require((json["difference"] as? [[String: Any]])?.first)
    #expect(difference["scenario"] as? String == "fast")
    let yearly = try #require((difference["netImpact"] as? [String: Any])?["total"] as? [Any])
    #expect(yearly.count == 3)
    let best = try #require(json["probabilityBest"] as? [Double])
    #expect(best.count == 2 && abs(best.reduce(0, +) - 1) < 1e-12)
  }

  @Test func outputsDoNotDependOnThreads() throws {
    func withoutRun(_ text: String) throws -> String {
      guard case .object(let top) = try JSONParser.parse(text) else { return "" }
      return JSONValue.object(top.filter { $0.key != "run" }).serialized()
    }
    for command in [
      ["compare", "-", "--variant", "fast: share=0.7", "-n", "300"],
      ["breakeven", "-", "--parameter", "share", "--probability", "0.5", "-n", "300"],
    ] {
      let outputs = try ["1", "3"].map { threads in
        let result = effectsim(
          command + ["--threads", threads, "--format", "json"], input: smallScenario)
        #expect(result.code == 0, "\(result.err)")
        return try withoutRun(result.out)
      }
      #expect(outputs[0] == outputs[1], "\(command[0])")
    }
  }

  @Test func scenariosWithDifferentHorizonsExit65NamingBoth() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let a = try write(smallScenario, "a.json", in: directory)
    let b = try write(
      smallScenario.replacingOccurrences(of: "\"start\": 2020", with: "\"start\": 2021")
        .replacingOccurrences(of: "\"2020\": 400000, \"2021\"", with: "\"2021\": 400000, \"2022\"")
        .replacingOccurrences(of: "\"year\": 2020", with: "\"year\": 2021"),
      "b.json", in: directory)
    let result = effectsim(["compare", a, b, "-n", "10"])
    #expect(result.code == 65, "\(result.err)")
    #expect(result.err.contains("a.json") && result.err.contains("b.json"), "\(result.err)")
  }

  @Test func usageAndScenarioErrors() {
    let alone = effectsim(["compare", "-"], input: smallScenario)
    #expect(alone.code == 64 && alone.err.contains("two scenarios or more"))
    let malformed = effectsim(["compare", "-", "--variant", "share=0.7"], input: smallScenario)
    #expect(malformed.code == 64 && malformed.err.contains("--variant"))
    let misspelt = effectsim(["compare", "-", "--variant", "x: shar=0.7"], input: smallScenario)
    #expect(misspelt.code == 65)
    #expect(misspelt.err.contains("variant \"x\"") && misspelt.err.contains("did you mean"))
    let csv = effectsim(
      ["compare", "-", "--variant", "x: share=0.7", "--format", "csv"], input: smallScenario)
    #expect(csv.code == 64)
  }

  @Test func theReportsShowDifferencesAndTheCheapest() {
    let arguments = ["compare", "-", "--variant", "slow: share=0.5", "--variant", "fast: share=0.7",
      "-n", "300", "--set", "level=13000"]
    let table = effectsim(arguments, input: smallScenario)
    #expect(table.code == 0, "\(table.err)")
    #expect(table.out.contains("3. fast (<stdin>: share=0.7)"))
    #expect(table.out.contains("Set on the command line  level=13000"))
    #expect(table.out.contains("Paired difference against scenario 1"))
    let markdown = effectsim(
      arguments + ["--format", "markdown", "--lang", "da"], input: smallScenario)
    #expect(markdown.code == 0 && markdown.out.contains("## Parvis forskel mod scenarie 1"))
    let html = effectsim(arguments + ["--format", "html"], input: smallScenario)
    #expect(html.code == 0, "\(html.err)")
    #expect(html.out.contains(#"<svg xmlns="http://www.w3.org/2000/svg" id="difference-1""#))
    #expect(html.out.contains(#"id="difference-2""#))
    #expect(html.out.contains(#"id="best-chart""#))
    #expect(html.out.contains("2. slow − 1. Small"))
    #expect(!html.out.contains("<script"))
  }
}
