/// Quantiles, for the assumptions register of reports.
extension Distribution {
  /// The quantile function: the smallest x with P(X ≤ x) ≥ `probability`.
  ///
  /// Found by bisection on `cdf(_:)`, which every distribution has exactly; a report needs a
  /// few quantiles per parameter, so closed forms for each family would buy nothing. The
  /// bracket starts at the support's bounds where they are finite, else at mean ± 8 sd and
  /// widens until it holds the quantile. For `discrete` the result is one of the values.
  /// - Parameter probability: in (0, 1); 0 and 1 give the smallest and largest value found
  ///   by the bracket (the support's bounds where finite).
  /// - Returns: the quantile, within 1e-12 of the bracket's width.
  /// - Complexity: O(100) evaluations of `cdf`; O(*n* log *n*) for `discrete` with *n* values.
  public func quantile(_ probability: Double) -> Double {
    if case .discrete(let values, let weights) = self {
      // The cdf steps at the values: the quantile is the first value whose step reaches p.
      // One pass over the values in order, adding each step once (not the cdf per value,
      // which made 10,000 values cost 10^8 additions).
      let steps = zip(values, weights).sorted { $0.0 < $1.0 }
      var reached = 0.0
      for (index, step) in steps.enumerated() {
        reached += step.1
        let last = index + 1 == steps.count || steps[index + 1].0 != step.0
        if last && Swift.min(1, reached) >= probability - 1e-12 { return step.0 }
      }
      return values.max() ?? .nan
    }
    var (low, high) = bracket
    var widenings = 0
    while cdf(low) > probability, widenings < 60 {
      low -= (high - low)
      widenings += 1
    }
    while cdf(high) < probability, widenings < 120 {
      high += (high - low)
      widenings += 1
    }
    for _ in 0..<100 {
      let middle = (low + high) / 2
      if middle <= low || middle >= high { break }
      if cdf(middle) >= probability { high = middle } else { low = middle }
    }
    return high
  }

  /// A starting interval for the quantile search: the support where it is bounded.
  private var bracket: (low: Double, high: Double) {
    let spread = Swift.max(variance.squareRoot(), 1e-9)
    switch self {
    case .uniform(let lo, let hi), .triangular(let lo, _, let hi), .pert(let lo, _, let hi, _):
      return (lo, hi)
    case .beta:
      return (0, 1)
    case .normal(let mu, let sigma, let lo, let hi):
      return (lo ?? mu - 8 * sigma, hi ?? mu + 8 * sigma)
    case .lognormal, .gamma:
      return (0, mean + 8 * spread)
    case .discrete(let values, _):
      return (values.min() ?? 0, values.max() ?? 0)
    }
  }
}
