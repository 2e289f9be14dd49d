import Foundation

/// Distribution functions, for goodness-of-fit tests and reports.
extension Distribution {
  /// The cumulative distribution function P(X ≤ x).
  ///
  /// Beta and PERT use the regularized incomplete beta function, gamma the regularized
  /// incomplete gamma function (continued fractions and series after Press et al.,
  /// Numerical Recipes §6.2 and §6.4); the normal family uses `erfc`.
  /// - Complexity: O(1) except beta and gamma (iterations growing like √shape) and
  ///   discrete (O(number of values)).
  public func cdf(_ x: Double) -> Double {
    if x.isNaN { return .nan }
    switch self {
    case .uniform(let lo, let hi):
      return Swift.min(1, Swift.max(0, (x - lo) / (hi - lo)))
    case .triangular(let lo, let mode, let hi):
      if x <= lo { return 0 }
      if x >= hi { return 1 }
      if x <= mode { return (x - lo) * (x - lo) / ((hi - lo) * (mode - lo)) }
      return 1 - (hi - x) * (hi - x) / ((hi - lo) * (hi - mode))
    case .pert(let lo, let mode, let hi, let lambda):
      let (a, b) = Self.pertShapes(lo, mode, hi, lambda)
      return SpecialFunctions.regularizedBeta(a, b, (x - lo) / (hi - lo))
    case .normal(let mu, let sigma, let lo, let hi):
      let z = (x - mu) / sigma
      guard let (lower, upper) = Self.standardBounds(mu, sigma, lo, hi) else {
        return SpecialFunctions.normalCDF(z)
      }
      if z <= lower { return 0 }
      if z >= upper { return 1 }
      return SpecialFunctions.normalMass(lower: lower, upper: z)
        / SpecialFunctions.normalMass(lower: lower, upper: upper)
    case .lognormal(let mean, let sd):
      guard x > 0 else { return 0 }
      let (mu, sigma) = Self.lognormalLogScale(mean: mean, sd: sd)
      return SpecialFunctions.normalCDF((log(x) - mu) / sigma)
    case .beta(let a, let b):
      return SpecialFunctions.regularizedBeta(a, b, x)
    case .gamma(let shape, let scale):
      return SpecialFunctions.regularizedGammaP(shape, x / scale)
    case .discrete(let values, let weights):
      let total = zip(values, weights).reduce(0) { $1.0 <= x ? $0 + $1.1 : $0 }
      return Swift.min(1, total)
    }
  }
}
