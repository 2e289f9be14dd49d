/// Splits each target's variance into what the parameters explain and what chance adds,
/// from two cohorts simulated per iteration with the same parameter draws.
///
/// For pairs (*Y*₁, *Y*₂) that are independent given θ and equally distributed,
/// Cov(*Y*₁, *Y*₂) = Var(E[*Y* | θ]) and E[(*Y*₁ − *Y*₂)²] / 2 = E[Var(*Y* | θ)]; the sample
/// covariance (divisor *n* − 1) and the mean of (*Y*₁ − *Y*₂)² / 2 are unbiased for them.
enum VarianceSplit {
  /// Per payback definition; empty unless the layout holds a second cohort.
  static func summarize(
    _ model: Model, layout: MetricLayout, columns: some RunColumns
  ) -> [VarianceSplitSummary] {
    guard layout.cohorts == 2 else { return [] }
    let cohortSize = baseCohortSize(model)
    return model.payback.indices.map { d in
      let parts = columns.withColumns(
        .metrics, [layout.target(d), layout.secondCohortTarget(d)]
      ) { split($0[0], $0[1]) }
      let total = parts.parameter + parts.chance
      return VarianceSplitSummary(
        payback: model.payback[d].name, total: total, parameter: parts.parameter,
        chance: parts.chance, chanceShare: total > 0 ? min(max(parts.chance / total, 0), 1) : .nan,
        cohortSize: cohortSize)
    }
  }

  /// The parameter part (sample covariance) and the chance part (half the mean squared
  /// difference) of paired targets; NaN for fewer than two pairs.
  /// - Complexity: O(*n*).
  static func split(
    _ first: UnsafeBufferPointer<Double>, _ second: UnsafeBufferPointer<Double>
  ) -> (parameter: Double, chance: Double) {
    let n = min(first.count, second.count)
    guard n > 1 else { return (.nan, .nan) }
    var sum1 = 0.0
    var sum2 = 0.0
    for i in 0..<n {
      sum1 += first[i]
      sum2 += second[i]
    }
    let mean1 = sum1 / Double(n)
    let mean2 = sum2 / Double(n)
    var covariance = 0.0
    var squares = 0.0
    for i in 0..<n {
      covariance += (first[i] - mean1) * (second[i] - mean2)
      let difference = first[i] - second[i]
      squares += difference * difference
    }
    return (covariance / Double(n - 1), squares / Double(2 * n))
  }

  /// People in the cohort with every parameter at its base value; 0 when the counts cannot
  /// be evaluated.
  static func baseCohortSize(_ model: Model) -> Int {
    var tables = IterationTables(model: model)
    guard (try? tables.setBaseValues(model)) != nil,
      (try? tables.evaluateIntake(model, iteration: nil)) != nil
    else { return 0 }
    return tables.entries.reduce(0, +)
  }
}
