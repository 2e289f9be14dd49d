import Testing

@testable import EffectSim

/// The summary parts only the decision report shows: horizon histogram, assumptions register,
/// deterministic reading.
@Suite("Report data in the summary")
struct ReportDataTests {
  /// Net impact is a line item equal to `x`, so the register's range of `x` must equal the
  /// percentiles of cumulative net impact iteration for iteration.
  static let lineItemIsTheParameter = """
    {"format": "effectsim/1", "name": "x", "start": 2020, "years": 2,
     "parameters": {
       "x": {"uniform": {"min": -1000, "max": 3000}, "note": "the amount", "source": "made up"},
       "twice": "2 * x",
       "level": {"discrete": {"values": [100, 200], "weights": [1, 3]}, "scope": "person"},
       "fixed": 7},
     "states": [{"id": "a", "costs": [{"area": "S", "perCycle": "0 * level"}]}],
     "arms": {"intervention": {}, "control": {}},
     "cohort": {"intake": [{"year": 2020, "count": 2}]},
     "lineItems": [{"label": "x", "area": "S", "byYear": {"2021": "x"}}]}
    """

  @Test func registerRangesAreTheDrawsTheIterationsUsed() throws {
    let model = try Fixtures.model(Self.lineItemIsTheParameter)
    let summary = try Simulation.monteCarlo(
      model, options: RunOptions(iterations: 3000, seed: 11, threads: 2, percentiles: [5, 50, 95]))
    let register = Dictionary(uniqueKeysWithValues: summary.parameters.map { ($0.name, $0) })
    #expect(summary.parameters.map(\.name) == ["x", "twice", "level", "fixed"])
    let x = try #require(register["x"])
    let range = try #require(x.range)
    let cumulative = try #require(summary.cumulativeNetImpact.total.last)
    #expect(range.low == cumulative.value(atPercentile: 5))
    #expect(range.median == cumulative.value(atPercentile: 50))
    #expect(range.high == cumulative.value(atPercentile: 95))
    #expect(x.rangeSource == .simulated)
    #expect(x.kind == .distributed("Uniform(-1000, 3000)"))
    #expect(x.base == 1000)
    #expect(x.note == "the amount" && x.source == "made up")

    let twice = try #require(register["twice"])
    #expect(twice.kind == .derived("2 * x"))
    #expect(twice.base == 2000)
    #expect(twice.range?.high == 2 * range.high)

    let level = try #require(register["level"])
    #expect(level.scope == "person")
    #expect(level.rangeSource == .distribution)
    #expect(level.range?.low == 100 && level.range?.high == 200)

    let fixed = try #require(register["fixed"])
    #expect(fixed.kind == .fixed && fixed.base == 7 && fixed.range == nil)
  }

  @Test func horizonHistogramCountsEveryIteration() throws {
    let model = try Fixtures.model(Self.lineItemIsTheParameter)
    let summary = try Simulation.monteCarlo(
      model, options: RunOptions(iterations: 2000, seed: 3, threads: 1))
    let horizon = try #require(summary.horizon)
    #expect(horizon.histogram.total == 2000)
    // x is uniform on [-1000, 3000]: three quarters of the futures end above zero.
    let sd = (0.75 * 0.25 / 2000).squareRoot()
    #expect(abs(horizon.probabilityOfLoss - 0.75) < 4 * sd)
    #expect(horizon.histogram.lowerEdge >= -1000 - horizon.histogram.width)
    #expect(horizon.histogram.upperEdge <= 3000 + horizon.histogram.width)
  }

  @Test func deterministicReadingIsAttached() throws {
    let model = try Fixtures.model(Self.lineItemIsTheParameter)
    var summary = try Simulation.monteCarlo(
      model, options: RunOptions(iterations: 100, seed: 3, threads: 1))
    let deterministic = try Simulation.deterministic(model)
    #expect(summary.deterministic == nil)
    summary.attachDeterministic(deterministic)
    #expect(summary.deterministic?.cumulativeNetImpact == [0, 1000])
    #expect(summary.payback[0].deterministicYear == 1)
    #expect(deterministic.parameters.allSatisfy { $0.range == nil })
  }
}
