import Testing

@testable import EffectSim

/// Who enters when: counts from expressions rounded half up, and even spreads placed at
/// ⌊k · c / n⌋ — checked through the person-cycles on benefits, nobody ever leaving.
@Suite struct IntakeTests {
  static func benefitCycles(count: String, spread: String = "start", years: Int = 1) throws
    -> Double
  {
    let json = Fixtures.twoState(
      pIntervention: "0", pControl: "0", years: years, count: count, spread: spread)
    let summary = try Simulation.deterministic(try Fixtures.model(json))
    return try #require(summary.outcomes.first { $0.name == "benefitCycles" }).intervention.mean
  }

  @Test(
    arguments: [("\"5 / 2\"", 3.0), ("\"1 / 2\"", 1), ("\"9 / 2\"", 5), ("\"2.49\"", 2), ("4", 4)])
  func countsRoundHalfUp(count: String, persons: Double) throws {
    #expect(try Self.benefitCycles(count: count) == persons * 12)
  }

  /// Five people over twelve months enter at 0, 2, 4, 7 and 9 (⌊12k/5⌋).
  @Test func evenSpreadOfFive() throws {
    #expect(try Self.benefitCycles(count: "5", spread: "even") == 12 + 10 + 8 + 5 + 3)
  }
}
