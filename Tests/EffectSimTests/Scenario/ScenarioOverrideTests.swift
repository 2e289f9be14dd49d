import Testing

@testable import EffectSim

@Suite struct ScenarioOverrideTests {
  @Test(arguments: [
    ("places=230", JSONValue.number(230)),
    (" ipsShare = 0.55 ", .number(0.55)),
    ("x=-1e3", .number(-1000)),
    ("x=places * 0.9", .string("places * 0.9")),
    ("x=\"a + b\"", .string("a + b")),
    ("x={\"beta\": {\"successes\": 120, \"trials\": 240}}",
     .object([("beta", .object([("successes", .number(120)), ("trials", .number(240))]))])),
    ("x=a=b", .string("a=b")),
  ])
  func readsNumbersExpressionsAndDistributions(_ argument: String, _ value: JSONValue) throws {
    let override = try ScenarioOverride(parsing: argument)
    #expect(override.value == value)
    #expect(!override.parameter.isEmpty && !override.parameter.contains(" "))
  }

  @Test(arguments: [
    ("places", "not NAME=VALUE"), ("=3", "not a parameter name"), ("2x=3", "not a parameter"),
    ("x=", "no value"), ("x=0,55", "decimal point (0.55)"), ("x={\"beta\": ", "x={\"beta\":"),
    ("x=[1, 2", "x=[1, 2"),
  ])
  func refusesWhatIsNotAnOverride(_ argument: String, _ message: String) {
    #expect {
      try ScenarioOverride(parsing: argument)
    } throws: { error in
      "\(error)".contains(message)
    }
  }

  private let scenario = Fixtures.twoState(
    pIntervention: "reach(share, 18)", pControl: "0.02",
    parameters: #"{"comment": "c", "share": {"uniform": {"min": 0.3, "max": 0.5}}, "level": 2}"#)

  private func decode(_ overrides: String...) throws -> Scenario {
    try ScenarioDecoder.decode(
      Array(scenario.utf8), overrides: overrides.map { try ScenarioOverride(parsing: $0) })
  }

  @Test func replacesTheWholeDefinitionAndRemembersIt() throws {
    let fixed = try decode("share=0.4")
    guard case .fixed(let value) = fixed.parameters[0].definition else {
      Issue.record("share is not fixed: \(fixed.parameters[0].definition)")
      return
    }
    #expect(value == 0.4)
    #expect(fixed.overrides.map(\.description) == ["share=0.4"])
    let derived = try decode("share=level / 5")
    guard case .derived(let expression) = derived.parameters[0].definition else {
      Issue.record("share is not derived")
      return
    }
    #expect(expression.source == "level / 5")
    let later = try decode("share=0.4", "share=0.45")
    guard case .fixed(0.45) = later.parameters[0].definition else {
      Issue.record("the later override did not win")
      return
    }
    #expect(try decode().overrides.isEmpty)
  }

  @Test func aMisspeltNameGetsASuggestion() {
    #expect {
      try decode("shar=0.4")
    } throws: { error in
      guard let errors = error as? ScenarioErrors, let first = errors.errors.first else {
        return false
      }
      return first.message.contains("no parameter \"shar\"")
        && first.message.contains("did you mean \"share\"")
    }
    // The comment in the name map is not a parameter.
    #expect(throws: ScenarioErrors.self) { try decode("comment=1") }
  }

  @Test func aBadValueIsValidatedLikeTheFileAndSaysWhereItCameFrom() {
    let cases = [
      ("share={\"uniform\": {\"min\": 0.5, \"max\": 0.3}}", "parameters.share.uniform"),
      ("share=level +", "parameters.share"),
      ("share=nothere * 2", "parameters.share"),
      ("share=true", "parameters.share"),
      ("share=share * 2", "parameters.share"),
    ]
    for (argument, path) in cases {
      do {
        _ = try decode(argument)
        Issue.record("\(argument) was accepted")
      } catch let error as ScenarioErrors {
        let matching = error.errors.filter { $0.path.hasPrefix(path) }
        #expect(!matching.isEmpty, "\(argument): \(error)")
        #expect(
          matching.allSatisfy { $0.message.hasSuffix("(from --set \(argument))") },
          "\(argument): \(error)")
      } catch {
        Issue.record("\(argument): \(error)")
      }
    }
  }
}
