import Testing

@testable import EffectSim

/// The format keys of the refusion staircase and of amounts on transitions: read, defaulted and
/// refused where they contradict each other, with the path of the problem.
@Suite struct StaircaseKeysTests {
  static func scenario(states: String, cohort: String = "") -> String {
    """
    {"format": "effectsim/1", "name": "keys", "start": 2020, "years": 2,
     "states": \(states),
     "arms": {"intervention": {"transitions": []}, "control": {"transitions": []}},
     "cohort": {"intake": [{"year": 2020, "count": 1}]\(cohort)}}
    """
  }

  @Test func flagsAndDefaults() throws {
    let model = try Fixtures.model(Self.scenario(states: """
      [{"id": "benefit", "covered": true,
        "costs": [{"area": "O", "perCycle": 1, "refusion": "staircase"}, {"area": "S", "perCycle": 2}]},
       {"id": "job"}, {"id": "flex", "selfSupport": false}]
      """, cohort: #", "weeksOnBenefitAtEntry": "52 * 2""#))
    #expect(model.covered == [true, false, false])
    #expect(model.selfSupport == [false, true, false])
    #expect(model.charges.map(\.staircase) == [true, false])
    #expect(model.usesStaircase)
    var tables = IterationTables(model: model)
    try tables.setBaseValues(model)
    try tables.prepareIteration(model, iteration: nil)
    #expect(tables.entryWeeks == 104)
  }

  @Test func theStaircaseNeedsACoveredState() {
    let errors = Fixtures.errors(Self.scenario(states: """
      [{"id": "benefit", "costs": [{"area": "O", "perCycle": 1, "refusion": "staircase"}]}]
      """))
    #expect(errors.map(\.path) == ["states[0].costs[0].refusion"])
    #expect(errors.first?.message.contains("\"covered\": true") ?? false)
  }

  @Test func aCoveredStateIsNotSelfSupport() {
    let errors = Fixtures.errors(Self.scenario(states: """
      [{"id": "benefit", "covered": true, "selfSupport": true}]
      """))
    #expect(errors.map(\.path) == ["states[0].selfSupport"])
  }

  @Test func anUnknownRefusionIsAShapeErrorWithASuggestion() {
    let errors = Fixtures.errors(Self.scenario(states: """
      [{"id": "benefit", "covered": true, "costs": [{"area": "O", "perCycle": 1, "refusion": "stairs"}]}]
      """))
    #expect(errors.map(\.path) == ["states[0].costs[0].refusion"])
    #expect(errors.first?.message.contains("\"staircase\"") ?? false)
  }

  @Test func aNegativeEntryClockIsRefused() {
    let errors = Fixtures.errors(Self.scenario(
      states: #"[{"id": "benefit"}]"#, cohort: #", "weeksOnBenefitAtEntry": -3"#))
    #expect(errors.map(\.path) == ["cohort.weeksOnBenefitAtEntry"])
  }

  @Test func theEntryClockMayDependOnThePerson() {
    let json = Self.scenario(
      states: #"[{"id": "benefit"}]"#, cohort: #", "weeksOnBenefitAtEntry": "w * 52""#)
      .replacingOccurrences(
        of: #""states""#,
        with: #""parameters": {"w": {"uniform": {"min": 1, "max": 3}, "scope": "person"}}, "states""#)
    #expect(Fixtures.errors(json).isEmpty)
  }
}
