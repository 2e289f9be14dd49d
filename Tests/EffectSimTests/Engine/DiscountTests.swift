import Foundation
import Testing

@testable import EffectSim

/// Present values and discounted payback against sums written out by hand.
@Suite struct DiscountTests {
  /// Nobody moves: 10 people on benefits (1,000 a cycle, outcome `benefitCycles` 1 a cycle)
  /// every month of every year; costs and outcomes discounted at different rates.
  static func steady(costs: Double, outcomes: Double, firstYear: Int) -> String {
    Fixtures.twoState(
      pIntervention: "0", pControl: "0", years: 4, count: "10",
      extra: """
        , "discount": {"costs": \(costs), "outcomes": \(outcomes), "firstYear": \(firstYear)},
        "lineItems": [{"label": "Team", "area": "Indsats",
                       "byYear": {"2020": 50000, "2022": 20000}}]
        """)
  }

  @Test(arguments: [0, 1])
  func costsAndOutcomesUseTheirOwnRates(firstYear: Int) throws {
    let model = try Fixtures.model(Self.steady(costs: 0.04, outcomes: 0.1, firstYear: firstYear))
    let summary = try Simulation.deterministic(model)
    func factor(_ r: Double, _ t: Int) -> Double { 1 / pow(1 + r, Double(t + firstYear)) }
    // Per arm and year: 10 people × 12 cycles × 1,000; the outcome: 120 cycles.
    var costs = 0.0
    var outcomes = 0.0
    var net = 0.0
    for t in 0..<4 {
      costs += 120_000 * factor(0.04, t)
      outcomes += 120 * factor(0.1, t)
      net += [50_000.0, 0, 20_000, 0][t] * factor(0.04, t)
    }
    let pv = summary.presentValue
    #expect(abs(pv.armCostsIntervention.mean - costs) < 1e-6)
    #expect(abs(pv.armCostsControl.mean - costs) < 1e-6)
    #expect(abs(pv.netImpactTotal.mean - net) < 1e-6)
    let benefit = try #require(pv.outcomes.first { $0.name == "benefitCycles" })
    #expect(abs(benefit.intervention.mean - outcomes) < 1e-9, "\(benefit.intervention.mean)")
    #expect(abs(benefit.control.mean - outcomes) < 1e-9)
    // Undiscounted totals stay undiscounted.
    let total = try #require(summary.outcomes.first { $0.name == "benefitCycles" })
    #expect(total.intervention.mean == 480)
    #expect(summary.armCosts.intervention.map(\.mean) == [120_000, 120_000, 120_000, 120_000])
  }

  /// An investment of 1,000 and savings of 300 a year from the second year on, at 10 %:
  /// undiscounted it pays back in year 5 (1,000 − 4 · 300 < 0); discounted, in year 6:
  /// 1,000 − 300 · Σ_{t=1..4} 1.1^−t = 49.0 > 0 and 1,000 − 300 · Σ_{t=1..5} 1.1^−t = −137.2.
  static let paysBackLate = """
    {"format": "effectsim/1", "name": "late payback", "start": 2020, "years": 7,
     "discount": {"costs": 0.1, "outcomes": 0.5},
     "states": [{"id": "any"}], "arms": {"intervention": {}, "control": {}},
     "cohort": {"intake": [{"year": 2020, "count": 0}]},
     "lineItems": [{"label": "Invest", "area": "A", "byYear": {"2020": 1000}},
                   {"label": "Save", "area": "A", "byYear": {"2021": -300, "2022": -300,
                     "2023": -300, "2024": -300, "2025": -300, "2026": -300}}],
     "payback": [{"name": "plain", "areas": "all"},
                 {"name": "discounted", "areas": "all", "discounted": true}]}
    """

  @Test func discountedPaybackPaysBackInsideTheHorizonAtItsYear() throws {
    var discounted = 1000.0
    var year = 0
    for t in 1...6 where discounted > 0 {
      discounted -= 300 / pow(1.1, Double(t))
      year = t + 1
    }
    #expect(year == 6)
    let summary = try Simulation.deterministic(try Fixtures.model(Self.paysBackLate))
    #expect(summary.payback[0].medianYear == 5)
    #expect(summary.payback[0].probabilityByYear == [0, 0, 0, 0, 1, 1, 1])
    #expect(summary.payback[1].medianYear == 6)
    #expect(summary.payback[1].probabilityByYear == [0, 0, 0, 0, 0, 1, 1])
  }

  @Test(arguments: [KernelChoice.individual, .aggregated, .jump])
  func monteCarloPaybackYearsAreTheDeterministicOnes(kernel: KernelChoice) throws {
    let summary = try Simulation.monteCarlo(
      try Fixtures.model(Self.paysBackLate),
      options: RunOptions(iterations: 20, seed: 2, kernel: kernel))
    #expect(summary.payback[0].probabilityByYear == [0, 0, 0, 0, 1, 1, 1])
    #expect(summary.payback[1].probabilityByYear == [0, 0, 0, 0, 0, 1, 1])
    #expect(summary.payback[1].probabilityNotWithinHorizon == 0)
  }
}
