import Foundation
import Testing

@testable import EffectSim

/// The Monte Carlo engine against the deterministic trace and closed forms, with tolerances of
/// four Monte Carlo standard errors and fixed seeds. Every test that simulates people names
/// its kernel, so that a change of `--kernel auto`'s choice cannot change what it tests.
@Suite struct MonteCarloTests {
  static let kernels: [KernelChoice] = [.individual, .aggregated, .jump]

  static let fixedScenarios: [(String, String)] = [
    ("start, monthly", Fixtures.twoState(pIntervention: "0.1", pControl: "0.05")),
    ("average, even intake", Fixtures.twoState(
      pIntervention: "reach(0.6, 18)", pControl: "reach(0.465, 18)", occupancy: "average",
      count: "15", spread: "even")),
    ("end, yearly", Fixtures.twoState(
      pIntervention: "0.3", pControl: "0.2", years: 5, cycle: "year", occupancy: "end")),
    ("recurrent states and windows", """
      {"format": "effectsim/1", "name": "relapse", "start": 2020, "years": 4, "occupancy": "average",
       "parameters": {"relapse": "perCycle(0.3)", "benefit": 12000},
       "states": [
         {"id": "benefit", "costs": [{"area": "Overførsler", "perCycle": "benefit"}]},
         {"id": "job", "costs": [{"area": "Service", "perCycle": 500, "cycles": [0, 12], "arm": "intervention"}]},
         {"id": "dropout", "costs": [{"area": "Overførsler", "perCycle": "benefit * 0.8"}]}],
       "arms": {
         "intervention": {"initial": {"benefit": 0.9, "dropout": 0.1}, "transitions": [
           {"from": "benefit", "to": "job", "p": "reach(0.6, 18)", "cycles": [0, 18]},
           {"from": "benefit", "to": "dropout", "p": 0.01},
           {"from": "job", "to": "benefit", "p": "relapse"}]},
         "control": {"initial": {"benefit": 0.9, "dropout": 0.1}, "transitions": [
           {"from": "benefit", "to": "job", "p": "reach(0.465, 18)", "cycles": [0, 18]},
           {"from": "benefit", "to": "job", "p": 0.005, "cycles": [18]},
           {"from": "job", "to": "benefit", "p": "relapse"}]}},
       "cohort": {"intake": [{"year": 2020, "count": 20, "spread": "even"},
                             {"year": 2021, "count": 10}]},
       "lineItems": [{"label": "Team", "area": "Indsats", "byYear": {"2020": 100000}}]}
      """),
  ]

  @Test(arguments: fixedScenarios, kernels)
  func meanConvergesToTheDeterministicValue(scenario: (String, String), kernel: KernelChoice)
    throws
  {
    let (name, json) = scenario
    let model = try Fixtures.model(json)
    let expected = try Simulation.deterministic(model)
    let summary = try Simulation.monteCarlo(
      model, options: RunOptions(iterations: 4000, seed: 11, kernel: kernel))
    #expect(summary.run.kernel == kernel.rawValue)
    for year in summary.years.indices {
      let stat = summary.netImpact.total[year]
      let target = expected.netImpact.total[year].mean
      #expect(stat.mcse > 0, "\(name) year \(year)")
      #expect(abs(stat.mean - target) <= 4 * stat.mcse, "\(name) year \(year): \(stat.mean) vs \(target) ± \(stat.mcse)")
    }
  }

  @Test(arguments: kernels)
  func betaAbsorbingChainMatchesTheBetaFunctionSum(kernel: KernelChoice) throws {
    let (a, b) = (2.0, 18.0)
    let json = Fixtures.twoState(
      pIntervention: "p", pControl: "0", parameters: #"{"p": {"beta": {"alpha": 2, "beta": 18}}}"#,
      years: 2, count: "1")
    let summary = try Simulation.monteCarlo(
      try Fixtures.model(json), options: RunOptions(iterations: 20000, seed: 3, kernel: kernel))
    // E[(1 − p)^k] = B(a, b + k) / B(a, b) = Π_{j<k} (b + j) / (a + b + j).
    var expected = 0.0
    var term = 1.0
    for k in 0..<24 {
      expected += term
      term *= (b + Double(k)) / (a + b + Double(k))
    }
    let stat = try #require(summary.outcomes.first { $0.name == "benefitCycles" }).intervention
    #expect(abs(stat.mean - expected) <= 4 * stat.mcse, "\(stat.mean) vs \(expected) ± \(stat.mcse)")
  }

  @Test func uniformLineItemGivesClosedFormPaybackAndPercentiles() throws {
    let n = 20000
    let summary = try Simulation.monteCarlo(
      try Fixtures.model(Fixtures.uniformPayback), options: RunOptions(iterations: n, seed: 5))
    // Paid back by year 2 iff θ ≥ 1/2; by year 3 iff θ ≥ 1/4.
    let exact = [0.0, 0.5, 0.75]
    for (p, q) in zip(summary.payback[0].probabilityByYear, exact) {
      #expect(abs(p - q) <= 4 * (q * (1 - q) / Double(n)).squareRoot() + 1e-12, "\(p) vs \(q)")
    }
    // Cumulative in year 3 is 1e6 − 4e6·θ: its q-quantile is 1e6 − 4e6·(1 − q).
    let cumulative = summary.cumulativeNetImpact.total[2]
    for level in [5.0, 25, 50, 75, 95] {
      let q = level / 100
      let exactValue = 1e6 - 4e6 * (1 - q)
      let standardError = 4e6 * (q * (1 - q) / Double(n)).squareRoot()
      let value = try #require(cumulative.value(atPercentile: level))
      #expect(abs(value - exactValue) <= 4 * standardError, "p\(level): \(value) vs \(exactValue)")
    }
  }

  /// Every number of a summary, in a fixed order, for equality checks.
  static func numbers(_ summary: RunSummary) -> [Double] {
    func flat(_ s: Statistic) -> [Double] { [s.mean, s.sd, s.mcse] + s.percentiles.map(\.value) }
    var out: [Double] = []
    for s in summary.netImpact.total + summary.cumulativeNetImpact.total { out += flat(s) }
    for (_, values) in summary.netImpact.byArea { for s in values { out += flat(s) } }
    for s in summary.armCosts.intervention + summary.armCosts.control { out += flat(s) }
    for p in summary.payback { out += p.probabilityByYear + [p.probabilityNotWithinHorizon] }
    for o in summary.outcomes { out += flat(o.intervention) + flat(o.control) + flat(o.difference) }
    out += flat(summary.presentValue.netImpactTotal)
    for o in summary.occupancy { for (_, s) in o.intervention + o.control { out += flat(s) } }
    return out
  }

  static let personScenario = Fixtures.twoState(
    pIntervention: "pj", pControl: "pj * 0.8",
    parameters: """
      {"pj": {"pert": {"min": 0.02, "mode": 0.05, "max": 0.1}},
       "level": {"discrete": {"values": [11000, 15000], "weights": [2, 1]}, "scope": "person"},
       "uplift": "level / 1000"}
      """,
    count: "13", spread: "even",
    extra: #", "report": {"occupancyAt": [6, 18]}"#)

  @Test(arguments: kernels)
  func resultsDoNotDependOnThreadsOrRepeats(kernel: KernelChoice) throws {
    let model = try Fixtures.model(Self.personScenario)
    let runs = try [1, 2, 7, 2].map { threads in
      try Simulation.monteCarlo(
        model, options: RunOptions(iterations: 301, seed: 42, threads: threads, kernel: kernel))
    }
    let reference = Self.numbers(runs[0])
    for run in runs.dropFirst() { #expect(Self.numbers(run) == reference) }
    let other = try Simulation.monteCarlo(
      model, options: RunOptions(iterations: 301, seed: 43, threads: 2, kernel: kernel))
    #expect(Self.numbers(other) != reference)
  }

  @Test(arguments: kernels)
  func coupledPairingReducesTheSpreadOfNetImpact(kernel: KernelChoice) throws {
    func sd(_ pairing: String) throws -> Double {
      let json = Fixtures.twoState(
        pIntervention: "0.06", pControl: "0.05", extra: #", "pairing": "\#(pairing)""#)
      let summary = try Simulation.monteCarlo(
        try Fixtures.model(json), options: RunOptions(iterations: 2000, seed: 9, kernel: kernel))
      return summary.netImpact.total[1].sd
    }
    let coupled = try sd("coupled")
    let independent = try sd("independent")
    #expect(coupled < independent, "coupled \(coupled), independent \(independent)")
  }

  @Test(arguments: kernels)
  func aRunErrorNamesTheLowestFailingIteration(kernel: KernelChoice) throws {
    // p drawn above 1 in some iterations: the lowest such iteration must be reported,
    // whatever the thread count.
    let json = Fixtures.twoState(
      pIntervention: "p", pControl: "0.05",
      parameters: #"{"p": {"uniform": {"min": 0, "max": 1.02}}}"#,
      count: "1")
    let model = try Fixtures.model(json)
    var reported: [Int?] = []
    for threads in [1, 2, 5] {
      do {
        _ = try Simulation.monteCarlo(
          model, options: RunOptions(iterations: 2000, seed: 1, threads: threads, kernel: kernel))
        Issue.record("expected a run error")
      } catch {
        reported.append(error.iteration)
        #expect(error.description.contains("outside [0, 1]"))
      }
    }
    #expect(Set(reported.map { $0 ?? -1 }).count == 1)
  }
}
