import Testing

@testable import EffectSim

/// Reproducible test data: a 64-bit LCG, not the system generator.
private func lcgValues(count: Int, seed: UInt64, offset: Double) -> [Double] {
  var state = seed
  return (0..<count).map { _ in
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return offset + Double(state >> 11) * 0x1p-53
  }
}

@Suite("RunningMoments")
struct RunningMomentsTests {
  static func twoPass(_ values: [Double]) -> (mean: Double, variance: Double) {
    let mean = values.reduce(0, +) / Double(values.count)
    let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    return (mean, squares / Double(values.count - 1))
  }

  static func moments(_ values: some Sequence<Double>) -> RunningMoments {
    var moments = RunningMoments()
    for value in values { moments.add(value) }
    return moments
  }

  @Test("Welford agrees with two passes, even far from zero", arguments: [0, 1e3, 1e9])
  func matchesTwoPass(offset: Double) {
    let values = lcgValues(count: 10_000, seed: 17, offset: offset)
    let moments = Self.moments(values)
    let reference = Self.twoPass(values)
    #expect(moments.count == 10_000)
    #expect(abs(moments.mean - reference.mean) <= 1e-12 * max(1, offset))
    // Uniform(0, 1) noise has variance 1/12; allow the rounding of the offset itself.
    #expect(abs(moments.variance - reference.variance) <= 1e-9 * (1 + offset * offset * 1e-14))
    #expect(abs(moments.variance - 1.0 / 12) < 0.01)
  }

  @Test("Merging equals one pass over everything", arguments: [0, 1, 2, 500, 999, 1_000])
  func mergeMatchesSinglePass(split: Int) {
    let values = lcgValues(count: 1_000, seed: 5, offset: 40)
    var merged = Self.moments(values[..<split])
    merged.merge(Self.moments(values[split...]))
    let single = Self.moments(values)
    #expect(merged.count == single.count)
    #expect(abs(merged.mean - single.mean) <= 1e-12)
    #expect(abs(merged.variance - single.variance) <= 1e-12)
  }

  @Test("Fewer than two values have variance 0")
  func smallCounts() {
    var moments = RunningMoments()
    #expect(moments.count == 0 && moments.mean == 0 && moments.variance == 0)
    moments.add(4)
    #expect(moments.mean == 4 && moments.variance == 0)
    moments.merge(RunningMoments())
    #expect(moments.count == 1)
    moments.add(6)
    #expect(moments.mean == 5 && moments.variance == 2)
  }
}
