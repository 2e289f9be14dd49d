import Foundation
import Testing

@testable import EffectSim

@Suite struct ScenarioDecoderTests {
  @Test func decodesTheMinimalScenario() throws {
    let model = try Fixtures.model(Fixtures.twoState(pIntervention: "0.1", pControl: "0.05"))
    #expect(model.areas == ["Overførsler"])
    #expect(model.outcomeNames == ["benefitCycles", "employed"])
    #expect(model.horizon == 36)
    #expect(model.scenario.pairing == .coupled)
    #expect(model.percentiles == [5, 10, 25, 50, 75, 90, 95])
  }

  /// Replaces the first occurrence of `target` in the minimal scenario.
  private func mutated(_ target: String, _ replacement: String) -> String {
    let base = Fixtures.twoState(pIntervention: "0.1", pControl: "0.05")
    guard let range = base.range(of: target) else { return base }
    return base.replacingCharacters(in: range, with: replacement)
  }

  private func expectError(_ json: String, path: String, containing text: String) {
    let errors = Fixtures.errors(json)
    #expect(
      errors.contains { $0.path == path && $0.message.contains(text) },
      "expected \(path): …\(text)…, got \(errors)")
  }

  // MARK: - labels

  @Test func labelsNameOutcomesAreasAndPaybackDefinitions() throws {
    let json = Fixtures.twoState(
      pIntervention: "0.1", pControl: "0.05",
      extra: #"""
        , "payback": [{"name": "Total", "areas": "all"}],
        "labels": {"employed": "Beskæftigelsesår", "Overførsler": "Overførsler (EO)",
                   "Total": "Totaløkonomi", "comment": "display text"}
        """#)
    let model = try Fixtures.model(json)
    #expect(
      model.scenario.labels == [
        "employed": "Beskæftigelsesår", "Overførsler": "Overførsler (EO)", "Total": "Totaløkonomi",
      ])
  }

  @Test func aLabelForAnUnknownNameSuggestsTheClosest() {
    let json = Fixtures.twoState(
      pIntervention: "0.1", pControl: "0.05", extra: #", "labels": {"employd": "Job"}"#)
    expectError(json, path: "labels.employd", containing: "did you mean \"employed\"")
    // A state has its own `label`; `labels` is for the names that have none.
    let state = Fixtures.twoState(
      pIntervention: "0.1", pControl: "0.05", extra: #", "labels": {"benefit": "Ydelse"}"#)
    expectError(state, path: "labels.benefit", containing: "not an outcome, area or payback")
  }

  @Test func aLabelNeedsTextAndAName() {
    let blank = Fixtures.twoState(
      pIntervention: "0.1", pControl: "0.05", extra: #", "labels": {"employed": " "}"#)
    expectError(blank, path: "labels.employed", containing: "a label needs text")
    let number = Fixtures.twoState(
      pIntervention: "0.1", pControl: "0.05", extra: #", "labels": {"employed": 3}"#)
    expectError(number, path: "labels.employed", containing: "expected a string")
    let empty = Fixtures.twoState(
      pIntervention: "0.1", pControl: "0.05", extra: #", "labels": {"": "x"}"#)
    expectError(empty, path: #"labels[""]"#, containing: "a name must not be empty")
  }

  @Test func unknownKeySuggestsTheClosest() {
    expectError(
      mutated("\"years\"", "\"yeras\""), path: "yeras", containing: "did you mean \"years\"")
  }

  @Test func missingRequiredKeyIsNamed() {
    expectError(
      mutated("\"start\": 2020,", ""), path: "", containing: "missing required key \"start\"")
  }

  @Test func wrongTypeIsNamed() {
    expectError(mutated("\"years\": 3", "\"years\": \"3\""), path: "years", containing: "expected an integer")
  }

  @Test func enumerationSuggests() {
    expectError(
      mutated("\"cycle\": \"month\"", "\"cycle\": \"monht\""), path: "cycle",
      containing: "did you mean \"month\"")
  }

  @Test func unknownStateSuggests() {
    expectError(
      mutated("\"to\": \"job\"", "\"to\": \"jbo\""),
      path: "arms.intervention.transitions[0].to", containing: "did you mean \"job\"")
  }

  @Test func unknownParameterInExpressionSuggests() {
    let json = Fixtures.twoState(
      pIntervention: "jobShare * 2", pControl: "0.05", parameters: #"{"jobShar": 0.1}"#)
    expectError(json, path: "arms.intervention.transitions[0].p", containing: "jobShar")
  }

  @Test func cycleBetweenDerivedParametersIsFound() {
    let json = Fixtures.twoState(
      pIntervention: "a", pControl: "0.05", parameters: #"{"a": "b / 2", "b": "a * 2"}"#)
    let errors = Fixtures.errors(json)
    #expect(errors.contains { $0.message.contains("cycle") && $0.path.hasPrefix("parameters.") })
  }

  @Test func invalidDistributionFieldIsNamed() {
    let json = Fixtures.twoState(
      pIntervention: "p", pControl: "0.05",
      parameters: #"{"p": {"beta": {"mean": 0.5, "sd": 0.6}}}"#)
    let errors = Fixtures.errors(json)
    #expect(errors.contains { $0.path.hasPrefix("parameters.p.beta") }, "\(errors)")
  }

  @Test func twoDistributionsAreRefused() {
    let json = Fixtures.twoState(
      pIntervention: "p", pControl: "0.05",
      parameters: #"{"p": {"uniform": {"min": 0, "max": 1}, "pert": {"min": 0, "mode": 0.5, "max": 1}}}"#)
    expectError(json, path: "parameters.p", containing: "distribution keys")
  }

  @Test func lineItemYearOutsideHorizon() {
    let json = Fixtures.twoState(
      pIntervention: "0.1", pControl: "0.05",
      extra: #", "lineItems": [{"label": "Team", "area": "Indsats", "byYear": {"2031": 5}}]"#)
    expectError(json, path: "lineItems[0].byYear.2031", containing: "outside the horizon")
  }

  @Test func personScopeInLineItemIsRefused() {
    let json = Fixtures.twoState(
      pIntervention: "0.1", pControl: "0.05",
      parameters: #"{"w": {"uniform": {"min": 0, "max": 1}, "scope": "person"}}"#,
      extra: #", "lineItems": [{"label": "Team", "area": "Indsats", "byYear": {"2021": "w"}}]"#)
    expectError(json, path: "lineItems[0].byYear.2021", containing: "person-scope")
  }

  @Test func paybackAreaTypoSuggests() {
    let json = Fixtures.twoState(
      pIntervention: "0.1", pControl: "0.05",
      extra: #", "payback": [{"name": "T", "areas": ["Overforsler"]}]"#)
    expectError(json, path: "payback[0].areas[0]", containing: "did you mean \"Overførsler\"")
  }

  @Test func commentsAreIgnoredAndSchemaAllowed() throws {
    let json = mutated("\"format\"", "\"$schema\": \"x.json\", \"comment\": \"hi\", \"format\"")
    #expect(Fixtures.errors(json).isEmpty)
  }

  @Test func reservedNameCannotBeAParameter() {
    let json = Fixtures.twoState(
      pIntervention: "0.1", pControl: "0.05", parameters: #"{"reach": 0.1}"#)
    expectError(json, path: "parameters.reach", containing: "rename")
  }

  @Test func occupancyAtBeyondHorizon() {
    let json = Fixtures.twoState(
      pIntervention: "0.1", pControl: "0.05", extra: #", "report": {"occupancyAt": [36]}"#)
    expectError(json, path: "report.occupancyAt[0]", containing: "beyond the horizon")
  }

  @Test func syntaxErrorGivesLineAndColumn() {
    let errors = Fixtures.errors("{\n  \"format\": \"effectsim/1\",,\n}")
    #expect(errors.first?.message.contains("line 2") == true, "\(errors)")
  }
}
