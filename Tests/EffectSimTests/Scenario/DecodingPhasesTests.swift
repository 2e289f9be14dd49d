import Testing

@testable import EffectSim

/// Checks that read names (person scope, states, parameters) see every name of the document,
/// wherever in the file it is declared.
@Suite struct DecodingPhasesTests {
  /// `late` is person-scope through two derived parameters declared before it.
  static let chain = #"""
    {"first": "second * 2", "second": "late + 1",
     "late": {"uniform": {"min": 0, "max": 1}, "scope": "person"}}
    """#

  @Test func personScopeReachesThroughDerivedParametersDeclaredEarlier() throws {
    let json = Fixtures.twoState(
      pIntervention: "0.1", pControl: "0.05", parameters: Self.chain,
      extra: #", "lineItems": [{"label": "x", "area": "A", "byYear": {"2021": "first"}}]"#)
    let errors = Fixtures.errors(json)
    #expect(
      errors.contains {
        $0.path == "lineItems[0].byYear.2021" && $0.message.contains("\"first\"")
          && $0.message.contains("person-scope")
      }, "\(errors)")
    // Without the line item the scenario is valid, and the chain is person-scope.
    let model = try Fixtures.model(
      Fixtures.twoState(pIntervention: "first / 10", pControl: "0.05", parameters: Self.chain))
    let scopes = model.scenario.parameters.map { "\($0.name):\($0.scope.rawValue)" }
    #expect(scopes == ["first:person", "second:person", "late:person"])
    #expect(model.transitionsDependOnPerson)
  }

  @Test func personScopeInIntakeAndInitialWeightsIsRefused() {
    let json = Fixtures.twoState(
      pIntervention: "0.1", pControl: "0.05", parameters: Self.chain, count: "\"second\"")
      .replacingOccurrences(
        of: #""control": {"#, with: #""control": {"initial": {"benefit": "first", "job": 1}, "#)
    let paths = Set(Fixtures.errors(json).map(\.path))
    #expect(paths == ["cohort.intake[0].count", "arms.control.initial.benefit"], "\(paths)")
  }

  /// Arms before states and parameters, states after the payback: the order of the document's
  /// keys changes nothing.
  @Test func membersInAnyOrder() throws {
    let json = """
      {"arms": {"intervention": {"transitions": [{"from": "a", "to": "b", "p": "p / cyclesPerYear"}]},
                "control": {}},
       "payback": [{"name": "T", "areas": ["X"]}],
       "cohort": {"intake": [{"year": 2021, "count": 3}]},
       "states": [{"id": "a", "costs": [{"area": "X", "perCycle": "c"}]}, {"id": "b"}],
       "parameters": {"c": "2 * p", "p": 0.5},
       "format": "effectsim/1", "name": "order", "cycle": "year", "years": 2, "start": 2020}
      """
    let model = try Fixtures.model(json)
    #expect(model.cyclesPerYear == 1 && model.horizon == 2)
    let summary = try Simulation.deterministic(model)
    // Three people enter in 2021 on `a` at 1.0 a cycle: 3 in 2021.
    #expect(summary.armCosts.intervention.map(\.mean) == [0, 3])
  }
}
