import Foundation
import Testing

@testable import EffectSim

/// Every kernel against `MarkovOracle`, the expected trace computed in the test by plain
/// arithmetic: yearly arm costs, net impact per area, outcomes and occupancy shares.
///
/// The scenarios put window boundaries where no year and no `occupancyAt` cycle falls, so a
/// kernel that misses a boundary cannot be rescued by a cut made for another reason; the
/// Monte Carlo kernels are named explicitly (never `auto`) and compared with the oracle within
/// four Monte Carlo standard errors, on fixed seeds; the expected trace within rounding.
@Suite struct ClosedFormKernelTests {
  /// Windows off the grid: transition boundaries at 3, 5, 7 and 17, charge boundaries at 1, 6,
  /// 8 and 11, `occupancyAt` at 2, 4, 10 and 20, years at 12 and 24; two intakes, one spread
  /// evenly; a state with two outgoing moves in each arm; arm-only costs.
  static func offGrid(occupancy: String, pairing: String) -> MarkovOracle {
    typealias W = MarkovOracle.Window
    return MarkovOracle(
      years: 3, occupancy: occupancy, pairing: pairing, states: ["benefit", "job", "dropout"],
      initial: [[0.8, 0, 0.2], [0.9, 0, 0.1]],
      moves: [
        [
          .init(from: 0, to: 1, p: 0.5, window: W(from: 0, to: 3)),
          .init(from: 0, to: 1, p: 0.06, window: W(from: 3, to: 17)),
          .init(from: 0, to: 1, p: 0.02, window: W(from: 17)),
          .init(from: 0, to: 2, p: 0.04, window: W(from: 5)),
          .init(from: 1, to: 0, p: 0.15, window: W(from: 7)),
          .init(from: 2, to: 0, p: 0.05),
        ],
        [
          .init(from: 0, to: 1, p: 0.2, window: W(from: 0, to: 5)),
          .init(from: 0, to: 1, p: 0.03, window: W(from: 5)),
          .init(from: 0, to: 2, p: 0.03),
          .init(from: 1, to: 0, p: 0.1),
          .init(from: 2, to: 0, p: 0.05, window: W(from: 0, to: 7)),
        ],
      ],
      costs: [
        .init(state: 0, area: "Overførsler", amount: 1000),
        .init(state: 0, area: "Service", amount: 300, arm: 0, window: W(from: 1, to: 6)),
        .init(state: 1, area: "Service", amount: 200, window: W(from: 8, to: 11)),
        .init(state: 2, area: "Overførsler", amount: 800, arm: 1),
      ],
      outcomes: [
        .init(state: 1, name: "employed", weight: 1), .init(state: 0, name: "onBenefit", weight: 1),
      ],
      intake: [.init(year: 0, count: 40), .init(year: 1, count: 20, even: true)],
      occupancyAt: [2, 4, 10, 20])
  }

  /// The review's three-line scenario: p = 0.5 in cycles [0, 3), no `occupancyAt`, one year.
  static func threeLines(occupancy: String) -> MarkovOracle {
    MarkovOracle(
      years: 1, occupancy: occupancy, states: ["benefit", "job"],
      moves: [[.init(from: 0, to: 1, p: 0.5, window: .init(from: 0, to: 3))], []],
      costs: [.init(state: 0, area: "Overførsler", amount: 1000)],
      intake: [.init(year: 0, count: 100)])
  }

  /// Recurrent states whose leaving probabilities differ tenfold: after a move the coupled
  /// fast path must compare against the new joint state's bound, not the old one's.
  static func recurrent(pairing: String) -> MarkovOracle {
    MarkovOracle(
      years: 2, occupancy: "average", pairing: pairing, states: ["benefit", "job"],
      moves: [
        [.init(from: 0, to: 1, p: 0.04), .init(from: 1, to: 0, p: 0.35)],
        [.init(from: 0, to: 1, p: 0.03), .init(from: 1, to: 0, p: 0.35)],
      ],
      costs: [.init(state: 0, area: "Overførsler", amount: 1000)],
      outcomes: [.init(state: 1, name: "employed", weight: 1)],
      intake: [.init(year: 0, count: 30)], occupancyAt: [7])
  }

  /// Kinds of person (a discrete person-scope parameter) that change both transitions and
  /// costs; a transition boundary at 6; an arm-only cost that depends on the kind, in a window
  /// [2, 14) that ends after every other boundary and `occupancyAt` cycle; an `occupancyAt`
  /// cycle asked for twice.
  static func kinds(pairing: String) -> MarkovOracle {
    MarkovOracle(
      years: 2, occupancy: "end", pairing: pairing, states: ["benefit", "job"],
      moves: [
        [
          .init(from: 0, to: 1, p: 0.1, byKind: true, window: .init(from: 0, to: 6)),
          .init(from: 0, to: 1, p: 0.02, byKind: true, window: .init(from: 6)),
          .init(from: 1, to: 0, p: 0.05),
        ],
        [.init(from: 0, to: 1, p: 0.05, byKind: true), .init(from: 1, to: 0, p: 0.05)],
      ],
      costs: [
        .init(state: 0, area: "Overførsler", amount: 1000, byKind: true),
        .init(
          state: 0, area: "Service", amount: 400, byKind: true, arm: 0,
          window: .init(from: 2, to: 14)),
      ],
      outcomes: [.init(state: 1, name: "employed", weight: 1)],
      intake: [.init(year: 0, count: 25, even: true)], occupancyAt: [3, 8, 3],
      kinds: [(1, 2), (0.5, 1)])
  }

  /// A continuous person-scope factor on a cost (each person priced by their own draw, no
  /// kinds), beside a kind that moves people: half-cycle occupancy, windows off the grid, an
  /// arm-only cost; what the per-person pricing path must get right.
  static func personFactor(pairing: String) -> MarkovOracle {
    var oracle = kinds(pairing: pairing)
    oracle.occupancy = "average"
    oracle.personFactor = (low: 0.5, high: 2.5)
    oracle.costs = [
      .init(state: 0, area: "Overførsler", amount: 1000, byKind: true, byFactor: true),
      .init(
        state: 1, area: "Service", amount: 400, byFactor: true, arm: 0,
        window: .init(from: 3, to: 13)),
      .init(state: 0, area: "Service", amount: 250),
    ]
    return oracle
  }

  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var kernel: KernelChoice
    var make: @Sendable () -> MarkovOracle
    var testDescription: String { "\(name), \(kernel)" }
  }

  static let monteCarloCases: [Case] = {
    var cases: [Case] = []
    for kernel in [KernelChoice.individual, .aggregated] {
      for occupancy in ["start", "end", "average"] {
        for pairing in ["coupled", "independent"] {
          cases.append(
            Case(name: "off-grid windows, \(occupancy), \(pairing)", kernel: kernel) {
              offGrid(occupancy: occupancy, pairing: pairing)
            })
        }
      }
      for pairing in ["coupled", "independent"] {
        cases.append(
          Case(name: "recurrent, \(pairing)", kernel: kernel) { recurrent(pairing: pairing) })
        cases.append(Case(name: "kinds, \(pairing)", kernel: kernel) { kinds(pairing: pairing) })
        // The aggregated kernel refuses continuous person-scope parameters (it moves groups).
        if kernel == .individual {
          cases.append(
            Case(name: "continuous person factor, \(pairing)", kernel: kernel) {
              personFactor(pairing: pairing)
            })
        }
      }
    }
    return cases
  }()

  /// |value − expected| within four Monte Carlo standard errors (and rounding).
  static func near(_ stat: Statistic, _ expected: Double, _ what: @autoclosure () -> String) {
    let tolerance = 4 * stat.mcse + 1e-9 * max(1, abs(expected))
    #expect(
      abs(stat.mean - expected) <= tolerance,
      "\(what()): \(stat.mean) vs \(expected) ± \(stat.mcse)")
  }

  /// Every number the oracle knows, against the summary.
  static func compare(
    _ summary: RunSummary, _ oracle: MarkovOracle, _ expected: MarkovOracle.Expected,
    _ name: String
  ) {
    for year in 0..<oracle.years {
      near(summary.armCosts.intervention[year], expected.armCost[0][year], "\(name) I \(year)")
      near(summary.armCosts.control[year], expected.armCost[1][year], "\(name) C \(year)")
      for (area, values) in summary.netImpact.byArea {
        let net = expected.areaCost[0][year][area, default: 0]
          - expected.areaCost[1][year][area, default: 0]
        near(values[year], net, "\(name) net \(area) \(year)")
      }
    }
    #expect(summary.outcomes.count == Set(oracle.outcomes.map(\.name)).count)
    for outcome in summary.outcomes {
      let (i, c) = (expected.outcome[0][outcome.name], expected.outcome[1][outcome.name])
      near(outcome.intervention, i ?? .nan, "\(name) \(outcome.name) I")
      near(outcome.control, c ?? .nan, "\(name) \(outcome.name) C")
    }
    #expect(summary.occupancy.map(\.cycle) == oracle.occupancyAt)
    for (c, at) in summary.occupancy.enumerated() {
      for (s, (state, stat)) in at.intervention.enumerated() {
        near(stat, expected.share[c][0][s], "\(name) share at \(at.cycle) I \(state)")
      }
      for (s, (state, stat)) in at.control.enumerated() {
        near(stat, expected.share[c][1][s], "\(name) share at \(at.cycle) C \(state)")
      }
    }
  }

  @Test(arguments: monteCarloCases)
  func monteCarloMeansMatchTheOracle(_ test: Case) throws {
    let oracle = test.make()
    let model = try Fixtures.model(oracle.json)
    let summary = try Simulation.monteCarlo(
      model, options: RunOptions(iterations: 2000, seed: 17, kernel: test.kernel))
    #expect(summary.run.kernel == test.kernel.rawValue)
    Self.compare(summary, oracle, oracle.expected(), test.testDescription)
  }

  @Test(arguments: ["start", "end", "average"])
  func expectedTraceMatchesTheOracle(occupancy: String) throws {
    let oracles = [
      Self.offGrid(occupancy: occupancy, pairing: "coupled"), Self.threeLines(occupancy: occupancy),
      Self.recurrent(pairing: "coupled"), Self.kinds(pairing: "coupled"),
    ]
    for oracle in oracles {
      let summary = try Simulation.deterministic(try Fixtures.model(oracle.json))
      Self.compare(summary, oracle, oracle.expected(kindsAtMean: true), "expected trace")
    }
  }

  /// The three-line scenario by hand: 100 people at 1,000 a cycle, half leave in each of
  /// cycles 0, 1 and 2. Counted at the start: 1 + ½ + ¼ + ⅛ · 9 = 2.875 person-cycles each.
  @Test(
    arguments: [KernelChoice.individual, .aggregated],
    [("start", 287_500.0), ("end", 200_000), ("average", 243_750)])
  func threeLineWindowHasItsClosedForm(kernel: KernelChoice, occupancy: (String, Double)) throws {
    let oracle = Self.threeLines(occupancy: occupancy.0)
    #expect(abs(oracle.expected().armCost[0][0] - occupancy.1) < 1e-6)
    let model = try Fixtures.model(oracle.json)
    let summary = try Simulation.monteCarlo(
      model, options: RunOptions(iterations: 1000, seed: 5, kernel: kernel))
    Self.near(summary.armCosts.intervention[0], occupancy.1, "\(kernel) \(occupancy.0)")
    #expect(summary.armCosts.control[0].mean == 1000 * 100 * 12)
    let deterministic = try Simulation.deterministic(model)
    #expect(abs(deterministic.armCosts.intervention[0].mean - occupancy.1) < 1e-6)
  }
}
