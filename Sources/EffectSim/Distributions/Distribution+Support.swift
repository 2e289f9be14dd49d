extension Distribution {
  /// The smallest closed interval that holds every value the distribution can take.
  ///
  /// Used to check a parameter's `base`: a base outside the range the distribution can draw
  /// would make the deterministic run describe a case the Monte Carlo run never visits,
  /// which is almost always a slip (a percentage written as 25 instead of 0.25).
  public var support: ClosedRange<Double> {
    switch self {
    case .uniform(let min, let max), .triangular(let min, _, let max),
      .pert(let min, _, let max, _):
      return min...max
    case .normal(_, _, let min, let max):
      return (min ?? -.infinity)...(max ?? .infinity)
    case .lognormal, .gamma:
      return 0...Double.infinity
    case .beta:
      return 0...1
    case .discrete(let values, _):
      // The factory refuses an empty list; an empty one would have no values to take.
      guard let low = values.min(), let high = values.max() else { return 0...0 }
      return low...high
    }
  }
}
