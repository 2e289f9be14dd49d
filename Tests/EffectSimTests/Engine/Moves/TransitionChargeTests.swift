import Foundation
import Testing

@testable import EffectSim

/// Costs and outcomes on transitions: counted once per person moving, in the year of the move,
/// in deterministic mode (expected moves) and in both Monte Carlo kernels.
@Suite struct TransitionChargeTests {
  /// `benefit` → `job` (absorbing) with probability `pI` / `pC` per cycle; each move costs
  /// `fee` in Service and counts one "jobsStarted".
  static func scenario(
    pI: String, pC: String, years: Int = 3, window: String = "", count: String = "20",
    spread: String = "start", pairing: String = "coupled", extra: String = ""
  ) -> String {
    func arm(_ p: String) -> String {
      """
      {"transitions": [{"from": "benefit", "to": "job", "p": \(p)\(window),
        "cost": [{"area": "Service", "amount": "fee"}], "outcomes": {"jobsStarted": 1}}\(extra)]}
      """
    }
    return """
      {"format": "effectsim/1", "name": "moves", "start": 2020, "years": \(years),
       "pairing": "\(pairing)", "parameters": {"fee": 500},
       "states": [{"id": "benefit", "outcomes": {"benefitCycles": 1}}, {"id": "job"}],
       "arms": {"intervention": \(arm(pI)), "control": \(arm(pC))},
       "cohort": {"intake": [{"year": 2020, "count": \(count), "spread": "\(spread)"}]}}
      """
  }

  /// Expected moves in each year of a cohort of `n` entering at cycle 0, leaving with `p`.
  static func expectedMoves(n: Double, p: Double, years: Int) -> [Double] {
    (0..<years).map { year in
      (year * 12..<(year + 1) * 12).reduce(0) { $0 + n * pow(1 - p, Double($1)) * p }
    }
  }

  @Test func expectedMovesInDeterministicMode() throws {
    let summary = try Simulation.deterministic(
      try Fixtures.model(Self.scenario(pI: "0.1", pC: "0.04")))
    let movesI = Self.expectedMoves(n: 20, p: 0.1, years: 3)
    let movesC = Self.expectedMoves(n: 20, p: 0.04, years: 3)
    for year in 0..<3 {
      #expect(abs(summary.armCosts.intervention[year].mean - 500 * movesI[year]) < 1e-9)
      #expect(abs(summary.armCosts.control[year].mean - 500 * movesC[year]) < 1e-9)
      #expect(
        abs(summary.netImpact.total[year].mean - 500 * (movesI[year] - movesC[year])) < 1e-9)
    }
    let started = try #require(summary.outcomes.first { $0.name == "jobsStarted" })
    #expect(abs(started.intervention.mean - 20 * (1 - pow(0.9, 36))) < 1e-9)
    #expect(abs(started.control.mean - 20 * (1 - pow(0.96, 36))) < 1e-9)
  }

  /// Everyone moves at the end of the cycle `k` since entry; people enter evenly over 2020, so
  /// the moves of those entering in cycles 0…11 − k fall in 2020 and the rest in 2021.
  @Test(arguments: [KernelChoice.individual, .aggregated, nil])
  func aMoveCountsInTheYearOfItsCycle(kernel: KernelChoice?) throws {
    for k in [0, 5, 11] {
      let json = Self.scenario(
        pI: "1", pC: "0", window: #", "cycles": [\#(k), \#(k + 1)]"#, count: "12",
        spread: "even")
      let model = try Fixtures.model(json)
      let summary =
        try kernel.map {
          try Simulation.monteCarlo(model, options: RunOptions(iterations: 3, seed: 1, kernel: $0))
        } ?? Simulation.deterministic(model)
      let inFirstYear = Double(12 - k)
      let costs = summary.armCosts.intervention.map(\.mean)
      #expect(costs == [500 * inFirstYear, 500 * (12 - inFirstYear), 0], "k = \(k)")
      #expect(summary.armCosts.control.map(\.mean) == [0, 0, 0])
      let started = try #require(summary.outcomes.first { $0.name == "jobsStarted" })
      #expect(started.difference.mean == 12)
    }
  }

  static let cases: [(String, String)] = [
    ("coupled", Self.scenario(pI: "0.1", pC: "0.04", count: "25", spread: "even")),
    ("independent", Self.scenario(
      pI: "0.1", pC: "0.04", count: "25", spread: "even", pairing: "independent")),
    // The same move listed twice with different fees: each move is charged its own.
    ("two transitions to the same state", Self.scenario(
      pI: "0.06", pC: "0.02", count: "25",
      extra: #", {"from": "benefit", "to": "job", "p": 0.03, "cost": [{"area": "Service", "amount": 4000}]}"#)),
  ]

  @Test(arguments: cases, [KernelChoice.individual, .aggregated])
  func kernelsMatchTheExpectedMoves(scenario: (String, String), kernel: KernelChoice) throws {
    let (name, json) = scenario
    let model = try Fixtures.model(json)
    let expected = try Simulation.deterministic(model)
    let summary = try Simulation.monteCarlo(
      model, options: RunOptions(iterations: 3000, seed: 31, kernel: kernel))
    #expect(summary.run.kernel == kernel.rawValue)
    for year in summary.years.indices {
      for (arm, stat, target) in [
        ("intervention", summary.armCosts.intervention[year],
         expected.armCosts.intervention[year].mean),
        ("control", summary.armCosts.control[year], expected.armCosts.control[year].mean),
      ] {
        #expect(
          abs(stat.mean - target) <= 4 * stat.mcse,
          "\(name), \(kernel), \(arm), year \(year): \(stat.mean) vs \(target) ± \(stat.mcse)")
      }
    }
    for outcome in summary.outcomes {
      let target = try #require(expected.outcomes.first { $0.name == outcome.name })
      #expect(
        abs(outcome.difference.mean - target.difference.mean) <= 4 * outcome.difference.mcse,
        "\(name), \(kernel), \(outcome.name)")
    }
  }

  @Test func twoTransitionsToOneStateAreChargedSeparately() throws {
    let json = Self.cases[2].1
    let summary = try Simulation.deterministic(try Fixtures.model(json))
    // Leaving at 0.06 + 0.03 a cycle; a third of the moves pay 4,000, two thirds 500.
    let moves = Self.expectedMoves(n: 25, p: 0.09, years: 3)
    for year in 0..<3 {
      let expected = moves[year] * (500 * 2 / 3 + 4000 / 3)
      #expect(abs(summary.armCosts.intervention[year].mean - expected) < 1e-9)
    }
  }

  @Test func anAmountOnATransitionIsIterationScope() {
    let json = Self.scenario(pI: "0.1", pC: "0.05")
      .replacingOccurrences(of: #""fee": 500"#, with: #""fee": {"uniform": {"min": 1, "max": 2}, "scope": "person"}"#)
    let errors = Fixtures.errors(json)
    #expect(errors.count == 2)
    #expect(errors.allSatisfy { $0.path.hasSuffix(".cost[0].amount") })
    #expect(errors.first?.message.contains("iteration scope") ?? false)
  }

  @Test func areasAndOutcomesOfTransitionsAreReported() throws {
    let model = try Fixtures.model(Self.scenario(pI: "0.1", pC: "0.05"))
    #expect(model.areas == ["Service"])
    #expect(model.outcomeNames == ["benefitCycles", "jobsStarted"])
    // A payback definition may name an area that only a transition charges.
    let json = Self.scenario(pI: "0.1", pC: "0.05")
      .replacingOccurrences(of: #""pairing""#, with: #""payback": [{"name": "S", "areas": ["Service"]}], "pairing""#)
    #expect(Fixtures.errors(json).isEmpty)
  }
}
