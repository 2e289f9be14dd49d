import Foundation
import Testing

@testable import EffectSim

/// `cyclesPerYear` is 1 in a yearly scenario, in validation as in the run: a constant
/// probability, weight or count is checked with the value the run will use.
@Suite struct CyclesPerYearTests {
  static func scenario(cycle: String, p: String, years: Int = 3) -> String {
    Fixtures.twoState(
      pIntervention: p, pControl: "0.05", years: years, cycle: cycle, count: "10")
  }

  @Test func aYearlyProbabilityScaledByCyclesPerYearIsValid() {
    #expect(Fixtures.errors(Self.scenario(cycle: "year", p: "cyclesPerYear * 0.1")).isEmpty)
    // Monthly the same expression is 1.2: refused, naming the value.
    let monthly = Fixtures.errors(Self.scenario(cycle: "month", p: "cyclesPerYear * 0.1"))
    #expect(
      monthly.contains {
        $0.path == "arms.intervention.transitions[0].p" && $0.message.contains("found 1.2")
      }, "\(monthly)")
  }

  @Test func aYearlyProbabilityAboveOneIsRefusedInValidation() {
    let yearly = Fixtures.errors(Self.scenario(cycle: "year", p: "1.5 / cyclesPerYear"))
    #expect(
      yearly.contains {
        $0.path == "arms.intervention.transitions[0].p" && $0.message.contains("found 1.5")
      }, "\(yearly)")
    #expect(Fixtures.errors(Self.scenario(cycle: "month", p: "1.5 / cyclesPerYear")).isEmpty)
  }

  @Test func aConstantThatFailsOnlyInAYearlyScenarioIsRefused() {
    let json = Fixtures.twoState(
      pIntervention: "0.1", pControl: "0.05", cycle: "year",
      extra: #"""
        , "lineItems": [{"label": "x", "area": "A",
                         "byYear": {"2020": "1 / (cyclesPerYear - 1)"}}]
        """#)
    let errors = Fixtures.errors(json)
    #expect(errors.contains { $0.path == "lineItems[0].byYear.2020" }, "\(errors)")
    let monthly = json.replacingOccurrences(of: #""cycle": "year""#, with: #""cycle": "month""#)
    #expect(Fixtures.errors(monthly).isEmpty)
  }

  @Test func initialWeightsOfZeroInAYearlyScenarioAreRefused() {
    let json = Fixtures.twoState(pIntervention: "0.1", pControl: "0.05", cycle: "year")
      .replacingOccurrences(
        of: #""intervention": {"#,
        with: #""intervention": {"initial": {"benefit": "cyclesPerYear - 1"}, "#)
    let errors = Fixtures.errors(json)
    #expect(errors.contains { $0.path == "arms.intervention.initial" }, "\(errors)")
  }

  /// p = cyclesPerYear · 0.1 = 0.1 a year: 10 people on benefits at 1,000 a cycle, counted at
  /// the start of each year, cost 10 · 1,000 · 0.9^t in year t.
  @Test(arguments: [KernelChoice.individual, .aggregated])
  func theRunUsesTheSameValue(kernel: KernelChoice) throws {
    let model = try Fixtures.model(Self.scenario(cycle: "year", p: "cyclesPerYear * 0.1"))
    let expected = (0..<3).map { 10_000 * pow(0.9, Double($0)) }
    let deterministic = try Simulation.deterministic(model)
    for (stat, value) in zip(deterministic.armCosts.intervention, expected) {
      #expect(abs(stat.mean - value) < 1e-6)
    }
    let summary = try Simulation.monteCarlo(
      model, options: RunOptions(iterations: 2000, seed: 6, kernel: kernel))
    for (stat, value) in zip(summary.armCosts.intervention, expected) {
      #expect(abs(stat.mean - value) <= 4 * stat.mcse + 1e-9, "\(stat.mean) vs \(value)")
    }
  }
}
