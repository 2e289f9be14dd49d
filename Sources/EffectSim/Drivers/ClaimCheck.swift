/// Holds the business case's own figures (`claim`) against the simulated futures.
enum ClaimCheck {
  /// - Parameters:
  ///   - columns: the run's columns; the cumulative totals of the metrics are read (only
  ///     counted, so their order does not matter).
  ///   - payback: the run's payback probabilities, in the model's order.
  static func summarize(
    _ claim: Claim, model: Model, layout: MetricLayout, columns: some RunColumns,
    payback: [PaybackSummary]
  ) -> ClaimSummary {
    let start = model.scenario.start
    var netImpact = [Double](repeating: 0, count: model.years)
    for entry in claim.netImpact where entry.year >= start && entry.year < start + model.years {
      netImpact[entry.year - start] += entry.amount
    }
    var cumulative: [Double] = []
    var running = 0.0
    for amount in netImpact {
      running += amount
      cumulative.append(running)
    }
    let n = Double(columns.iterations)
    let rank = cumulative.enumerated().map { year, claimed in
      let count = columns.withColumn(.metrics, layout.cumulativeTotal(year)) { column in
        column.reduce(0) { $1 <= claimed ? $0 + 1 : $0 }
      }
      return Double(count) / n
    }
    let claimedPayback = claim.payback.map { entry in
      let definition = payback.first { $0.name == entry.name }
      let probability = definition.flatMap { definition in
        entry.years <= definition.probabilityByYear.count
          ? definition.probabilityByYear[entry.years - 1] : nil
      }
      return ClaimSummary.Payback(
        name: entry.name, years: entry.years, probability: probability ?? .nan)
    }
    return ClaimSummary(
      netImpact: netImpact, cumulative: cumulative, payback: claimedPayback,
      cumulativeRank: rank, source: claim.source)
  }
}
