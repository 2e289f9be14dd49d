import Testing

@testable import EffectSim

@Suite("Kolmogorov–Smirnov")
struct KolmogorovSmirnovTests {
  /// Tabulated upper tail of the Kolmogorov distribution (Smirnov 1948; Marsaglia, Tsang &
  /// Wang 2003): the 5 % and 1 % critical values and two further points.
  @Test(
    "Q_KS at known points",
    arguments: [
      (1.36, 0.0494, 0.0002), (1.63, 0.00983, 0.00005), (0.5, 0.963945, 1e-6),
      (1.0, 0.269999, 1e-6), (2.0, 0.000670925, 1e-8), (0.2, 1, 1e-9),
    ])
  func knownValues(lambda: Double, expected: Double, tolerance: Double) {
    let q = KolmogorovSmirnov.complementaryKolmogorov(lambda)
    #expect(abs(q - expected) <= tolerance, "Q(\(lambda)) = \(q)")
  }

  @Test("The two series agree where they switch")
  func continuity() {
    let below = KolmogorovSmirnov.complementaryKolmogorov(1.18.nextDown)
    let above = KolmogorovSmirnov.complementaryKolmogorov(1.18)
    #expect(abs(below - above) < 1e-12)
  }

  @Test("pValue applies Stephens' effective-n correction")
  func pValue() {
    let lambda = (10 + 0.12 + 0.011) * 0.136
    #expect(
      KolmogorovSmirnov.pValue(d: 0.136, n: 100)
        == KolmogorovSmirnov.complementaryKolmogorov(lambda))
    #expect(KolmogorovSmirnov.pValue(d: 0, n: 50) == 1)
    #expect(KolmogorovSmirnov.pValue(d: 1, n: 10_000) == 0)
    #expect(KolmogorovSmirnov.pValue(d: 0.1, n: 0).isNaN)
    #expect(KolmogorovSmirnov.effectiveSize(3, 6) == 2)
  }

  @Test("One-sample statistic against the uniform distribution, by hand")
  func oneSample() {
    let uniform: (Double) -> Double = { min(max($0, 0), 1) }
    #expect(KolmogorovSmirnov.statistic([0.5], cdf: uniform) == 0.5)
    let d = KolmogorovSmirnov.statistic([0.7, 0.1, 0.4], cdf: uniform)
    #expect(abs(d - 0.3) < 1e-15)
    #expect(KolmogorovSmirnov.statistic([], cdf: uniform).isNaN)
  }

  @Test("Uniform LCG samples are not rejected")
  func uniformSample() {
    var state: UInt64 = 2_024
    let samples = (0..<2_000).map { _ in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double(state >> 11) * 0x1p-53
    }
    let d = KolmogorovSmirnov.statistic(samples) { min(max($0, 0), 1) }
    #expect(KolmogorovSmirnov.pValue(d: d, n: 2_000) > 0.001)
    let shifted = KolmogorovSmirnov.statistic(samples.map { $0 * 0.9 }) { min(max($0, 0), 1) }
    #expect(KolmogorovSmirnov.pValue(d: shifted, n: 2_000) < 1e-6)
  }

  @Test(
    "Two-sample statistic on hand-made cases",
    arguments: [
      ([1, 2, 3], [2.5, 4, 5, 6], 0.75),
      ([1, 2, 2, 3], [2, 2, 2, 4], 0.25),
      ([1, 2, 3], [3, 1, 2], 0),
      ([1, 2], [3, 4, 5], 1),
    ] as [([Double], [Double], Double)])
  func twoSample(a: [Double], b: [Double], expected: Double) {
    #expect(abs(KolmogorovSmirnov.statistic(a, b) - expected) < 1e-15)
    #expect(KolmogorovSmirnov.statistic(a, b) == KolmogorovSmirnov.statistic(b, a))
  }

  @Test("Two-sample statistic rejects empty and NaN samples with NaN")
  func twoSampleEdges() {
    #expect(KolmogorovSmirnov.statistic([], [1]).isNaN)
    #expect(KolmogorovSmirnov.statistic([1, .nan], [1]).isNaN)
  }
}
