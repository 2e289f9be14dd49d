import Foundation
import Testing

@testable import EffectSim

/// The payback probabilities, their Monte Carlo standard errors and the median year, from
/// stored payback years written by hand; the probability of a loss likewise.
@Suite struct PaybackSummaryTests {
  static let model = """
    {"format": "effectsim/1", "name": "paybacks", "start": 2020, "years": 3,
     "states": [{"id": "any"}], "arms": {"intervention": {}, "control": {}},
     "cohort": {"intake": [{"year": 2020, "count": 0}]},
     "lineItems": [{"label": "x", "area": "A", "byYear": {"2020": 1}}]}
    """

  /// Summarises a store whose payback column holds `years` (4 = not within the horizon) and
  /// whose cumulative net impact at the horizon holds `horizon`.
  static func summary(paybackYears years: [Double], horizon: [Double]) throws -> RunSummary {
    let model = try Fixtures.model(Self.model)
    let layout = MetricLayout(model: model)
    let store = ResultStore(metrics: layout.count, iterations: years.count)
    defer { store.deallocate() }
    for (i, (year, value)) in zip(years, horizon).enumerated() {
      store.write(year, metric: layout.payback(0), iteration: i)
      store.write(value, metric: layout.cumulativeTotal(model.years - 1), iteration: i)
    }
    let settings = RunSettings(
      mode: .montecarlo, iterations: years.count, seed: 1, pairing: "coupled",
      percentileLevels: [50])
    let run = RunInfo(
      engineVersion: "test", threads: 1, seconds: 0, personCycles: 0, personCyclesPerSecond: 0,
      kernel: "individual")
    let draws = ResultStore(
      metrics: ParameterRecord(model: model).slots.count, iterations: years.count)
    defer { draws.deallocate() }
    return try Summarizer.summarize(
      model, layout: layout, columns: RunStores(metrics: store, parameterDraws: draws),
      settings: settings, run: run)
  }

  @Test func probabilitiesTheirErrorsAndTheMedianYear() throws {
    // Paid back in year 1 by 3 of 6, by year 2 by 4, by year 3 by 5; one never.
    let summary = try Self.summary(
      paybackYears: [1, 4, 2, 1, 3, 1], horizon: [5, -1, 0, 2, 7, -3])
    let payback = summary.payback[0]
    #expect(payback.probabilityByYear == [0.5, 4.0 / 6, 5.0 / 6])
    #expect(payback.probabilityNotWithinHorizon == 1.0 / 6)
    // The binomial standard error with the n − 1 of the sample variance: p(1 − p)/(n − 1),
    // then its square root. For p = ½, n = 6: √(0.25 / 5) = 0.2236.
    for (p, mcse) in zip([0.5, 4.0 / 6, 5.0 / 6], payback.probabilityMCSE) {
      #expect(abs(mcse - (p * (1 - p) / 5).squareRoot()) < 1e-15, "\(p): \(mcse)")
    }
    #expect(abs(payback.probabilityMCSE[0] - 0.223_606_797_749_979) < 1e-12)
    // The median year is the first year whose probability reaches one half, ½ included.
    #expect(payback.medianYear == 1)
    // Three of six futures end above zero: a loss.
    let horizon = try #require(summary.horizon)
    #expect(horizon.probabilityOfLoss == 0.5)
    #expect(abs(horizon.probabilityOfLossMCSE - 0.223_606_797_749_979) < 1e-12)
  }

  @Test func theMedianYearIsNoneWhenNoYearReachesOneHalf() throws {
    let summary = try Self.summary(paybackYears: [4, 4, 3, 2], horizon: [1, 1, 1, 1])
    #expect(summary.payback[0].probabilityByYear == [0, 0.25, 0.5])
    #expect(summary.payback[0].medianYear == 3)
    let never = try Self.summary(paybackYears: [4, 4, 3], horizon: [1, 1, 1])
    #expect(never.payback[0].medianYear == nil)
    let third: Double = 1.0 / 3
    #expect(never.payback[0].probabilityMCSE[2] == (third * (1 - third) / 2).squareRoot())
  }

  /// A Monte Carlo run whose payback probabilities are known: the reported errors are the
  /// binomial ones of the reported probabilities, and the probabilities lie within four of
  /// them from the exact ones.
  @Test func monteCarloErrorsAreBinomial() throws {
    let n = 5000
    let summary = try Simulation.monteCarlo(
      try Fixtures.model(Fixtures.uniformPayback),
      options: RunOptions(iterations: n, seed: 4, kernel: .individual))
    let payback = summary.payback[0]
    for (year, exact) in [0.0, 0.5, 0.75].enumerated() {
      let p = payback.probabilityByYear[year]
      let mcse = payback.probabilityMCSE[year]
      #expect(abs(mcse - (p * (1 - p) / Double(n - 1)).squareRoot()) < 1e-15)
      #expect(abs(p - exact) <= 4 * (exact * (1 - exact) / Double(n)).squareRoot() + 1e-12)
    }
  }
}
