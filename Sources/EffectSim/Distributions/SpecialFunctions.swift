import Foundation

/// Special functions behind the samplers, moments and distribution functions.
///
/// Own code rather than `lgamma` (whose C version writes the global `signgam`, a data race
/// when samplers run on several threads).
@usableFromInline
enum SpecialFunctions {
  /// 1 / √(2π).
  @inlinable static var inverseSqrt2Pi: Double { 0.398_942_280_401_432_677_94 }
  /// ½ · ln(2π).
  @inlinable static var halfLog2Pi: Double { 0.918_938_533_204_672_741_78 }

  // MARK: - Normal distribution

  /// Standard normal density φ(x); 0 at ±∞.
  @inlinable
  static func normalDensity(_ x: Double) -> Double {
    x.isFinite ? inverseSqrt2Pi * exp(-0.5 * x * x) : 0
  }

  /// Standard normal distribution function Φ(x), through `erfc` so the lower tail keeps
  /// full relative precision.
  @inlinable
  static func normalCDF(_ x: Double) -> Double {
    0.5 * erfc(-x * 0.5.squareRoot())
  }

  /// Standard normal upper tail 1 − Φ(x), with full relative precision for large x.
  @inlinable
  static func normalUpperTail(_ x: Double) -> Double {
    0.5 * erfc(x * 0.5.squareRoot())
  }

  /// Φ(upper) − Φ(lower) for standardised bounds (either may be infinite), computed from
  /// whichever tail keeps precision: in the upper tail as Q(lower) − Q(upper).
  @inlinable
  static func normalMass(lower: Double, upper: Double) -> Double {
    if lower >= 0 { return normalUpperTail(lower) - normalUpperTail(upper) }
    if upper <= 0 { return normalCDF(upper) - normalCDF(lower) }
    return 1 - normalCDF(lower) - normalUpperTail(upper)
  }

  /// The standard normal quantile Φ⁻¹(p): Wichura's algorithm AS 241 (PPND16, 1988),
  /// relative accuracy about 1e-16.
  /// - Returns: −∞ for p ≤ 0, +∞ for p ≥ 1, NaN for NaN.
  @inlinable
  static func normalQuantile(_ p: Double) -> Double {
    if p.isNaN { return .nan }
    if p <= 0 { return -.infinity }
    if p >= 1 { return .infinity }
    let q = p - 0.5
    if abs(q) <= 0.425 {
      let r = 0.180625 - q * q
      let num = ((((((((2.509_080_928_730_122_672_7e3 * r + 3.343_057_558_358_812_810_5e4) * r
        + 6.726_577_092_700_870_085_3e4) * r + 4.592_195_393_154_987_145_7e4) * r
        + 1.373_169_376_550_946_112_5e4) * r + 1.971_590_950_306_551_442_7e3) * r
        + 1.331_416_678_917_843_774_5e2) * r + 3.387_132_872_796_366_608_0))
      let den = ((((((((5.226_495_278_852_854_561_0e3 * r + 2.872_908_573_572_194_267_4e4) * r
        + 3.930_789_580_009_271_061_0e4) * r + 2.121_379_430_158_659_586_7e4) * r
        + 5.394_196_021_424_751_107_7e3) * r + 6.871_870_074_920_579_083_0e2) * r
        + 4.231_333_070_160_091_125_2e1) * r + 1.0))
      return q * num / den
    }
    var r = q < 0 ? p : 1 - p
    r = (-log(r)).squareRoot()
    let value: Double
    if r <= 5 {
      r -= 1.6
      let num = ((((((((7.745_450_142_783_414_076_40e-4 * r + 2.272_384_498_926_918_458_33e-2)
        * r + 2.417_807_251_774_506_117_70e-1) * r + 1.270_458_252_452_368_382_58) * r
        + 3.647_848_324_763_204_605_04) * r + 5.769_497_221_460_691_405_50) * r
        + 4.630_337_846_156_545_295_90) * r + 1.423_437_110_749_683_577_34))
      let den = ((((((((1.050_750_071_644_416_843_24e-9 * r + 5.475_938_084_995_344_946_00e-4)
        * r + 1.519_866_656_361_645_719_66e-2) * r + 1.481_039_764_274_800_745_90e-1) * r
        + 6.897_673_349_851_000_045_50e-1) * r + 1.676_384_830_183_803_849_40) * r
        + 2.053_191_626_637_758_821_87) * r + 1.0))
      value = num / den
    } else {
      r -= 5
      let num = ((((((((2.010_334_399_292_288_132_65e-7 * r + 2.711_555_568_743_487_578_15e-5)
        * r + 1.242_660_947_388_078_438_60e-3) * r + 2.653_218_952_657_612_309_30e-2) * r
        + 2.965_605_718_285_048_912_30e-1) * r + 1.784_826_539_917_291_335_80) * r
        + 5.463_784_911_164_114_369_90) * r + 6.657_904_643_501_103_777_20))
      let den = ((((((((2.044_263_103_389_939_785_64e-15 * r + 1.421_511_758_316_445_888_70e-7)
        * r + 1.846_318_317_510_054_681_80e-5) * r + 7.868_691_311_456_132_591_00e-4) * r
        + 1.487_536_129_085_061_485_25e-2) * r + 1.369_298_809_227_358_053_10e-1) * r
        + 5.998_322_065_558_879_376_90e-1) * r + 1.0))
      value = num / den
    }
    return q < 0 ? -value : value
  }

  // MARK: - Gamma function

  /// ln Γ(x) for x > 0: the Stirling series (to the x⁻⁹ term) at x ≥ 15, shifted there by
  /// the recurrence Γ(x + 1) = x Γ(x); absolute error below 1e-14.
  /// - Returns: NaN for x ≤ 0 or NaN.
  static func logGamma(_ x: Double) -> Double {
    guard x > 0 else { return .nan }
    if x.isInfinite { return .infinity }
    var z = x
    var product = 1.0
    while z < 15 {
      product *= z
      z += 1
    }
    let inverse = 1 / z
    let inverse2 = inverse * inverse
    let series = inverse * (1.0 / 12 - inverse2 * (1.0 / 360 - inverse2 * (1.0 / 1260
      - inverse2 * (1.0 / 1680 - inverse2 / 1188))))
    return (z - 0.5) * log(z) - z + halfLog2Pi + series - log(product)
  }

  /// The regularized lower incomplete gamma function P(a, x) = γ(a, x) / Γ(a): series for
  /// x < a + 1, Lentz's continued fraction for the complement otherwise (Press et al.,
  /// Numerical Recipes, §6.2).
  static func regularizedGammaP(_ a: Double, _ x: Double) -> Double {
    regularizedGammaP(a, x, logGammaA: logGamma(a)).value
  }

  /// P(a, x) with ln Γ(a) given, and the factor e^(−x)·x^a / Γ(a) it computes on the way —
  /// x times the gamma density at x — so that a quantile search evaluating both at many x
  /// pays for ln Γ(a) once and for the density nothing.
  static func regularizedGammaP(_ a: Double, _ x: Double, logGammaA: Double)
    -> (value: Double, front: Double)
  {
    guard x > 0 else { return (0, 0) }
    if x.isInfinite { return (1, 0) }
    let front = exp(-x + a * log(x) - logGammaA)
    if x < a + 1 {
      var term = 1 / a
      var sum = term
      var denominator = a
      for _ in 0..<100_000 {
        denominator += 1
        term *= x / denominator
        sum += term
        if abs(term) < abs(sum) * 1e-16 { break }
      }
      return (min(1, sum * front), front)
    }
    let tiny = 1e-300
    var b = x + 1 - a
    var c = 1 / tiny
    var d = 1 / b
    var h = d
    for i in 1...100_000 {
      let an = -Double(i) * (Double(i) - a)
      b += 2
      d = an * d + b
      if abs(d) < tiny { d = tiny }
      c = b + an / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      h *= delta
      if abs(delta - 1) < 1e-16 { break }
    }
    return (max(0, 1 - front * h), front)
  }

  // MARK: - Beta function

  /// The regularized incomplete beta function I_x(a, b), by the continued fraction of
  /// Press et al. (Numerical Recipes, §6.4) evaluated with Lentz's method, using the
  /// symmetry I_x(a, b) = 1 − I_{1−x}(b, a) where the fraction converges faster.
  static func regularizedBeta(_ a: Double, _ b: Double, _ x: Double) -> Double {
    regularizedBeta(a, b, x, logNormalizer: logBetaNormalizer(a, b)).value
  }

  /// ln(1 / B(a, b)) = ln Γ(a + b) − ln Γ(a) − ln Γ(b).
  static func logBetaNormalizer(_ a: Double, _ b: Double) -> Double {
    logGamma(a + b) - logGamma(a) - logGamma(b)
  }

  /// I_x(a, b) with ln(1 / B(a, b)) given, and the factor x^a (1 − x)^b / B(a, b) it computes
  /// on the way — x(1 − x) times the beta density at x — so that a quantile search evaluating
  /// both at many x pays for the gamma functions once and for the density nothing.
  static func regularizedBeta(_ a: Double, _ b: Double, _ x: Double, logNormalizer: Double)
    -> (value: Double, front: Double)
  {
    guard x > 0 else { return (0, 0) }
    guard x < 1 else { return (1, 0) }
    let front = exp(logNormalizer + a * log(x) + b * log1p(-x))
    if x < (a + 1) / (a + b + 2) {
      return (min(1, front * betaContinuedFraction(a, b, x) / a), front)
    }
    return (max(0, 1 - front * betaContinuedFraction(b, a, 1 - x) / b), front)
  }

  /// The continued fraction for I_x(a, b) (Numerical Recipes' `betacf`).
  static func betaContinuedFraction(_ a: Double, _ b: Double, _ x: Double) -> Double {
    let tiny = 1e-300
    let sum = a + b
    var c = 1.0
    var d = 1 - sum * x / (a + 1)
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var h = d
    for step in 1...100_000 {
      let m = Double(step)
      let m2 = 2 * m
      var aa = m * (b - m) * x / ((a - 1 + m2) * (a + m2))
      d = 1 + aa * d
      if abs(d) < tiny { d = tiny }
      c = 1 + aa / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      h *= d * c
      aa = -(a + m) * (sum + m) * x / ((a + m2) * (a + 1 + m2))
      d = 1 + aa * d
      if abs(d) < tiny { d = tiny }
      c = 1 + aa / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      h *= delta
      if abs(delta - 1) < 1e-16 { break }
    }
    return h
  }
}
