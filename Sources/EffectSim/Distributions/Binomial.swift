import Foundation

/// Binomial variates, for kernels that move whole groups of people at once.
public enum Binomial {
  /// Draws from Binomial(n, p).
  ///
  /// Returns 0 for n ≤ 0 or p ≤ 0 (and NaN p), n for p ≥ 1. For p > ½ it draws
  /// n − Binomial(n, 1 − p). Then inversion (sequential search from 0) when n·p ≤ 30, and
  /// otherwise BTRS, the transformed rejection with squeeze of Hörmann (1993), "The
  /// generation of binomial random variates", J. Statist. Comput. Simul. 46: expected
  /// draws bounded uniformly in n and p, no set-up tables.
  /// - Parameters:
  ///   - n: the number of trials.
  ///   - p: the success probability.
  ///   - rng: the generator to draw from.
  /// - Complexity: O(n·p) for inversion (at most about 30 steps); O(1) expected for BTRS.
  @inlinable
  public static func sample(n: Int, p: Double, using rng: inout Xoshiro256PlusPlus) -> Int {
    guard n > 0, p > 0 else { return 0 }
    if p >= 1 { return n }
    if p > 0.5 { return n - sampleLowerHalf(n: n, p: 1 - p, using: &rng) }
    return sampleLowerHalf(n: n, p: p, using: &rng)
  }

  /// Binomial(n, p) for n > 0 and 0 < p ≤ ½.
  @inlinable
  static func sampleLowerHalf(n: Int, p: Double, using rng: inout Xoshiro256PlusPlus) -> Int {
    let count = Double(n)
    if count * p <= 30 { return inversion(n: n, p: p, using: &rng) }
    return btrs(n: n, p: p, using: &rng)
  }

  /// Inversion by sequential search: walk the probabilities P(X = k) from k = 0 with the
  /// recurrence P(k) = P(k − 1) · (n − k + 1)p / (kq). q^n ≥ e^(−60) here (n·p ≤ 30,
  /// p ≤ ½), so it does not underflow. A walk past n·p + 10√(n·p·q + 1) (only reachable by
  /// rounding of the running remainder) restarts with a fresh uniform, as numpy does.
  @inlinable
  static func inversion(n: Int, p: Double, using rng: inout Xoshiro256PlusPlus) -> Int {
    let q = 1 - p
    let count = Double(n)
    let probabilityOfZero = exp(count * log1p(-p))
    let mean = count * p
    let bound = Swift.min(count, mean + 10 * (mean * q + 1).squareRoot())
    var k = 0
    var probability = probabilityOfZero
    var u = rng.nextUniform()
    while u > probability {
      k += 1
      if Double(k) > bound {
        k = 0
        probability = probabilityOfZero
        u = rng.nextUniform()
      } else {
        u -= probability
        probability *= (count - Double(k) + 1) * p / (Double(k) * q)
      }
    }
    return k
  }

  /// BTRS (Hörmann 1993, algorithm BTRS) for n·p > 30 and p ≤ ½.
  @inlinable
  static func btrs(n: Int, p: Double, using rng: inout Xoshiro256PlusPlus) -> Int {
    let count = Double(n)
    let q = 1 - p
    let spq = (count * p * q).squareRoot()
    let b = 1.15 + 2.53 * spq
    let a = -0.0873 + 0.0248 * b + 0.01 * p
    let c = count * p + 0.5
    let vr = 0.92 - 4.2 / b
    let alpha = (2.83 + 5.1 / b) * spq
    let ratio = p / q
    let m = ((count + 1) * p).rounded(.down)
    let tailM = stirlingTail(m) + stirlingTail(count - m)
    while true {
      let u = rng.nextUniform() - 0.5
      let v = rng.nextUniform()
      let us = 0.5 - abs(u)
      let k = ((2 * a / us + b) * u + c).rounded(.down)
      if k < 0 || k > count { continue }
      if us >= 0.07 && v <= vr { return Int(k) }
      // Step 3.1 of BTRS, in logarithms: accept when
      // ln(v·α/(a/us² + b)) ≤ ln(f(k)/f(m)), with the factorials by Stirling plus tails.
      let logV = log(v * alpha / (a / (us * us) + b))
      let bound = (m + 0.5) * log((m + 1) / (ratio * (count - m + 1)))
        + (count + 1) * log((count - m + 1) / (count - k + 1))
        + (k + 0.5) * log(ratio * (count - k + 1) / (k + 1))
        + tailM - stirlingTail(k) - stirlingTail(count - k)
      if logV <= bound { return Int(k) }
    }
  }

  /// The tail of Stirling's formula, ln k! − [(k + ½) ln(k + 1) − (k + 1) + ½ ln 2π]:
  /// tabulated for k ≤ 15, the asymptotic series in 1/(k + 1) to the 9th power beyond
  /// (error below 1e-16).
  @inlinable
  static func stirlingTail(_ k: Double) -> Double {
    if k <= 15 {
      switch Int(k) {
      case 0: return 0.081_061_466_795_327_258_22
      case 1: return 0.041_340_695_955_409_294_09
      case 2: return 0.027_677_925_684_998_339_15
      case 3: return 0.020_790_672_103_765_093_11
      case 4: return 0.016_644_691_189_821_192_16
      case 5: return 0.013_876_128_823_070_748_00
      case 6: return 0.011_896_709_945_891_770_10
      case 7: return 0.010_411_265_261_972_096_50
      case 8: return 0.009_255_462_182_712_732_918
      case 9: return 0.008_330_563_433_362_871_257
      case 10: return 0.007_573_675_487_951_840_795
      case 11: return 0.006_942_840_107_209_529_866
      case 12: return 0.006_408_994_188_004_207_068
      case 13: return 0.005_951_370_112_758_847_736
      case 14: return 0.005_554_733_551_962_801_371
      default: return 0.005_207_655_919_609_640_441
      }
    }
    let inverse = 1 / (k + 1)
    let inverse2 = inverse * inverse
    return inverse * (1.0 / 12 - inverse2 * (1.0 / 360 - inverse2 * (1.0 / 1260
      - inverse2 * (1.0 / 1680 - inverse2 / 1188))))
  }
}
