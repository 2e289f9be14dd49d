import Testing

@testable import EffectSim

@Suite("Quantiles and notation")
struct DistributionQuantileTests {
  static let distributions: [Distribution] = [
    .uniform(min: 2, max: 6), .triangular(min: 0, mode: 1, max: 4),
    .pert(min: 0.15, mode: 0.3, max: 0.5, lambda: 4), .normal(mean: 10, sd: 2, min: nil, max: nil),
    .normal(mean: 0, sd: 1, min: 0, max: nil), .lognormal(mean: 100, sd: 30),
    .beta(alpha: 144, beta: 96), .gamma(shape: 2, scale: 3),
  ]

  @Test(arguments: distributions)
  func quantileInvertsTheCDF(distribution: Distribution) {
    for p in [0.05, 0.5, 0.95] {
      let x = distribution.quantile(p)
      #expect(abs(distribution.cdf(x) - p) < 1e-7, "\(distribution) at \(p): \(x)")
    }
  }

  @Test func closedForms() {
    #expect(abs(Distribution.uniform(min: 2, max: 6).quantile(0.25) - 3) < 1e-9)
    #expect(abs(Distribution.normal(mean: 10, sd: 2, min: nil, max: nil).quantile(0.95)
      - (10 + 2 * 1.6448536269514722)) < 1e-6)
  }

  @Test func discreteQuantilesAreValues() {
    let d = Distribution.discrete(values: [11000, 15000, 9000], weights: [0.5, 0.25, 0.25])
    #expect(d.quantile(0.05) == 9000)
    #expect(d.quantile(0.5) == 11000)
    #expect(d.quantile(0.95) == 15000)
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
