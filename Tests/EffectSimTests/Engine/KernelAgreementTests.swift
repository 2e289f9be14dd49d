import Foundation
import Testing

@testable import EffectSim

/// The aggregated and the jump kernel against the individual (per-cycle) one: different random
/// streams, the same distribution. Tolerances are four combined Monte Carlo standard errors and a two-sample
/// Kolmogorov–Smirnov test at the 0.1 % level; seeds are fixed.
@Suite struct KernelAgreementTests {
  static let recurrent = """
    {"format": "effectsim/1", "name": "relapse", "start": 2020, "years": 4, "occupancy": "average",
     "parameters": {"relapse": {"pert": {"min": 0.15, "mode": 0.3, "max": 0.5}},
                    "monthlyRelapse": "perCycle(relapse)", "benefit": 12000},
     "states": [
       {"id": "benefit", "costs": [{"area": "Overførsler", "perCycle": "benefit"}],
        "outcomes": {"onBenefit": 1}},
       {"id": "job", "costs": [{"area": "Service", "perCycle": 500, "cycles": [0, 12], "arm": "intervention"}],
        "outcomes": {"employed": 1}},
       {"id": "dropout", "costs": [{"area": "Overførsler", "perCycle": "benefit * 0.8"}]}],
     "arms": {
       "intervention": {"initial": {"benefit": 0.9, "dropout": 0.1}, "transitions": [
         {"from": "benefit", "to": "job", "p": "reach(0.6, 18)", "cycles": [0, 18]},
         {"from": "benefit", "to": "dropout", "p": 0.01},
         {"from": "job", "to": "benefit", "p": "monthlyRelapse"}]},
       "control": {"initial": {"benefit": 0.8, "dropout": 0.2}, "transitions": [
         {"from": "benefit", "to": "job", "p": "reach(0.465, 18)", "cycles": [0, 18]},
         {"from": "benefit", "to": "job", "p": 0.005, "cycles": [18]},
         {"from": "job", "to": "benefit", "p": "monthlyRelapse"}]}},
     "cohort": {"intake": [{"year": 2020, "count": 40, "spread": "even"},
                           {"year": 2021, "count": 25}]},
     "lineItems": [{"label": "Team", "area": "Indsats", "byYear": {"2020": 100000}}],
     "report": {"occupancyAt": [6, 18]}
     PAIRING}
    """

  static let personScope = """
    {"format": "effectsim/1", "name": "kinds of person", "start": 2020, "years": 3,
     "occupancy": "end",
     "parameters": {
       "level": {"discrete": {"values": [11000, 15000, 7000], "weights": [0.6, 0.15, 0.25]},
                 "scope": "person"},
       "ready": {"discrete": {"values": [1, 0.5], "weights": [1, 1]}, "scope": "person"},
       "effect": {"beta": {"successes": 30, "trials": 100}}},
     "states": [
       {"id": "benefit", "costs": [{"area": "Overførsler", "perCycle": "level"},
                                   {"area": "Service", "perCycle": 800, "arm": "intervention", "cycles": [0, 6]}]},
       {"id": "job", "outcomes": {"employed": "1 / cyclesPerYear"}},
       {"id": "retired", "costs": [{"area": "Overførsler", "perCycle": "level * 1.1"}]}],
     "arms": {
       "intervention": {"transitions": [
         {"from": "benefit", "to": "job", "p": "ready * reach(effect + 0.1, 12)", "cycles": [0, 12]},
         {"from": "benefit", "to": "job", "p": "ready * 0.01", "cycles": [12]},
         {"from": "benefit", "to": "retired", "p": 0.004},
         {"from": "job", "to": "benefit", "p": 0.02}]},
       "control": {"transitions": [
         {"from": "benefit", "to": "job", "p": "ready * reach(effect, 12)", "cycles": [0, 12]},
         {"from": "benefit", "to": "job", "p": "ready * 0.01", "cycles": [12]},
         {"from": "benefit", "to": "retired", "p": 0.004},
         {"from": "job", "to": "benefit", "p": 0.02}]}},
     "cohort": {"intake": [{"year": 2020, "count": 30, "spread": "even"}]},
     "report": {"occupancyAt": [12]}
     PAIRING}
    """

  static let yearlyAbsorbing = Fixtures.twoState(
    pIntervention: "0.3", pControl: "p",
    parameters: #"{"p": {"uniform": {"min": 0.1, "max": 0.3}}}"#,
    years: 6, cycle: "year", occupancy: "end", count: "25",
    extra: #", "discount": {"costs": 0.04, "firstYear": 1}"#)

  static let scenarios: [(String, String)] = [
    (
      "recurrent, windows, staggered, coupled",
      recurrent.replacingOccurrences(of: "PAIRING", with: "")
    ),
    (
      "recurrent, windows, staggered, independent",
      recurrent.replacingOccurrences(of: "PAIRING", with: #", "pairing": "independent""#)
    ),
    ("discrete person scope, coupled", personScope.replacingOccurrences(of: "PAIRING", with: "")),
    (
      "discrete person scope, independent",
      personScope.replacingOccurrences(of: "PAIRING", with: #", "pairing": "independent""#)
    ),
    ("yearly, absorbing", yearlyAbsorbing),
  ]

  static func run(_ json: String, _ kernel: KernelChoice, seed: UInt64) throws -> (
    RunSummary, [[Double]]
  ) {
    let model = try Fixtures.model(json)
    let options = RunOptions(iterations: 3000, seed: seed, kernel: kernel)
    return try Simulation.monteCarlo(model, options: options) {
      stores, layout, run throws(RunError) in
      // The columns first: summarising reorders them.
      let columns = (0..<layout.count).map { Array(stores.metrics.column($0)) }
      let settings = RunSettings(
        mode: .montecarlo, iterations: options.iterations, seed: seed,
        pairing: model.pairing.rawValue, percentileLevels: model.percentiles)
      return (
        try Summarizer.summarize(
          model, layout: layout, columns: stores, settings: settings, run: run),
        columns
      )
    }
  }

  @Test(arguments: scenarios, [KernelChoice.aggregated, .jump])
  func kernelsAgreeInDistribution(scenario: (String, String), kernel: KernelChoice) throws {
    let (name, json) = scenario
    let model = try Fixtures.model(json)
    let (individual, individualColumns) = try Self.run(json, .individual, seed: 21)
    let (aggregated, aggregatedColumns) = try Self.run(json, kernel, seed: 22)
    #expect(individual.run.kernel == "individual")
    #expect(aggregated.run.kernel == kernel.rawValue)
    func agree(_ a: Statistic, _ b: Statistic, _ what: String) {
      let tolerance = 4 * (a.mcse * a.mcse + b.mcse * b.mcse).squareRoot()
      #expect(
        abs(a.mean - b.mean) <= tolerance + 1e-9,
        "\(name), \(what): \(a.mean) vs \(b.mean) ± \(tolerance)")
    }
    for year in individual.years.indices {
      agree(
        individual.netImpact.total[year], aggregated.netImpact.total[year],
        "net impact year \(year)")
      agree(
        individual.armCosts.intervention[year], aggregated.armCosts.intervention[year],
        "intervention cost \(year)")
      agree(
        individual.armCosts.control[year], aggregated.armCosts.control[year], "control cost \(year)"
      )
    }
    for (a, b) in zip(individual.outcomes, aggregated.outcomes) {
      agree(a.difference, b.difference, "outcome \(a.name)")
    }
    for (a, b) in zip(individual.occupancy, aggregated.occupancy) {
      for ((state, x), (_, y)) in zip(a.intervention + a.control, b.intervention + b.control) {
        agree(x, y, "occupancy at \(a.cycle), \(state)")
      }
    }
    // The whole distribution of cumulative net impact at the horizon.
    let layout = MetricLayout(model: model)
    let metric = layout.cumulativeTotal(model.years - 1)
    let x = individualColumns[metric]
    let y = aggregatedColumns[metric]
    let d = KolmogorovSmirnov.statistic(x, y)
    let p = KolmogorovSmirnov.pValue(d: d, n: KolmogorovSmirnov.effectiveSize(x.count, y.count))
    #expect(p >= 0.001, "\(name): KS D = \(d), p = \(p)")
    // And the spread, which the pairing decides.
    let sdI = individual.netImpact.total[model.years - 1].sd
    let sdA = aggregated.netImpact.total[model.years - 1].sd
    #expect(
      abs(sdI - sdA) <= 4 * (sdI + sdA) / (2 * Double(x.count)).squareRoot(),
      "\(name): sd \(sdI) vs \(sdA)")
  }

  @Test func aggregatedRefusesAContinuousPersonScopeParameter() throws {
    let json = Fixtures.twoState(
      pIntervention: "0.1 * grit", pControl: "0.05",
      parameters: #"{"grit": {"uniform": {"min": 0.5, "max": 1.5}, "scope": "person"}}"#)
    let model = try Fixtures.model(json)
    #expect(throws: RunError.self) {
      try Simulation.monteCarlo(model, options: RunOptions(iterations: 10, kernel: .aggregated))
    }
    #expect {
      _ = try Simulation.kernel(for: model, choice: .aggregated)
    } throws: { error in
      "\(error)".contains("\"grit\"")
    }
    #expect(try Simulation.kernel(for: model, choice: .auto) == .individual)
  }

  @Test func continuousPersonScopeThatChangesNothingIsNoObstacle() throws {
    let json = Fixtures.twoState(
      pIntervention: "0.1", pControl: "0.05",
      parameters: #"{"grit": {"uniform": {"min": 0.5, "max": 1.5}, "scope": "person"}}"#)
    #expect(
      try Simulation.kernel(for: try Fixtures.model(json), choice: .aggregated) == .aggregated)
  }

  @Test func autoPicksTheAggregatedKernelForLargeCohorts() throws {
    let small = try Fixtures.model(
      Fixtures.twoState(pIntervention: "0.1", pControl: "0.05", count: "15"))
    let large = try Fixtures.model(
      Fixtures.twoState(pIntervention: "0.1", pControl: "0.05", count: "30000", spread: "even"))
    #expect(try Simulation.kernel(for: small, choice: .auto) != .aggregated)
    #expect(try Simulation.kernel(for: large, choice: .auto) == .aggregated)
  }

  /// The jump kernel pays per move, the per-cycle kernel per cycle: `auto` takes the jump
  /// kernel where people move rarely (the reference workload: a few moves in 120 cycles) and
  /// the per-cycle kernel where they move in most cycles.
  @Test func autoPicksTheJumpKernelWhereMovesAreRare() throws {
    let reference = try Fixtures.model(
      ReferenceWorkload.sixStates(persons: 300, pairing: "coupled"))
    #expect(try Simulation.kernel(for: reference, choice: .auto) == .jump)
    // Back and forth in nine cycles of ten.
    let back = #"{"from": "job", "to": "benefit", "p": 0.9}, "#
    let restless = try Fixtures.model(
      Fixtures.twoState(pIntervention: "0.9", pControl: "0.8", count: "300")
        .replacingOccurrences(of: #""transitions": ["#, with: #""transitions": ["# + back))
    #expect(try Simulation.kernel(for: restless, choice: .auto) != .jump)
    let jump = try #require(KernelCostModel.jumpNanoseconds(restless))
    #expect(jump > KernelCostModel.individualNanoseconds(restless))
  }
}
