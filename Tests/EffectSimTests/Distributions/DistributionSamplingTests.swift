import Testing

@testable import EffectSim

/// A named distribution for parameterised tests.
struct DistributionCase: CustomTestStringConvertible, Sendable {
  let name: String
  let distribution: Distribution
  let seed: UInt64
  var testDescription: String { name }

  init(_ name: String, _ distribution: Distribution, seed: UInt64) {
    self.name = name
    self.distribution = distribution
    self.seed = seed
  }

  /// Every continuous distribution and parameter set under test; each path of each sampler
  /// appears at least once (rejection and inversion for the truncated normal, Jöhnk, its
  /// log-space branch and Ga/(Ga+Gb) for beta, both gamma branches).
  static let continuous: [DistributionCase] = [
    .init("uniform(0, 1)", .uniform(min: 0, max: 1), seed: 1),
    .init("uniform(-3, 7)", .uniform(min: -3, max: 7), seed: 2),
    .init("triangular(0, 0.3, 1)", .triangular(min: 0, mode: 0.3, max: 1), seed: 3),
    .init("triangular(2, 2, 5)", .triangular(min: 2, mode: 2, max: 5), seed: 4),
    .init("triangular(-1, 4, 4)", .triangular(min: -1, mode: 4, max: 4), seed: 5),
    .init("pert(0, 0.2, 1, 4)", .pert(min: 0, mode: 0.2, max: 1, lambda: 4), seed: 6),
    .init("pert(10, 30, 100, 4)", .pert(min: 10, mode: 30, max: 100, lambda: 4), seed: 7),
    .init("pert(0, 0.5, 1, 1.5)", .pert(min: 0, mode: 0.5, max: 1, lambda: 1.5), seed: 8),
    .init("normal(0, 1)", .normal(mean: 0, sd: 1, min: nil, max: nil), seed: 9),
    .init("normal(5, 2)", .normal(mean: 5, sd: 2, min: nil, max: nil), seed: 10),
    .init("normal(0, 1) on [0, inf)", .normal(mean: 0, sd: 1, min: 0, max: nil), seed: 11),
    .init("normal(0, 1) on [-1, 2]", .normal(mean: 0, sd: 1, min: -1, max: 2), seed: 12),
    .init("normal(0, 1) on [3, 4]", .normal(mean: 0, sd: 1, min: 3, max: 4), seed: 13),
    .init("normal(0, 1) on (-inf, -2]", .normal(mean: 0, sd: 1, min: nil, max: -2), seed: 14),
    .init("normal(10, 2) on [20, inf)", .normal(mean: 10, sd: 2, min: 20, max: nil), seed: 15),
    .init("normal(0, 1) on [-0.1, 0.1]", .normal(mean: 0, sd: 1, min: -0.1, max: 0.1), seed: 16),
    .init("lognormal(1, 0.5)", .lognormal(mean: 1, sd: 0.5), seed: 17),
    .init("lognormal(100, 30)", .lognormal(mean: 100, sd: 30), seed: 18),
    .init("lognormal(2, 2)", .lognormal(mean: 2, sd: 2), seed: 19),
    .init("beta(0.3, 0.5)", .beta(alpha: 0.3, beta: 0.5), seed: 20),
    .init("beta(143, 97)", .beta(alpha: 143, beta: 97), seed: 21),
    .init("beta(2, 5)", .beta(alpha: 2, beta: 5), seed: 22),
    .init("beta(0.5, 3)", .beta(alpha: 0.5, beta: 3), seed: 23),
    .init("beta(0.02, 0.05)", .beta(alpha: 0.02, beta: 0.05), seed: 24),
    .init("gamma(0.4, 2)", .gamma(shape: 0.4, scale: 2), seed: 25),
    .init("gamma(1, 1)", .gamma(shape: 1, scale: 1), seed: 26),
    .init("gamma(7.5, 0.3)", .gamma(shape: 7.5, scale: 0.3), seed: 27),
    .init("gamma(0.05, 10)", .gamma(shape: 0.05, scale: 10), seed: 28),
  ]

  static let discrete: [DistributionCase] = [
    .init("discrete {1, 2, 5}", .discrete(values: [1, 2, 5], weights: [0.25, 0.25, 0.5]),
      seed: 31),
    .init("discrete {0, 10}", .discrete(values: [0, 10], weights: [0.9, 0.1]), seed: 32),
    .init("discrete with a zero weight",
      .discrete(values: [3, -1, 7, 2], weights: [0.2, 0, 0.5, 0.3]), seed: 33),
  ]
}

@Suite("Distribution sampling")
struct DistributionSamplingTests {
  @Test("sample mean and variance match the exact moments",
    arguments: DistributionCase.continuous + DistributionCase.discrete)
  func moments(_ testCase: DistributionCase) {
    let xs = SampleChecks.draws(testCase.distribution, n: 200_000, seed: testCase.seed)
    let check = SampleChecks.momentsMatch(
      xs, mean: testCase.distribution.mean, variance: testCase.distribution.variance)
    #expect(check.meanError < check.meanBound)
    #expect(check.varianceError < check.varianceBound)
    #expect(xs.allSatisfy { $0.isFinite })
  }

  @Test("Kolmogorov–Smirnov against cdf at the 0.1 % level",
    arguments: DistributionCase.continuous)
  func kolmogorovSmirnov(_ testCase: DistributionCase) {
    let n = 20_000
    let xs = SampleChecks.draws(testCase.distribution, n: n, seed: testCase.seed &+ 1000)
    let distance = SampleChecks.kolmogorovSmirnov(xs, cdf: testCase.distribution.cdf)
    #expect(distance < SampleChecks.ksCritical(n))
  }

  @Test("Kolmogorov–Smirnov for discrete distributions", arguments: DistributionCase.discrete)
  func discreteKolmogorovSmirnov(_ testCase: DistributionCase) {
    guard case .discrete(let values, _) = testCase.distribution else { return }
    let n = 20_000
    let xs = SampleChecks.draws(testCase.distribution, n: n, seed: testCase.seed &+ 1000)
    let distance = SampleChecks.discreteKolmogorovSmirnov(
      xs, support: values, cdf: testCase.distribution.cdf)
    #expect(distance < SampleChecks.ksCritical(n))
  }

  @Test("draws stay inside the support")
  func support() {
    let bounded: [(Distribution, ClosedRange<Double>)] = [
      (.uniform(min: -3, max: 7), -3...7),
      (.triangular(min: 2, mode: 2, max: 5), 2...5),
      (.pert(min: 10, mode: 30, max: 100, lambda: 4), 10...100),
      (.normal(mean: 0, sd: 1, min: 3, max: 4), 3...4),
      (.normal(mean: 0, sd: 1, min: 8, max: 9), 8...9),
      (.normal(mean: 10, sd: 2, min: 20, max: nil), 20...Double.infinity),
      (.beta(alpha: 0.001, beta: 0.001), 0...1),
      (.gamma(shape: 0.001, scale: 1), 0...Double.infinity),
      (.lognormal(mean: 1, sd: 10), 0...Double.infinity),
    ]
    for (distribution, range) in bounded {
      let xs = SampleChecks.draws(distribution, n: 20_000, seed: 77)
      #expect(xs.allSatisfy { range.contains($0) }, "\(distribution)")
    }
  }

  /// Jöhnk's log-space branch: with shapes 0.001 both powers underflow for most draws.
  @Test("beta with tiny shapes keeps its mean")
  func tinyBeta() {
    let distribution = Distribution.beta(alpha: 0.001, beta: 0.001)
    let xs = SampleChecks.draws(distribution, n: 100_000, seed: 78)
    let check = SampleChecks.momentsMatch(
      xs, mean: distribution.mean, variance: distribution.variance)
    #expect(check.meanError < check.meanBound)
    #expect(xs.allSatisfy { $0 >= 0 && $0 <= 1 })
  }

  @Test("same seed, same draws")
  func reproducible() {
    let distribution = Distribution.gamma(shape: 2.5, scale: 1)
    #expect(SampleChecks.draws(distribution, n: 100, seed: 5)
      == SampleChecks.draws(distribution, n: 100, seed: 5))
  }
}
