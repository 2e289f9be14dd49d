import EffectSim
import Foundation
import Testing

@testable import EffectSimCLI

/// `--set NAME=VALUE` is the same as editing the file.
@Suite struct SetOptionTests {
  /// The JSON output without `run` and `settings.overrides`, re-serialised in its own order:
  /// what must be byte-identical between a run with `--set` and a run of the edited file.
  static func comparable(_ text: String) throws -> (text: String, overrides: JSONValue?) {
    guard case .object(var top) = try JSONParser.parse(text) else {
      Issue.record("not an object")
      return ("", nil)
    }
    top.removeAll { $0.key == "run" }
    var overrides: JSONValue?
    if let index = top.firstIndex(where: { $0.key == "settings" }),
      case .object(var settings) = top[index].value
    {
      overrides = settings.first { $0.key == "overrides" }?.value
      settings.removeAll { $0.key == "overrides" }
      top[index].value = .object(settings)
    }
    return (JSONValue.object(top).serialized(), overrides)
  }

  @Test(arguments: [
    ("share=0.7", #""share": 0.7"#),
    ("share=0.5 + 0.1", #""share": "0.5 + 0.1""#),
    (#"share={"beta": {"successes": 40, "trials": 50}}"#,
     #""share": {"beta": {"successes": 40, "trials": 50}}"#),
    (#"share={"uniform": {"min": 0.4, "max": 0.8}, "scope": "person"}"#,
     #""share": {"uniform": {"min": 0.4, "max": 0.8}, "scope": "person"}"#),
  ])
  func setEqualsEditingTheFile(_ argument: String, _ edited: String) throws {
    let original = #""share": {"beta": {"successes": 30, "trials": 50}}"#
    #expect(smallScenario.contains(original))
    let editedScenario = smallScenario.replacingOccurrences(of: original, with: edited)
    let common = ["-n", "300", "--seed", "5", "--format", "json"]
    let viaSet = effectsim(["run", "-", "--set", argument] + common, input: smallScenario)
    let viaFile = effectsim(["run", "-"] + common, input: editedScenario)
    #expect(viaSet.code == 0 && viaFile.code == 0, "\(viaSet.err) \(viaFile.err)")
    let set = try Self.comparable(viaSet.out)
    let file = try Self.comparable(viaFile.out)
    #expect(set.text == file.text)
    #expect(file.overrides == .array([]))
    let value = try ScenarioOverride(parsing: argument).value
    #expect(set.overrides == .array([.object([("parameter", .string("share")), ("value", value)])]))

    // The table differs by the line that lists the override (which widens the header's
    // first column), and by nothing else.
    let table = effectsim(["run", "-", "--set", argument, "-n", "300", "--seed", "5"],
      input: smallScenario)
    let fileTable = effectsim(["run", "-", "-n", "300", "--seed", "5"], input: editedScenario)
    func lines(_ text: String) -> [String] {
      text.split(separator: "\n", omittingEmptySubsequences: false).map {
        $0.split(separator: " ").joined(separator: " ")
      }
    }
    let marked = lines(table.out).filter { $0.hasPrefix("Set on the command line") }
    #expect(marked.map { $0.hasSuffix(argument) } == [true])
    #expect(
      lines(table.out).filter { !$0.hasPrefix("Set on the command line") } == lines(fileTable.out))
  }

  @Test func theRegisterMarksTheParameter() {
    let result = effectsim(
      ["run", "-", "--set", "share=0.7", "-n", "100", "--format", "html", "--lang", "da"],
      input: smallScenario)
    #expect(result.code == 0, "\(result.err)")
    #expect(result.out.contains(#"<tr data-parameter="share" data-set="0.7">"#))
    #expect(result.out.contains("Ændret på kommandolinjen (--set share=0.7)"))
    #expect(!result.out.contains(#"data-parameter="level" data-set"#))
  }

  @Test func errorsNameTheOverride() {
    let misspelt = effectsim(["run", "-", "--set", "shar=0.7"], input: smallScenario)
    #expect(misspelt.code == 65)
    #expect(misspelt.err.contains("did you mean \"share\""), "\(misspelt.err)")
    let invalid = effectsim(
      ["run", "-", "--set", #"share={"beta": {"successes": 60, "trials": 50}}"#],
      input: smallScenario)
    #expect(invalid.code == 65)
    #expect(invalid.err.contains("parameters.share.beta"), "\(invalid.err)")
    #expect(invalid.err.contains("(from --set share="), "\(invalid.err)")
    let twice = effectsim(["run", "-", "--set", "share=0.7", "--set", "share=0.6"],
      input: smallScenario)
    #expect(twice.code == 64)
    #expect(twice.err.contains("share given twice"), "\(twice.err)")
    let comma = effectsim(["run", "-", "--set", "share=0,7"], input: smallScenario)
    #expect(comma.code == 64)
    #expect(comma.err.contains("decimal point (0.7)"), "\(comma.err)")
  }
}
