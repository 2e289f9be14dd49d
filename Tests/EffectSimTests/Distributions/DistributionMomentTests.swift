import Foundation
import Testing

@testable import EffectSim

@Suite("Distribution moments and cdf")
struct DistributionMomentTests {
  func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-12) -> Bool {
    abs(a - b) <= tolerance * Swift.max(1, abs(b))
  }

  @Test("means and variances by hand")
  func closedForms() {
    let uniform = Distribution.uniform(min: 2, max: 5)
    #expect(close(uniform.mean, 3.5) && close(uniform.variance, 0.75))
    // (0 + 1 + 4)/3; (0 + 16 + 1 − 0 − 0 − 4)/18.
    let triangular = Distribution.triangular(min: 0, mode: 1, max: 4)
    #expect(close(triangular.mean, 5.0 / 3) && close(triangular.variance, 13.0 / 18))
    // Beta(1.8, 4.2) on [0, 10]: mean 10·0.3 = 3; variance 100·1.8·4.2/(36·7) = 3.
    let pert = Distribution.pert(min: 0, mode: 2, max: 10, lambda: 4)
    #expect(close(pert.mean, 3) && close(pert.variance, 3))
    // Half-normal: √(2/π), 1 − 2/π.
    let half = Distribution.normal(mean: 0, sd: 1, min: 0, max: nil)
    #expect(close(half.mean, (2 / Double.pi).squareRoot()))
    #expect(close(half.variance, 1 - 2 / Double.pi))
    // Symmetric truncation keeps the mean.
    let symmetric = Distribution.normal(mean: 4, sd: 2, min: 2, max: 6)
    #expect(close(symmetric.mean, 4))
    let beta = Distribution.beta(alpha: 6, beta: 14)
    #expect(close(beta.mean, 0.3) && close(beta.variance, 0.01))
    let gamma = Distribution.gamma(shape: 4, scale: 2.5)
    #expect(close(gamma.mean, 10) && close(gamma.variance, 25))
    let lognormal = Distribution.lognormal(mean: 3, sd: 0.7)
    #expect(lognormal.mean == 3 && close(lognormal.variance, 0.49))
    let discrete = Distribution.discrete(values: [0, 10], weights: [0.9, 0.1])
    #expect(close(discrete.mean, 1) && close(discrete.variance, 9))
  }

  /// Far-tail truncation against values from mpmath (40 digits):
  /// E[Z | 3 ≤ Z ≤ 4] and Var[Z | 3 ≤ Z ≤ 4].
  @Test("far-tail truncated normal moments")
  func farTail() {
    let tail = Distribution.normal(mean: 0, sd: 1, min: 3, max: 4)
    #expect(close(tail.mean, 3.260454285590021, 1e-11))
    #expect(close(tail.variance, 0.049277793777393127, 1e-9))
  }

  @Test("cdf by hand")
  func cdf() {
    #expect(Distribution.uniform(min: 2, max: 5).cdf(3) == 1.0 / 3)
    #expect(close(Distribution.triangular(min: 0, mode: 1, max: 4).cdf(1), 0.25))
    #expect(Distribution.normal(mean: 0, sd: 1, min: nil, max: nil).cdf(0) == 0.5)
    let tail = Distribution.normal(mean: 0, sd: 1, min: 3, max: 4)
    #expect(tail.cdf(2.9) == 0 && tail.cdf(4.1) == 1)
    // σ² = ln 1.25 and μ = −σ²/2, so P(X ≤ 1) = Φ(σ/2).
    #expect(close(Distribution.lognormal(mean: 1, sd: 0.5).cdf(1),
      SpecialFunctions.normalCDF(0.5 * log(1.25).squareRoot())))
    #expect(close(Distribution.gamma(shape: 1, scale: 2).cdf(2), 1 - 1 / 2.718281828459045))
    let discrete = Distribution.discrete(values: [1, 2, 5], weights: [0.25, 0.25, 0.5])
    #expect(discrete.cdf(0.5) == 0 && discrete.cdf(2) == 0.5 && discrete.cdf(5) == 1)
  }
}
