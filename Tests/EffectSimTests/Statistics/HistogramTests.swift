import Testing

@testable import EffectSim

@Suite("Nice numbers and histograms")
struct HistogramTests {
  @Test(arguments: [
    (3_400_000.0, 6, 1_000_000.0), (0.93, 5, 0.2), (1000, 4, 250), (7, 7, 1), (0.0, 3, 1),
  ])
  func stepsAreRoundAndFitTheCount(span: Double, count: Int, expected: Double) {
    let step = NiceNumber.step(span: span, count: count)
    #expect(step == expected)
    if span > 0 { #expect(span / step <= Double(count) + 1e-9) }
  }

  @Test func everySampleLandsInItsBin() {
    var rng = Xoshiro256PlusPlus(seed: 5, stream: 0)
    let samples = (0..<5000).map { _ in Distribution.normal(mean: 1e6, sd: 4e5, min: nil, max: nil)
      .sample(using: &rng) }
    let histogram = Histogram(samples, bins: 30)
    #expect(histogram.total == samples.count)
    #expect(histogram.counts.count <= 31)
    // Edges are multiples of the width, and the width is a nice step.
    let ratio = histogram.lowerEdge / histogram.width
    #expect(abs(ratio - ratio.rounded()) < 1e-9)
    #expect(histogram.width == NiceNumber.step(span: histogram.width * 3, count: 3))
    #expect(histogram.lowerEdge <= samples.min()!)
    #expect(histogram.upperEdge > samples.max()!)
    // Recount one bin by hand.
    let third = histogram.lowerEdge + 3 * histogram.width
    let inThird = samples.filter { $0 >= third && $0 < third + histogram.width }.count
    #expect(histogram.counts[3] == inThird)
  }

  @Test func aConstantColumnGetsOneBin() {
    let histogram = Histogram([250_000, 250_000], bins: 40)
    #expect(histogram.counts == [2])
    #expect(histogram.lowerEdge <= 250_000 && histogram.upperEdge > 250_000)
  }

  @Test func horizonLossIsTheShareAboveZero() {
    let horizon = HorizonSummary(samples: [-1, 0, 2, 3, 5])
    #expect(horizon.probabilityOfLoss == 0.6)
    #expect(abs(horizon.probabilityOfLossMCSE - (0.6 * 0.4 / 4).squareRoot()) < 1e-15)
  }
}
