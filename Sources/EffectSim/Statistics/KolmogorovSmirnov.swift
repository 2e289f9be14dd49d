import Foundation

/// Kolmogorov–Smirnov distances between samples and distributions, and their p-values.
///
/// Tests use these to check that samplers draw from the distribution they claim; the engine
/// does not depend on them.
public enum KolmogorovSmirnov {
  /// The one-sample statistic *D* = sup |*F*ₙ(*x*) − *F*(*x*)| of `samples` against `cdf`.
  ///
  /// Exact for a continuous `cdf`, ties in the samples included: the supremum is attained just
  /// before or at a sample, where the empirical distribution is *i*/*n* and (*i* + 1)/*n*.
  /// - Parameters:
  ///   - samples: the sample, in any order; copied and sorted.
  ///   - cdf: the hypothesised cumulative distribution function.
  /// - Returns: *D* in [0, 1]; NaN when `samples` is empty or holds NaN.
  /// - Complexity: O(*n* log *n*).
  public static func statistic(_ samples: [Double], cdf: (Double) -> Double) -> Double {
    guard !samples.isEmpty, !samples.contains(where: \.isNaN) else { return .nan }
    let sorted = samples.sorted()
    let n = Double(sorted.count)
    var distance = 0.0
    for (index, x) in sorted.enumerated() {
      let f = cdf(x)
      distance = max(distance, f - Double(index) / n, Double(index + 1) / n - f)
    }
    return distance
  }

  /// The two-sample statistic *D* = sup |*F*ₘ(*x*) − *G*ₙ(*x*)|.
  ///
  /// The empirical distributions are compared after each distinct value, with every copy of a
  /// tied value counted at once, so ties between or within the samples are handled exactly.
  /// - Returns: *D* in [0, 1]; NaN when either sample is empty or holds NaN.
  /// - Complexity: O(*m* log *m* + *n* log *n*).
  public static func statistic(_ a: [Double], _ b: [Double]) -> Double {
    guard !a.isEmpty, !b.isEmpty, !a.contains(where: \.isNaN), !b.contains(where: \.isNaN)
    else { return .nan }
    let first = a.sorted()
    let second = b.sorted()
    let m = Double(first.count)
    let n = Double(second.count)
    var i = 0
    var j = 0
    var distance = 0.0
    while i < first.count, j < second.count {
      let x = min(first[i], second[j])
      while i < first.count, first[i] <= x { i += 1 }
      while j < second.count, second[j] <= x { j += 1 }
      distance = max(distance, abs(Double(i) / m - Double(j) / n))
    }
    return distance
  }

  /// The effective sample size *mn* / (*m* + *n*) that `pValue(d:n:)` takes for two samples.
  /// - Complexity: O(1).
  public static func effectiveSize(_ m: Int, _ n: Int) -> Double {
    let total = Double(m) + Double(n)
    return total > 0 ? Double(m) * Double(n) / total : 0
  }

  /// The asymptotic p-value of a distance `d` between samples of size `n`.
  ///
  /// Returns *Q*_KS(λ) with λ = (√*n* + 0.12 + 0.11/√*n*) · *d*, the effective-*n* correction of
  /// Stephens (1970) as used by Numerical Recipes (Press et al. 2007, §14.3.3), where
  /// *Q*_KS(λ) = 2 Σⱼ (−1)^(j−1) e^(−2j²λ²). Below λ = 1.18 that series converges slowly, so
  /// *Q* is computed as 1 − *P* from the Jacobi theta form
  /// *P*(λ) = (√(2π)/λ) Σⱼ e^(−(2j−1)²π²/(8λ²)), which converges fast there.
  /// - Parameters:
  ///   - d: the statistic; values at or below 0 give 1.
  ///   - n: the sample size, or `effectiveSize(_:_:)` for two samples; must be positive.
  /// - Returns: the probability in [0, 1] of a distance at least `d` under the null
  ///   hypothesis; NaN when `d` or `n` is NaN or `n` is not positive.
  /// - Complexity: O(1): both series are cut off once their terms fall below 1e-17.
  public static func pValue(d: Double, n: Double) -> Double {
    guard !d.isNaN, !n.isNaN, n > 0 else { return .nan }
    let root = n.squareRoot()
    return complementaryKolmogorov((root + 0.12 + 0.11 / root) * d)
  }

  /// *Q*_KS(λ) = 1 − *P*_KS(λ), the Kolmogorov distribution's upper tail.
  /// - Complexity: O(1).
  static func complementaryKolmogorov(_ lambda: Double) -> Double {
    guard lambda > 0 else { return 1 }
    guard lambda.isFinite else { return 0 }
    if lambda < 1.18 {
      let y = -Double.pi * Double.pi / (8 * lambda * lambda)
      var sum = 0.0
      for j in 1...20 {
        let odd = Double(2 * j - 1)
        let term = exp(odd * odd * y)
        sum += term
        if term < 1e-17 * sum { break }
      }
      let cumulative = (2 * Double.pi).squareRoot() / lambda * sum
      return min(max(1 - cumulative, 0), 1)
    }
    let x = -2 * lambda * lambda
    var sum = 0.0
    var sign = 1.0
    for j in 1...20 {
      let term = exp(Double(j * j) * x)
      sum += sign * term
      sign = -sign
      if term < 1e-17 { break }
    }
    return min(max(2 * sum, 0), 1)
  }
}
