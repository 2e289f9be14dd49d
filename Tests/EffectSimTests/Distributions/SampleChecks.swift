@testable import EffectSim

/// Monte Carlo checks whose tolerances come from the sampling error of the statistic.
enum SampleChecks {
  /// n draws of `distribution` from a fixed stream.
  static func draws(_ distribution: Distribution, n: Int, seed: UInt64) -> [Double] {
    var rng = Xoshiro256PlusPlus(seed: seed, stream: 0)
    return (0..<n).map { _ in distribution.sample(using: &rng) }
  }

  struct Moments {
    var mean: Double
    /// Unbiased sample variance.
    var variance: Double
    /// Fourth central moment about the sample mean.
    var fourth: Double
  }

  static func moments(_ xs: [Double]) -> Moments {
    let n = Double(xs.count)
    let mean = xs.reduce(0, +) / n
    var m2 = 0.0
    var m4 = 0.0
    for x in xs {
      let d = (x - mean) * (x - mean)
      m2 += d
      m4 += d * d
    }
    return Moments(mean: mean, variance: m2 / (n - 1), fourth: m4 / n)
  }

  /// Whether the sample mean lies within 4 standard errors σ/√n of `mean`, and the sample
  /// variance within 4 standard errors √((μ₄ − σ⁴)/n) of `variance` (μ₄ estimated from
  /// the sample). At 4 standard errors each check fails by chance with probability 6e-5.
  static func momentsMatch(_ xs: [Double], mean: Double, variance: Double)
    -> (meanError: Double, meanBound: Double, varianceError: Double, varianceBound: Double)
  {
    let n = Double(xs.count)
    let sample = moments(xs)
    let meanBound = 4 * variance.squareRoot() / n.squareRoot()
    let varianceBound = 4 * (Swift.max(0, sample.fourth - variance * variance) / n).squareRoot()
    return (abs(sample.mean - mean), meanBound, abs(sample.variance - variance), varianceBound)
  }

  /// The one-sample Kolmogorov–Smirnov statistic of `xs` against a continuous `cdf`.
  ///
  /// Ties are handled as the step they are: draws are doubles, so a distribution with a
  /// singular density (Beta with a shape below 1 near 0 or 1) puts real mass on single
  /// doubles (e.g. 15 % of Beta(0.02, 0.05) rounds to 1.0). Each distinct value x compares
  /// F_n(x) with F(x) and F_n(x⁻) with F(x.nextDown).
  static func kolmogorovSmirnov(_ xs: [Double], cdf: (Double) -> Double) -> Double {
    let sorted = xs.sorted()
    let n = Double(sorted.count)
    var distance = 0.0
    var start = 0
    while start < sorted.count {
      let x = sorted[start]
      var end = start
      while end + 1 < sorted.count && sorted[end + 1] == x { end += 1 }
      let below = start == end ? cdf(x) : cdf(x.nextDown)
      distance = Swift.max(distance, Double(end + 1) / n - cdf(x), below - Double(start) / n)
      start = end + 1
    }
    return distance
  }

  /// The KS statistic for a distribution on finitely many points: both distribution
  /// functions are steps at the support points, so the supremum is attained there. The
  /// continuous critical value is conservative for discrete distributions.
  static func discreteKolmogorovSmirnov(_ xs: [Double], support: [Double],
    cdf: (Double) -> Double) -> Double
  {
    let n = Double(xs.count)
    return support.map { point in
      abs(Double(xs.filter { $0 <= point }.count) / n - cdf(point))
    }.max() ?? 0
  }

  /// The asymptotic KS critical value at the 0.1 % level: 1.95/√n.
  static func ksCritical(_ n: Int) -> Double { 1.95 / Double(n).squareRoot() }

  /// The upper 0.1 % point of χ² with `df` degrees of freedom, by the Wilson–Hilferty
  /// approximation (z = 3.0902), accurate to well under 1 % for df ≥ 5.
  static func chiSquareCritical(df: Int) -> Double {
    let k = Double(df)
    let h = 2 / (9 * k)
    let root = 1 - h + 3.0902 * h.squareRoot()
    return k * root * root * root
  }
}
