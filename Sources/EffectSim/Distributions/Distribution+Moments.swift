import Foundation

/// Exact means and variances.
extension Distribution {
  /// The exact mean; for a truncated normal μ + σ(φ(α) − φ(β))/Z with α, β the
  /// standardised bounds and Z = Φ(β) − Φ(α) (Johnson, Kotz & Balakrishnan 1994, §13.10).
  public var mean: Double {
    switch self {
    case .uniform(let lo, let hi):
      return 0.5 * (lo + hi)
    case .triangular(let lo, let mode, let hi):
      return (lo + mode + hi) / 3
    case .pert(let lo, let mode, let hi, let lambda):
      return (lo + lambda * mode + hi) / (lambda + 2)
    case .normal(let mu, let sigma, let lo, let hi):
      guard let (lower, upper) = Self.standardBounds(mu, sigma, lo, hi) else { return mu }
      let mass = SpecialFunctions.normalMass(lower: lower, upper: upper)
      let shift = SpecialFunctions.normalDensity(lower) - SpecialFunctions.normalDensity(upper)
      return mu + sigma * shift / mass
    case .lognormal(let mean, _):
      return mean
    case .beta(let a, let b):
      return a / (a + b)
    case .gamma(let shape, let scale):
      return shape * scale
    case .discrete(let values, let weights):
      return zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 }
    }
  }

  /// The exact variance; for a truncated normal
  /// σ²[1 + (αφ(α) − βφ(β))/Z − ((φ(α) − φ(β))/Z)²].
  public var variance: Double {
    switch self {
    case .uniform(let lo, let hi):
      return (hi - lo) * (hi - lo) / 12
    case .triangular(let a, let c, let b):
      return (a * a + b * b + c * c - a * b - a * c - b * c) / 18
    case .pert(let lo, let mode, let hi, let lambda):
      let (a, b) = Self.pertShapes(lo, mode, hi, lambda)
      return (hi - lo) * (hi - lo) * Self.betaVariance(a, b)
    case .normal(let mu, let sigma, let lo, let hi):
      guard let (lower, upper) = Self.standardBounds(mu, sigma, lo, hi) else {
        return sigma * sigma
      }
      let mass = SpecialFunctions.normalMass(lower: lower, upper: upper)
      let densityLower = SpecialFunctions.normalDensity(lower)
      let densityUpper = SpecialFunctions.normalDensity(upper)
      let tilt = (lower.isFinite ? lower * densityLower : 0)
        - (upper.isFinite ? upper * densityUpper : 0)
      let shift = (densityLower - densityUpper) / mass
      return sigma * sigma * Swift.max(0, 1 + tilt / mass - shift * shift)
    case .lognormal(_, let sd):
      return sd * sd
    case .beta(let a, let b):
      return Self.betaVariance(a, b)
    case .gamma(let shape, let scale):
      return shape * scale * scale
    case .discrete(let values, let weights):
      let center = mean
      return zip(values, weights).reduce(0) { $0 + $1.1 * ($1.0 - center) * ($1.0 - center) }
    }
  }

  // MARK: - Shared pieces

  /// The shapes of a PERT's Beta:
  /// 1 + λ(mode − min)/(max − min) and 1 + λ(max − mode)/(max − min).
  @inlinable
  static func pertShapes(_ lo: Double, _ mode: Double, _ hi: Double, _ lambda: Double)
    -> (Double, Double)
  {
    let range = hi - lo
    return (1 + lambda * (mode - lo) / range, 1 + lambda * (hi - mode) / range)
  }

  static func betaVariance(_ a: Double, _ b: Double) -> Double {
    let total = a + b
    return a * b / (total * total * (total + 1))
  }

  /// The standardised truncation bounds (α, β), or nil for an untruncated normal.
  @inlinable
  static func standardBounds(_ mu: Double, _ sigma: Double, _ lo: Double?, _ hi: Double?)
    -> (Double, Double)?
  {
    if lo == nil && hi == nil { return nil }
    return (((lo ?? -.infinity) - mu) / sigma, ((hi ?? .infinity) - mu) / sigma)
  }
}
