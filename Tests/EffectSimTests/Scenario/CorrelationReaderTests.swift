import Testing

@testable import EffectSim

@Suite("Correlations in a scenario")
struct CorrelationReaderTests {
  static let parameters = """
    {"a": {"uniform": {"min": 0, "max": 1}}, "b": {"beta": {"alpha": 2, "beta": 3}},
     "c": {"normal": {"mean": 0, "sd": 1}}, "d": {"gamma": {"shape": 2, "scale": 1}},
     "fixedOne": 0.4, "derivedOne": "a * 2",
     "perPerson": {"uniform": {"min": 0, "max": 1}, "scope": "person"}}
    """

  func scenario(_ correlations: String) -> String {
    Fixtures.twoState(
      pIntervention: "0.1", pControl: "0.05", parameters: Self.parameters,
      extra: ", \"correlations\": \(correlations)")
  }

  func expectError(_ correlations: String, path: String, containing texts: String...) {
    let errors = Fixtures.errors(scenario(correlations))
    #expect(
      errors.contains { error in
        error.path == path && texts.allSatisfy { error.message.contains($0) }
      }, "expected \(path): \(texts), got \(errors)")
  }

  @Test func decodesValidCorrelationsInFileOrder() throws {
    let model = try Fixtures.model(scenario("""
      [{"parameters": ["a", "b"], "rank": 0.6, "note": "both follow the labour market"},
       {"parameters": ["d", "a"], "rank": -0.3}]
      """))
    let correlations = model.scenario.correlations
    #expect(correlations.count == 2)
    #expect(correlations[0] == Correlation(
      first: "a", second: "b", rank: 0.6, path: "correlations[0]",
      note: "both follow the labour market"))
    #expect(correlations[1].first == "d" && correlations[1].rank == -0.3)
    #expect(Correlation.members(of: correlations) == ["a", "b", "d"])
  }

  @Test func unknownNameSuggestsTheClosest() {
    expectError(
      #"[{"parameters": ["a", "bb"], "rank": 0.5}]"#, path: "correlations[0].parameters[1]",
      containing: "unknown parameter \"bb\"", "did you mean \"b\"", "\"a\"–\"bb\"")
  }

  @Test func personScopeIsRefused() {
    expectError(
      #"[{"parameters": ["perPerson", "a"], "rank": 0.5}]"#,
      path: "correlations[0].parameters[0]", containing: "person scope", "\"perPerson\"–\"a\"")
  }

  @Test func fixedAndDerivedAreRefused() {
    expectError(
      #"[{"parameters": ["a", "fixedOne"], "rank": 0.5}]"#,
      path: "correlations[0].parameters[1]", containing: "fixed number 0.4", "\"a\"–\"fixedOne\"")
    expectError(
      #"[{"parameters": ["derivedOne", "b"], "rank": 0.5}]"#,
      path: "correlations[0].parameters[0]", containing: "derived", "\"derivedOne\"–\"b\"")
  }

  @Test(arguments: ["1", "-1", "1.5", "-2"])
  func rankOutsideTheOpenIntervalIsRefused(rank: String) {
    expectError(
      #"[{"parameters": ["a", "b"], "rank": \#(rank)}]"#, path: "correlations[0].rank",
      containing: "strictly between -1 and 1", "\"a\"–\"b\"")
  }

  @Test func duplicatePairsAreRefusedInEitherOrder() {
    expectError(
      #"[{"parameters": ["a", "b"], "rank": 0.5}, {"parameters": ["b", "a"], "rank": 0.2}]"#,
      path: "correlations[1]", containing: "\"b\"–\"a\"", "already correlated in correlations[0]")
  }

  @Test func aParameterWithItselfIsRefused() {
    expectError(
      #"[{"parameters": ["a", "a"], "rank": 0.5}]"#, path: "correlations[0].parameters",
      containing: "correlated with itself")
  }

  @Test func contradictoryCorrelationsNameThePairAndWhatItContradicts() {
    // a~b and b~c positive force a~c positive; −0.9 cannot hold.
    expectError(
      """
      [{"parameters": ["a", "b"], "rank": 0.5}, {"parameters": ["b", "c"], "rank": 0.5},
       {"parameters": ["d", "b"], "rank": 0.1}, {"parameters": ["a", "c"], "rank": -0.9}]
      """,
      path: "correlations[3]",
      containing: "\"a\"–\"c\" with rank -0.9", "\"a\"–\"b\" 0.5", "\"b\"–\"c\" 0.5",
      "\"d\"–\"b\" 0.1", "not positive definite")
  }

  @Test func shapeIsChecked() {
    expectError(
      #"[{"parameters": ["a"], "rank": 0.5}]"#, path: "correlations[0].parameters",
      containing: "at least 2")
    expectError(
      #"[{"parameters": ["a", "b"], "rnak": 0.5}]"#, path: "correlations[0].rnak",
      containing: "did you mean \"rank\"")
  }

  @Test func aBrokenParameterIsNotReportedTwice() {
    let json = Fixtures.twoState(
      pIntervention: "0.1", pControl: "0.05",
      parameters: #"""
        {"a": {"uniform": {"min": 1, "max": 0}}, "b": {"uniform": {"min": 0, "max": 1}}}
        """#,
      extra: #", "correlations": [{"parameters": ["a", "b"], "rank": 0.5}]"#)
    let errors = Fixtures.errors(json)
    #expect(errors.map(\.path) == ["parameters.a.uniform.min"])
  }

  @Test("--set that fixes a correlated parameter drops its pairs; others keep their paths")
  func overrideFixingAParameterDropsItsPairs() throws {
    let json = scenario("""
      [{"parameters": ["a", "b"], "rank": 0.6}, {"parameters": ["c", "d"], "rank": -0.3}]
      """)
    let fixed = try ScenarioDecoder.decode(
      Array(json.utf8), overrides: [ScenarioOverride(parameter: "a", fixedAt: 0.4)])
    #expect(fixed.correlations.map(\.path) == ["correlations[1]"])
    let derived = try ScenarioDecoder.decode(
      Array(json.utf8), overrides: [ScenarioOverride(parameter: "c", value: .string("d * 2"))])
    #expect(derived.correlations.map(\.path) == ["correlations[0]"])
    // Another distribution keeps the pair, now through the new marginal.
    let redrawn = try ScenarioDecoder.decode(
      Array(json.utf8),
      overrides: [ScenarioOverride(
        parameter: "a",
        value: .object([("uniform", .object([("min", .number(0)), ("max", .number(2))]))]))])
    #expect(redrawn.correlations.count == 2)
    // A person-scope replacement is still refused, naming the pair.
    do {
      _ = try ScenarioDecoder.decode(
        Array(json.utf8),
        overrides: [ScenarioOverride(
          parameter: "a",
          value: .object([
            ("uniform", .object([("min", .number(0)), ("max", .number(2))])),
            ("scope", .string("person")),
          ]))])
      Issue.record("expected an error")
    } catch {
      #expect(error.errors.contains { $0.path == "correlations[0].parameters[0]" })
    }
  }
}
