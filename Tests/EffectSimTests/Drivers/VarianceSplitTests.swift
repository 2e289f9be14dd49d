import Foundation
import Testing

@testable import EffectSim

/// Chance against knowledge (`--variance-split`) on a cohort whose answer is known.
///
/// N people on benefit (1,000 kr. a year) each leave for a job with probability p in the one
/// yearly cycle, p ~ Beta(α, β) drawn once per iteration, counted after the move. The target
/// is Y = −1,000·X with X ~ Binomial(N, p) given p, so
/// Var(E[Y | p]) = 1,000²·N²·Var(p) and E[Var(Y | p)] = 1,000²·N·E[p(1 − p)].
@Suite("What drives the risk: chance against knowledge")
struct VarianceSplitTests {
  static let (alpha, beta, people) = (2.0, 3.0, 15.0)
  static let scenario = """
    {"format": "effectsim/1", "name": "binomial cohort", "start": 2020, "years": 1,
     "cycle": "year", "occupancy": "end",
     "parameters": {"p": {"beta": {"alpha": \(alpha), "beta": \(beta)}}},
     "states": [{"id": "benefit", "costs": [{"area": "Overførsler", "perCycle": 1000}]},
                {"id": "job"}],
     "arms": {"intervention": {"transitions": [{"from": "benefit", "to": "job", "p": "p"}]},
              "control": {}},
     "cohort": {"intake": [{"year": 2020, "count": \(Int(people))}]}}
    """

  static var closedForm: (parameter: Double, chance: Double) {
    let mean = alpha / (alpha + beta)
    let variance = alpha * beta / ((alpha + beta) * (alpha + beta) * (alpha + beta + 1))
    let pq = mean - (variance + mean * mean)
    return (1e6 * people * people * variance, 1e6 * people * pq)
  }

  @Test(arguments: [KernelChoice.individual, .aggregated])
  func parameterAndChanceVariancesMatchTheClosedForm(kernel: KernelChoice) throws {
    let n = 20_000
    var options = RunOptions(iterations: n, seed: 12, threads: 2, kernel: kernel)
    options.varianceSplit = true
    options.keepDraws = true
    let summary = try Simulation.monteCarlo(try Fixtures.model(Self.scenario), options: options)
    let split = try #require(summary.varianceSplit.first)
    #expect(summary.varianceSplit.count == 1 && split.cohortSize == 15)

    // Monte Carlo standard errors of the two estimators, from the pairs themselves.
    let draws = try #require(summary.iterationDraws)
    let first = draws.columns[try #require(draws.names.firstIndex(of: "Total"))]
    let second = draws.columns[try #require(draws.names.firstIndex(of: "Total (second cohort)"))]
    let mean1 = first.reduce(0, +) / Double(n)
    let mean2 = second.reduce(0, +) / Double(n)
    let products = zip(first, second).map { ($0 - mean1) * ($1 - mean2) }
    let halves = zip(first, second).map { ($0 - $1) * ($0 - $1) / 2 }
    func standardError(_ values: [Double]) -> Double {
      let mean = values.reduce(0, +) / Double(values.count)
      let squares = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +)
      let variance = squares / Double(values.count - 1)
      return (variance / Double(values.count)).squareRoot()
    }
    let truth = Self.closedForm
    let parameterSE = standardError(products)
    let chanceSE = standardError(halves)
    #expect(
      abs(split.parameter - truth.parameter) <= 4 * parameterSE,
      "\(kernel): parameter \(split.parameter) vs \(truth.parameter) ± \(parameterSE)")
    #expect(
      abs(split.chance - truth.chance) <= 4 * chanceSE,
      "\(kernel): chance \(split.chance) vs \(truth.chance) ± \(chanceSE)")
    #expect(abs(split.total - (split.parameter + split.chance)) < 1e-6 * split.total)
    #expect(abs(split.chanceShare - split.chance / split.total) < 1e-12)
  }

  /// Replicate 0 is the run itself: splitting adds the second cohort and changes no other
  /// number of the summary.
  @Test func theSplitChangesNoOtherNumber() throws {
    let model = try Fixtures.model(Self.scenario)
    let plain = try Simulation.monteCarlo(model, options: RunOptions(iterations: 500, seed: 3))
    var options = RunOptions(iterations: 500, seed: 3)
    options.varianceSplit = true
    let split = try Simulation.monteCarlo(model, options: options)
    #expect(plain.varianceSplit.isEmpty && split.varianceSplit.count == 1)
    #expect(
      plain.cumulativeNetImpact.total.map(\.percentiles)
        == split.cumulativeNetImpact.total.map(\.percentiles))
    #expect(plain.payback.map(\.probabilityByYear) == split.payback.map(\.probabilityByYear))
    let a = try #require(plain.sensitivity.first?.parameters.first)
    let b = try #require(split.sensitivity.first?.parameters.first)
    #expect(a.varianceShare == b.varianceShare && a.evppi == b.evppi && a.spearman == b.spearman)
  }
}
