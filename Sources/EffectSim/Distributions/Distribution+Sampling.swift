import Foundation

/// Samplers. Each is exact (up to floating point) and stateless: a draw depends only on the
/// generator's state, never on earlier draws.
extension Distribution {
  /// Draws one value.
  ///
  /// - uniform: min + (max − min) · U.
  /// - triangular: inverse distribution function.
  /// - PERT: min + (max − min) · Beta(α, β) with the PERT shapes.
  /// - normal: Marsaglia's polar method (Marsaglia & Bray 1964), the second variate
  ///   discarded; truncated: rejection from the normal when the interval holds at least a
  ///   quarter of the mass, otherwise the inverse distribution function on [Φ(α), Φ(β)]
  ///   (Wichura's AS 241), taken in the upper tail by symmetry so far tails keep precision.
  /// - lognormal: exp(μ + σZ) with σ² = ln(1 + sd²/mean²), μ = ln(mean) − σ²/2.
  /// - gamma: Marsaglia & Tsang (2000); shape < 1 through Gamma(shape + 1) · U^(1/shape).
  /// - beta: Jöhnk (1964) when both shapes are ≤ 1 (in log space when both powers
  ///   underflow), otherwise Ga / (Ga + Gb).
  /// - discrete: inverse distribution function by a linear scan of the weights.
  /// - Parameter rng: the generator to draw from.
  /// - Complexity: O(1) expected; O(number of values) for discrete.
  @inlinable
  public func sample(using rng: inout Xoshiro256PlusPlus) -> Double {
    switch self {
    case .uniform(let lo, let hi):
      return lo + (hi - lo) * rng.nextUniform()
    case .triangular(let lo, let mode, let hi):
      return Self.sampleTriangular(lo, mode, hi, using: &rng)
    case .pert(let lo, let mode, let hi, let lambda):
      let (a, b) = Self.pertShapes(lo, mode, hi, lambda)
      return lo + (hi - lo) * Self.sampleBeta(a, b, using: &rng)
    case .normal(let mu, let sigma, let lo, let hi):
      guard let (lower, upper) = Self.standardBounds(mu, sigma, lo, hi) else {
        return mu + sigma * Self.sampleStandardNormal(using: &rng)
      }
      let z = Self.sampleTruncatedStandardNormal(lower: lower, upper: upper, using: &rng)
      let x = mu + sigma * z
      return Swift.min(hi ?? .infinity, Swift.max(lo ?? -.infinity, x))
    case .lognormal(let mean, let sd):
      let (mu, sigma) = Self.lognormalLogScale(mean: mean, sd: sd)
      return exp(mu + sigma * Self.sampleStandardNormal(using: &rng))
    case .beta(let a, let b):
      return Self.sampleBeta(a, b, using: &rng)
    case .gamma(let shape, let scale):
      return scale * Self.sampleStandardGamma(shape, using: &rng)
    case .discrete(let values, let weights):
      return Self.sampleDiscrete(values, weights, using: &rng)
    }
  }

  // MARK: - Building blocks

  /// A uniform in (0, 1]: 1 − U, safe to take the logarithm of.
  @inlinable
  static func positiveUniform(using rng: inout Xoshiro256PlusPlus) -> Double {
    1 - rng.nextUniform()
  }

  /// A uniform in (0, 1) strictly: the midpoint of a 53-bit cell.
  @inlinable
  static func openUniform(using rng: inout Xoshiro256PlusPlus) -> Double {
    (Double(rng.next53()) + 0.5) * 0x1p-53
  }

  /// The log-scale parameters (μ, σ) of a lognormal with the given mean and sd.
  @inlinable
  static func lognormalLogScale(mean: Double, sd: Double) -> (mu: Double, sigma: Double) {
    let ratio = sd / mean
    let variance = log1p(ratio * ratio)
    return (log(mean) - 0.5 * variance, variance.squareRoot())
  }

  /// Triangular by its inverse distribution function.
  @inlinable
  static func sampleTriangular(
    _ lo: Double, _ mode: Double, _ hi: Double, using rng: inout Xoshiro256PlusPlus
  ) -> Double {
    let u = rng.nextUniform()
    let range = hi - lo
    if u * range < mode - lo {
      return lo + (u * range * (mode - lo)).squareRoot()
    }
    return hi - ((1 - u) * range * (hi - mode)).squareRoot()
  }

  /// A standard normal by Marsaglia's polar method; the pair's second value is discarded
  /// so the draw stays stateless.
  @inlinable
  static func sampleStandardNormal(using rng: inout Xoshiro256PlusPlus) -> Double {
    while true {
      let v1 = 2 * rng.nextUniform() - 1
      let v2 = 2 * rng.nextUniform() - 1
      let s = v1 * v1 + v2 * v2
      if s < 1 && s > 0 { return v1 * (-2 * log(s) / s).squareRoot() }
    }
  }

  /// A standard normal truncated to [lower, upper] (either may be infinite).
  ///
  /// Rejection from the normal costs 1/Z draws, so it serves intervals with mass Z ≥ ¼;
  /// smaller intervals use the inverse distribution function, which never loops. When the
  /// interval lies above 0 it is reflected below 0, where Φ keeps full relative precision.
  @inlinable
  static func sampleTruncatedStandardNormal(
    lower: Double, upper: Double, using rng: inout Xoshiro256PlusPlus
  ) -> Double {
    let mass = SpecialFunctions.normalMass(lower: lower, upper: upper)
    if mass >= 0.25 {
      while true {
        let z = sampleStandardNormal(using: &rng)
        if z >= lower && z <= upper { return z }
      }
    }
    let reflect = lower >= 0
    let (a, b) = reflect ? (-upper, -lower) : (lower, upper)
    let pa = SpecialFunctions.normalCDF(a)
    let pb = SpecialFunctions.normalCDF(b)
    let p = pa + (pb - pa) * openUniform(using: &rng)
    let z = Swift.min(b, Swift.max(a, SpecialFunctions.normalQuantile(p)))
    return reflect ? -z : z
  }

  /// A standard gamma (scale 1): Marsaglia & Tsang (2000) for shape ≥ 1; for shape < 1,
  /// Gamma(shape + 1) · U^(1/shape) (Marsaglia & Tsang 2000, §6).
  @inlinable
  static func sampleStandardGamma(_ shape: Double, using rng: inout Xoshiro256PlusPlus)
    -> Double
  {
    if shape < 1 {
      let g = marsagliaTsang(shape + 1, using: &rng)
      return g * exp(log(positiveUniform(using: &rng)) / shape)
    }
    return marsagliaTsang(shape, using: &rng)
  }

  /// Marsaglia & Tsang (2000), "A simple method for generating gamma variables", for
  /// shape ≥ 1: d = shape − ⅓, c = 1/√(9d); accept d·v with v = (1 + cX)³ by a squeeze,
  /// then by the logarithmic test.
  @inlinable
  static func marsagliaTsang(_ shape: Double, using rng: inout Xoshiro256PlusPlus) -> Double {
    let d = shape - 1.0 / 3.0
    let c = 1 / (9 * d).squareRoot()
    while true {
      var x: Double
      var v: Double
      repeat {
        x = sampleStandardNormal(using: &rng)
        v = 1 + c * x
      } while v <= 0
      v = v * v * v
      let u = positiveUniform(using: &rng)
      let x2 = x * x
      if u < 1 - 0.0331 * x2 * x2 { return d * v }
      if log(u) < 0.5 * x2 + d * (1 - v + log(v)) { return d * v }
    }
  }

  /// Beta(a, b): Jöhnk (1964) when both shapes are ≤ 1, else Ga / (Ga + Gb).
  ///
  /// Jöhnk accepts X = U^(1/a), Y = V^(1/b) when X + Y ≤ 1 and returns X / (X + Y). For tiny
  /// shapes both powers underflow to 0; the ratio is then formed from the logarithms
  /// (as numpy's `random_beta` does).
  @inlinable
  static func sampleBeta(_ a: Double, _ b: Double, using rng: inout Xoshiro256PlusPlus)
    -> Double
  {
    if a <= 1 && b <= 1 {
      while true {
        let logU = log(positiveUniform(using: &rng)) / a
        let logV = log(positiveUniform(using: &rng)) / b
        let x = exp(logU)
        let y = exp(logV)
        let sum = x + y
        guard sum <= 1 else { continue }
        if sum > 0 { return x / sum }
        let top = Swift.max(logU, logV)
        let shiftedU = logU - top
        let shiftedV = logV - top
        return exp(shiftedU - log(exp(shiftedU) + exp(shiftedV)))
      }
    }
    let ga = sampleStandardGamma(a, using: &rng)
    let gb = sampleStandardGamma(b, using: &rng)
    let sum = ga + gb
    return sum > 0 ? ga / sum : a / (a + b)
  }

  /// Inverse distribution function over the normalised weights by a linear scan; rounding
  /// that leaves the scan without a pick falls to the last value with positive weight.
  @inlinable
  static func sampleDiscrete(
    _ values: [Double], _ weights: [Double], using rng: inout Xoshiro256PlusPlus
  ) -> Double {
    var u = rng.nextUniform()
    var last = 0
    for index in weights.indices where weights[index] > 0 {
      u -= weights[index]
      if u < 0 { return values[index] }
      last = index
    }
    return values[last]
  }
}
