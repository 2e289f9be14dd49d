import Foundation
import Testing

@testable import EffectSim

@Suite("Quantiles and notation")
struct DistributionQuantileTests {
  static let distributions: [Distribution] = [
    .uniform(min: 2, max: 6), .triangular(min: 0, mode: 1, max: 4),
    .pert(min: 0.15, mode: 0.3, max: 0.5, lambda: 4), .normal(mean: 10, sd: 2, min: nil, max: nil),
    .normal(mean: 0, sd: 1, min: 0, max: nil), .normal(mean: 5, sd: 1, min: 8, max: 9),
    .normal(mean: 0, sd: 1, min: -1, max: 0.5), .lognormal(mean: 100, sd: 30),
    .beta(alpha: 144, beta: 96), .beta(alpha: 0.5, beta: 0.5), .beta(alpha: 0.2, beta: 3),
    .beta(alpha: 2, beta: 0.7), .beta(alpha: 1500, beta: 20), .gamma(shape: 2, scale: 3),
    .gamma(shape: 0.3, scale: 1), .gamma(shape: 400, scale: 0.01), .gamma(shape: 1, scale: 5),
  ]

  static let levels: [Double] = [
    1e-12, 1e-6, 0.001, 0.05, 0.3, 0.5, 0.7, 0.95, 0.999, 1 - 1e-6,
  ]

  /// The quantile is right to the last bits: p lies between the cdf two units in the last
  /// place below and above it, up to the cdf's own rounding (relative 1e-12 of the nearer
  /// tail, and a few units in the last place of 1, below which no p near 1 is told apart).
  @Test(arguments: distributions)
  func quantileInvertsTheCDF(distribution: Distribution) {
    for p in Self.levels {
      let x = distribution.quantile(p)
      let tolerance = 1e-12 * Swift.min(p, 1 - p) + 4e-16
      let below = distribution.cdf(x.nextDown.nextDown)
      let above = distribution.cdf(x.nextUp.nextUp)
      #expect(below - tolerance <= p && p <= above + tolerance, "\(distribution) at \(p): \(x)")
    }
  }

  @Test("quantiles rise with the level", arguments: distributions)
  func monotone(distribution: Distribution) {
    var previous = -Double.infinity
    for step in 1..<1000 {
      let x = distribution.quantile(Double(step) / 1000)
      #expect(x >= previous, "\(distribution) at \(step)")
      #expect(distribution.support.contains(x))
      previous = x
    }
  }

  @Test("closed forms and published values")
  func closedForms() {
    func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-13) -> Bool {
      abs(a - b) <= tolerance * Swift.max(1, abs(b))
    }
    #expect(close(Distribution.uniform(min: 2, max: 6).quantile(0.25), 3))
    #expect(close(Distribution.normal(mean: 10, sd: 2, min: nil, max: nil).quantile(0.95),
      10 + 2 * 1.6448536269514722))
    for p in [1e-9, 0.01, 0.37, 0.8, 0.999] {
      // Beta(a, 1): p^(1/a); Beta(1, b): 1 − (1 − p)^(1/b); Gamma(1, θ): −θ ln(1 − p).
      #expect(close(Distribution.beta(alpha: 3.5, beta: 1).quantile(p), pow(p, 1 / 3.5)))
      #expect(close(Distribution.beta(alpha: 1, beta: 0.4).quantile(p), 1 - pow(1 - p, 2.5)))
      #expect(close(Distribution.gamma(shape: 1, scale: 5).quantile(p), -5 * log1p(-p)))
      // Half-normal: Φ⁻¹((1 + p)/2).
      #expect(close(Distribution.normal(mean: 0, sd: 1, min: 0, max: nil).quantile(p),
        SpecialFunctions.normalQuantile((1 + p) / 2)))
    }
    // Chi-square quantiles (gamma with scale 2), as printed in every table.
    #expect(close(Distribution.gamma(shape: 0.5, scale: 2).quantile(0.95), 3.841458820694124))
    #expect(close(Distribution.gamma(shape: 5, scale: 2).quantile(0.95), 18.307038053275146))
    #expect(close(Distribution.gamma(shape: 5, scale: 2).quantile(0.05), 3.940299136119261))
    // Lognormal: exp(μ + σ z) with the log-scale μ and σ of mean 100, sd 30.
    let sigma2 = log(1 + 0.09)
    #expect(close(Distribution.lognormal(mean: 100, sd: 30).quantile(0.9),
      exp(log(100) - sigma2 / 2 + sigma2.squareRoot() * 1.2815515655446004)))
  }

  @Test("uniform and triangular quantiles are the samplers' inverses")
  func samplersAgree() {
    let triangular = Distribution.triangular(min: 0, mode: 1, max: 4)
    var rng = Xoshiro256PlusPlus(seed: 5, stream: 0)
    for _ in 0..<1000 {
      var copy = rng
      let u = copy.nextUniform()
      let drawn = triangular.sample(using: &rng)
      #expect(triangular.quantile(u) == drawn)
    }
  }

  @Test func extremes() {
    #expect(Distribution.beta(alpha: 2, beta: 3).quantile(0) == 0)
    #expect(Distribution.beta(alpha: 2, beta: 3).quantile(1) == 1)
    #expect(Distribution.gamma(shape: 2, scale: 3).quantile(1) == .infinity)
    #expect(Distribution.normal(mean: 0, sd: 1, min: -2, max: nil).quantile(0) == -2)
    #expect(Distribution.uniform(min: 2, max: 6).quantile(.nan).isNaN)
  }

  @Test func discreteQuantilesAreValuesInAscendingOrder() {
    let d = Distribution.discrete(values: [11000, 15000, 9000], weights: [0.5, 0.25, 0.25])
    #expect(d.quantile(0.05) == 9000)
    #expect(d.quantile(0.25) == 9000)
    #expect(d.quantile(0.2500001) == 11000)
    #expect(d.quantile(0.5) == 11000)
    #expect(d.quantile(0.75) == 11000)
    #expect(d.quantile(0.76) == 15000)
    #expect(d.quantile(0.95) == 15000)
    let zeroWeight = Distribution.discrete(values: [1, 2, 3], weights: [0.5, 0, 0.5])
    #expect(zeroWeight.quantile(0.5) == 1)
    #expect(zeroWeight.quantile(0.6) == 3)
  }

  /// Issue 11, case 6: the register's quantiles of a discrete distribution evaluated the cdf
  /// at every value (quadratic: 10,000 values took seconds). The one-pass quantile is the
  /// definition's: the first value, in order, whose cdf reaches p.
  @Test func discreteQuantilesMatchTheDefinitionWithTiesAndZeroWeights() {
    var rng = Xoshiro256PlusPlus(seed: 11, stream: 0)
    for _ in 0..<200 {
      let count = 1 + Int(rng.next() % 12)
      let values = (0..<count).map { _ in Double(rng.next() % 6) }
      let raw = (0..<count).map { _ in Double(rng.next() % 4) }
      let total = raw.reduce(0, +)
      guard total > 0 else { continue }
      let d = Distribution.discrete(values: values, weights: raw.map { $0 / total })
      for p in [0.0, 0.05, 0.25, 0.5, 0.75, 0.95, 1] {
        let definition = values.sorted().first { d.cdf($0) >= p - 1e-12 } ?? values.max()
        #expect(d.quantile(p) == definition, "\(values) \(raw) p=\(p)")
      }
    }
  }

  @Test func tenThousandDiscreteValuesTakeOnePass() {
    let n = 10_000
    let d = Distribution.discrete(
      values: (0..<n).map { Double(n - $0) }, weights: Array(repeating: 1 / Double(n), count: n))
    #expect(d.quantile(0.5) == 5000)
  }

  @Test func notationNamesTheFamilyAndItsNumbers() {
    #expect(Distribution.beta(alpha: 144, beta: 96).notation == "Beta(144, 96)")
    #expect(Distribution.pert(min: 0.15, mode: 0.3, max: 0.5, lambda: 4).notation
      == "PERT(0.15, 0.3, 0.5)")
    #expect(Distribution.normal(mean: 1, sd: 2, min: 0, max: nil).notation
      == "Normal(1, 2) on [0, ∞)")
    #expect(Distribution.discrete(values: [0.8], weights: [1]).notation == "Fixed 0.8")
    #expect(Distribution.discrete(values: [1, 2], weights: [3, 1]).notation
      == "Discrete(1: 0.75, 2: 0.25)")
  }
}
