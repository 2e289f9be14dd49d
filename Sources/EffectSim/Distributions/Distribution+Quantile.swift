import Foundation

/// Quantiles: the assumptions register of reports, and the Gaussian copula, which maps a
/// correlated uniform through each parameter's own inverse distribution function.
extension Distribution {
  /// The quantile function: the smallest x with P(X ≤ x) ≥ `probability`.
  ///
  /// Closed forms where they exist: uniform, triangular (the inverses the samplers use),
  /// normal and lognormal through Wichura's AS 241; a truncated normal inverts Φ on
  /// [Φ(α), Φ(β)], reflected into the lower tail when the interval lies above the mean, as its
  /// sampler does. Beta, PERT and gamma invert their exact `cdf(_:)` by Halley's method from
  /// the starting values of Press et al. (Numerical Recipes, 3rd ed., §6.14.9 `invbetai` and
  /// §6.14.5 `invgammp`), kept inside a shrinking bracket that falls back to bisection.
  /// - Parameter probability: the level; values at or below 0 give the least value the
  ///   distribution can take (the support's lower bound), at or above 1 the largest (which
  ///   is +∞ for normal, lognormal and gamma). NaN gives NaN.
  /// - Returns: the quantile. For `discrete`, one of the values (in ascending order, whatever
  ///   the listing order). For the continuous families, within two units in the last place
  ///   of the exact quantile, as far as the rounding of `cdf` allows.
  /// - Complexity: O(1) for the closed forms; three to five `cdf` evaluations for beta, PERT
  ///   and gamma; O(k) for a discrete distribution with k values listed in ascending order,
  ///   O(k log k) (and an allocation) otherwise.
  public func quantile(_ probability: Double) -> Double {
    if probability.isNaN { return .nan }
    let range = support
    if probability <= 0 { return range.lowerBound }
    // A discrete distribution's largest listed value may have weight 0: at 1 its quantile is
    // the largest value it can take, found like any other level.
    if probability >= 1 {
      guard case .discrete = self else { return range.upperBound }
    }
    let p = Swift.min(probability, 1)
    switch self {
    case .uniform(let lo, let hi):
      return Swift.min(hi, lo + (hi - lo) * p)
    case .triangular(let lo, let mode, let hi):
      let width = hi - lo
      if p * width < mode - lo { return lo + (p * width * (mode - lo)).squareRoot() }
      return hi - ((1 - p) * width * (hi - mode)).squareRoot()
    case .pert(let lo, let mode, let hi, let lambda):
      let (a, b) = Self.pertShapes(lo, mode, hi, lambda)
      return Swift.min(hi, lo + (hi - lo) * Self.betaQuantile(a, b, p))
    case .normal(let mu, let sigma, let lo, let hi):
      guard let (lower, upper) = Self.standardBounds(mu, sigma, lo, hi) else {
        return mu + sigma * SpecialFunctions.normalQuantile(p)
      }
      let z = Self.truncatedNormalQuantile(lower: lower, upper: upper, p)
      return Swift.min(hi ?? .infinity, Swift.max(lo ?? -.infinity, mu + sigma * z))
    case .lognormal(let mean, let sd):
      let (mu, sigma) = Self.lognormalLogScale(mean: mean, sd: sd)
      return exp(mu + sigma * SpecialFunctions.normalQuantile(p))
    case .beta(let a, let b):
      return Self.betaQuantile(a, b, p)
    case .gamma(let shape, let scale):
      return scale * Self.gammaQuantile(shape, p)
    case .discrete(let values, let weights):
      let ascending = zip(values, values.dropFirst()).allSatisfy { $0 <= $1 }
      if ascending { return Self.discreteQuantile(values, weights, p) }
      let pairs = zip(values, weights).sorted { $0.0 < $1.0 }
      return Self.discreteQuantile(pairs.map(\.0), pairs.map(\.1), p)
    }
  }

  // MARK: - Families

  /// The quantile of a standard normal truncated to [lower, upper], p in (0, 1).
  ///
  /// An interval above the mean is reflected below it, where Φ keeps full relative precision.
  static func truncatedNormalQuantile(lower: Double, upper: Double, _ p: Double) -> Double {
    let reflect = lower >= 0
    let (a, b, level) = reflect ? (-upper, -lower, 1 - p) : (lower, upper, p)
    let pa = SpecialFunctions.normalCDF(a)
    let pb = SpecialFunctions.normalCDF(b)
    let z = Swift.min(b, Swift.max(a, SpecialFunctions.normalQuantile(pa + (pb - pa) * level)))
    return reflect ? -z : z
  }

  /// The smallest listed value whose cumulative weight reaches p; `values` ascending.
  static func discreteQuantile(_ values: [Double], _ weights: [Double], _ p: Double) -> Double {
    var cumulative = 0.0
    var last = values.count - 1
    for index in values.indices where weights[index] > 0 {
      cumulative += weights[index]
      // The weights are normalised, so rounding can leave the last sum a little below 1.
      if cumulative >= p * (1 - 1e-12) { return values[index] }
      last = index
    }
    return values[last]
  }

  /// The Beta(a, b) quantile for p in (0, 1): Halley's method on I_x(a, b), started from
  /// Numerical Recipes' `invbetai` guess (a normal approximation when both shapes are ≥ 1,
  /// otherwise the power laws of the two tails).
  static func betaQuantile(_ a: Double, _ b: Double, _ p: Double) -> Double {
    let start: Double
    if a >= 1 && b >= 1 {
      // Numerical Recipes writes this with y = −Φ⁻¹(p): the upper-tail deviate.
      let y = -normalGuess(p)
      let al = (y * y - 3) / 6
      let h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1))
      let w = y * (al + h).squareRoot() / h
        - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5.0 / 6 - 2 / (3 * h))
      start = a / (a + b * exp(2 * w))
    } else {
      let lowerMass = exp(a * log(a / (a + b))) / a
      let upperMass = exp(b * log(b / (a + b))) / b
      let total = lowerMass + upperMass
      start = p < lowerMass / total
        ? pow(a * total * p, 1 / a) : 1 - pow(b * total * (1 - p), 1 / b)
    }
    let logNormalizer = SpecialFunctions.logBetaNormalizer(a, b)
    return invert(p, start: start, lower: 0, upper: 1) { x in
      let (value, front) = SpecialFunctions.regularizedBeta(a, b, x, logNormalizer: logNormalizer)
      return (value, front / (x * (1 - x)), (a - 1) / x - (b - 1) / (1 - x))
    }
  }

  /// The quantile of a standard gamma (scale 1) for p in (0, 1): Halley's method on
  /// P(shape, x), started from Numerical Recipes' `invgammp` guess (Wilson–Hilferty for
  /// shape > 1, the power law of the lower tail otherwise).
  static func gammaQuantile(_ shape: Double, _ p: Double) -> Double {
    let start: Double
    if shape > 1 {
      let z = normalGuess(p)
      let cube = 1 - 1 / (9 * shape) + z / (3 * shape.squareRoot())
      start = Swift.max(1e-3 * shape, shape * cube * cube * cube)
    } else {
      let t = 1 - shape * (0.253 + shape * 0.12)
      start = p < t ? pow(p / t, 1 / shape) : 1 - log1p(-(p - t) / (1 - t))
    }
    let logGammaShape = SpecialFunctions.logGamma(shape)
    return invert(p, start: start, lower: 0, upper: .infinity) { x in
      let (value, front) = SpecialFunctions.regularizedGammaP(shape, x, logGammaA: logGammaShape)
      return (value, front / x, (shape - 1) / x - 1)
    }
  }

  /// The rational approximation of the standard normal quantile that Numerical Recipes'
  /// starting values use (Abramowitz & Stegun 26.2.22); good to about 3e-3, enough to start.
  private static func normalGuess(_ p: Double) -> Double {
    let tail = p < 0.5 ? p : 1 - p
    let t = (-2 * log(tail)).squareRoot()
    let z = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t
    return p < 0.5 ? z : -z
  }

  /// Solves cdf(x) = p by Halley's method, safeguarded: x within two units in the last place
  /// of the root, as far as `cdf`'s own rounding allows.
  ///
  /// `evaluate(x)` gives the cdf, the density f and f′/f at x; Halley's step
  /// t / (1 − ½·t·f′/f) with t = (cdf − p)/f (the correction damped as Numerical Recipes'
  /// `invbetai` does) converges cubically from a good start. Every evaluation narrows a bracket
  /// [low, high] that holds the root (cdf is increasing); a step that leaves it, or a density
  /// that is 0 or not finite, is replaced by bisection (or by doubling while the bracket is
  /// unbounded above). Stops when a step moves x by at most two units in its last place, or
  /// the bracket is that narrow.
  /// - Parameters:
  ///   - lower, upper: the support; cdf(lower) = 0 and cdf(upper) = 1.
  /// - Complexity: three to five evaluations from the starting values above; at most 300
  ///   (bisection through the range of `Double`).
  private static func invert(
    _ p: Double, start: Double, lower: Double, upper: Double,
    evaluate: (Double) -> (cdf: Double, density: Double, logSlope: Double)
  ) -> Double {
    var low = lower
    var high = upper
    var x = start.isFinite && start > lower && start < upper
      ? start : (upper.isFinite ? (lower + upper) / 2 : lower + 1)
    for _ in 0..<300 {
      let (cdf, density, logSlope) = evaluate(x)
      let error = cdf - p
      if error == 0 { return x }
      if error < 0 { low = x } else { high = x }
      let t = error / density
      var next = x - t / (1 - 0.5 * Swift.min(1, t * logSlope))
      // A step this small means x is at the root already, whether or not it leaves the
      // bracket through rounding.
      if abs(next - x) <= 2 * x.ulp { return Swift.min(high, Swift.max(low, next)) }
      if !(next > low && next < high) {
        next = high.isFinite ? low + (high - low) / 2 : Swift.max(2 * x, low + 1)
      }
      if high - low <= 2 * next.ulp { return next }
      x = next
    }
    return x
  }
}
