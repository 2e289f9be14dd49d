import Testing

@testable import EffectSim

/// Issue 11, cases 1 and 5: numbers that overflow never trap and never leave the engine as
/// infinity or NaN; they are run errors that name the number, its area and year, and the
/// iteration.
@Suite struct OverflowTests {
  static func model(
    cost: String = "1000", lineItems: String = "", parameters: String = "{}",
    initial: String = "", years: Int = 3, discount: String = ""
  ) throws -> Model {
    let json = Fixtures.twoState(
      pIntervention: "0.1", pControl: "0.05", parameters: parameters, years: years,
      extra: lineItems.isEmpty && discount.isEmpty
        ? "" : ", " + [lineItems, discount].filter { !$0.isEmpty }.joined(separator: ", "))
      .replacingOccurrences(of: "\"perCycle\": 1000", with: "\"perCycle\": \(cost)")
      .replacingOccurrences(
        of: "\"intervention\": {\"transitions\"",
        with: "\"intervention\": {\(initial)\"transitions\"")
    return try Fixtures.model(json)
  }

  static func runError(_ model: Model, deterministic: Bool = false) -> RunError? {
    do {
      if deterministic {
        _ = try Simulation.deterministic(model)
      } else {
        _ = try Simulation.monteCarlo(model, options: RunOptions(iterations: 200, threads: 2))
      }
      return nil
    } catch {
      return error
    }
  }

  /// Case 1: initial weights of 1e308 each validated, then trapped ("Double value cannot be
  /// converted to UInt64") because their sum is infinite. Only their ratio matters.
  @Test func initialWeightsNearTheLargestNumberRunLikeTheirRatio() throws {
    let huge = try Self.model(initial: "\"initial\": {\"benefit\": 1e308, \"job\": 1e308}, ")
    let plain = try Self.model(initial: "\"initial\": {\"benefit\": 1, \"job\": 1}, ")
    let options = RunOptions(iterations: 300, seed: 5, threads: 2)
    let a = try Simulation.monteCarlo(huge, options: options)
    let b = try Simulation.monteCarlo(plain, options: options)
    #expect(a.netImpact.total == b.netImpact.total)
    #expect(a.armCosts.intervention == b.armCosts.intervention)
    #expect(
      try Simulation.deterministic(huge).netImpact.total
        == Simulation.deterministic(plain).netImpact.total)
  }

  /// A probability of NaN or beyond [0, 1] never reaches a threshold; the conversion is total.
  @Test(arguments: [Double.nan, -1, -0.0, 0, 0x1p-60, 0.5, 1, 2, .infinity, -.infinity])
  func thresholdsNeverTrap(p: Double) {
    let threshold = IterationTables.threshold(p)
    #expect(threshold <= 1 << 53)
    if p >= 1 { #expect(threshold == 1 << 53) }
    if !(p > 0) { #expect(threshold == 0) }
  }

  /// Case 5: a cost of 1e308 per cycle gave exit 0 with 101 statistics `null`.
  @Test(arguments: [false, true])
  func aCostThatOverflowsIsARunErrorNamingArmAreaYearAndIteration(deterministic: Bool) throws {
    let model = try Self.model(cost: "1e308")
    let error = try #require(Self.runError(model, deterministic: deterministic))
    #expect(
      error.message.hasPrefix("the intervention arm's cost in area \"Overførsler\" in 2020 is too"
        + " large"), "\(error)")
    #expect(error.iteration == (deterministic ? nil : 0))
  }

  /// Case 5: line items that are finite one by one but whose running sum is not.
  @Test func lineItemsWhoseSumOverflowsNameTheCumulativeNetImpact() throws {
    let items = """
      "lineItems": [{"label": "x", "area": "Indsats", "byYear": {"2020": 9e299, "2021": 9e299}}]
      """
    let error = try #require(Self.runError(try Self.model(lineItems: items)))
    #expect(
      error.message.hasPrefix("the cumulative net impact by the end of 2021 is too large"),
      "\(error)")
    #expect(error.iteration == 0)
  }

  /// Case 5: a negative discount rate over a long horizon makes factors of 10^100.
  @Test func aPresentValueThatOverflowsIsARunError() throws {
    let model = try Self.model(
      cost: "1e250", years: 100, discount: "\"discount\": {\"costs\": -0.9}")
    let error = try #require(Self.runError(model, deterministic: true))
    #expect(error.message.hasPrefix("the present value of the net impact"), "\(error)")
  }

  /// Case 5: every iteration finite, but the spread over iterations is not (sd of ±9e299).
  @Test func aStatisticThatOverflowsIsARunError() throws {
    let items = """
      "lineItems": [{"label": "x", "area": "Indsats", "byYear": {"2020": "swing"}}]
      """
    let parameters = """
      {"swing": {"uniform": {"min": -9e299, "max": 9e299}}}
      """
    let error = try #require(
      Self.runError(try Self.model(lineItems: items, parameters: parameters)))
    #expect(error.message.hasPrefix("the statistics of the net impact in 2020 over the 200"))
    #expect(error.iteration == nil)
  }

  /// Nothing non-finite in a summary that did run: with amounts whose spread squared still
  /// fits, every statistic is a number.
  @Test func largeButAcceptedAmountsGiveFiniteStatistics() throws {
    let summary = try Simulation.monteCarlo(
      try Self.model(cost: "1e140"), options: RunOptions(iterations: 100, threads: 2))
    let all =
      summary.netImpact.total + summary.cumulativeNetImpact.total
      + summary.armCosts.intervention + [summary.presentValue.netImpactTotal]
    #expect(all.allSatisfy { $0.isFinite })
  }
}
