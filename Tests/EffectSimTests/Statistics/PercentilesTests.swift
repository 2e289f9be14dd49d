import Testing

@testable import EffectSim

/// A 64-bit LCG (Knuth's MMIX constants): reproducible test data without the system generator.
private struct TestLCG {
  var state: UInt64

  mutating func next() -> Double {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Double(state >> 11) * 0x1p-53
  }
}

/// The shapes of data that break naive quickselects: ties, runs, sorted and reversed input.
enum PercentileData: String, CaseIterable, Sendable {
  case uniform, fewDistinct, allEqual, ascending, descending, organPipe, zerosAndSpikes

  func values(count: Int, seed: UInt64) -> [Double] {
    var random = TestLCG(state: seed)
    return (0..<count).map { index in
      switch self {
      case .uniform: return random.next() * 200 - 100
      case .fewDistinct: return Double(Int(random.next() * 4))
      case .allEqual: return 3.25
      case .ascending: return Double(index)
      case .descending: return Double(count - index)
      case .organPipe: return Double(min(index, count - index))
      case .zerosAndSpikes: return random.next() < 0.9 ? 0 : random.next() * 1e6
      }
    }
  }
}

@Suite("Percentiles (type 7)")
struct PercentilesTests {
  static let levels: [Double] = [0, 0.1, 2.5, 5, 10, 25, 33.3, 50, 75, 90, 95, 97.5, 99.9, 100]

  /// The definition, written here without the code under test: sort everything; the level
  /// p % sits at h = (n − 1) · p / 100 (Hyndman & Fan 1996, type 7); interpolate between the
  /// order statistics ⌊h⌋ and ⌊h⌋ + 1 as NumPy's `_lerp` does (from the nearer end, so that
  /// the bits agree with `numpy.percentile`).
  static func reference(_ values: [Double], levels: [Double]) -> [Double] {
    let sorted = values.sorted()
    return levels.map { level in
      let h = Double(sorted.count - 1) * (min(max(level, 0), 100) / 100)
      let lower = Int(h.rounded(.down))
      let t = h - Double(lower)
      guard t > 0 else { return sorted[lower] }
      let (a, b) = (sorted[lower], sorted[lower + 1])
      if a == b { return a }
      return t < 0.5 ? a + (b - a) * t : b - (b - a) * (1 - t)
    }
  }

  static func type7(_ values: [Double], levels: [Double]) -> (result: [Double], after: [Double]) {
    var copy = values
    let result = copy.withUnsafeMutableBufferPointer { Percentiles.type7($0, levels: levels) }
    return (result, copy)
  }

  @Test(
    "NumPy's values",
    arguments: [
      ([1, 2, 3, 4], 25, 1.75), ([1, 2, 3, 4, 5], 10, 1.4), ([1, 2, 3, 4], 50, 2.5),
      ([4, 3, 2, 1], 75, 3.25), ([1, 2, 3, 4], 0, 1), ([1, 2, 3, 4], 100, 4),
      ([7], 37, 7), ([3, 1], 50, 2), ([1, 2], 97.5, 1.975), ([10, 20, 30], 90, 28),
      ([1, 1, 2, 2, 3], 60, 2), ([-5, 0, 5, 10], 5, -4.25),
    ] as [([Double], Double, Double)])
  func numpyValues(values: [Double], level: Double, expected: Double) {
    let value = Self.type7(values, levels: [level]).result[0]
    #expect(abs(value - expected) <= 1e-12, "\(values) at \(level): \(value)")
  }

  @Test(
    "Equals sorting then interpolating",
    arguments: PercentileData.allCases, [1, 2, 3, 5, 16, 17, 18, 100, 1_000, 10_007])
  func matchesSortReference(data: PercentileData, count: Int) {
    let values = data.values(count: count, seed: UInt64(count) &* 7_919)
    let (result, after) = Self.type7(values, levels: Self.levels)
    #expect(result == Self.reference(values, levels: Self.levels), "\(data) n=\(count)")
    #expect(after.sorted() == values.sorted(), "selection must only permute the values")
  }

  @Test("The sorting fallback gives the same answer", arguments: PercentileData.allCases)
  func fallbackMatches(data: PercentileData) {
    let values = data.values(count: 500, seed: 42)
    let (lower, fraction) = Percentiles.position(level: 37.5, count: values.count) ?? (0, 0)
    for budget in [0, 1, 3] {
      var copy = values
      copy.withUnsafeMutableBufferPointer {
        _Introselect.select($0, ranks: [0, lower, lower + 1, 499], depthBudget: budget)
      }
      let sorted = values.sorted()
      for rank in [0, lower, lower + 1, 499] { #expect(copy[rank] == sorted[rank]) }
      #expect(fraction > 0)
    }
  }

  @Test(
    "Gathering ties on every partition or only when needed places the same bits",
    arguments: PercentileData.allCases)
  func gatheringTiesAgrees(data: PercentileData) {
    let values = data.values(count: 2_001, seed: 99)
    let ranks = [0, 100, 101, 1_000, 1_001, 1_900, 2_000]
    let placed = [false, true].map { always in
      var copy = values
      copy.withUnsafeMutableBufferPointer {
        _Introselect.select($0, ranks: ranks, alwaysGatherTies: always)
      }
      return ranks.map { copy[$0].bitPattern }
    }
    #expect(placed[0] == placed[1], "\(data)")
    #expect(placed[0] == ranks.map { values.sorted()[$0].bitPattern }, "\(data)")
  }

  @Test("Levels keep their requested order, duplicates included")
  func levelOrder() {
    let values = (1...101).map(Double.init)
    let result = Self.type7(values, levels: [95, 5, 50, 5, 100, 0]).result
    #expect(result == [96, 6, 51, 6, 101, 1])
  }

  @Test("Edge cases return NaN or clamp instead of trapping")
  func edgeCases() {
    #expect(Self.type7([], levels: [5, 50]).result.allSatisfy { $0.isNaN })
    #expect(Self.type7([1, .nan, 3], levels: [0, 50]).result.allSatisfy { $0.isNaN })
    #expect(Self.type7([1, 2, 3], levels: []).result.isEmpty)
    let clamped = Self.type7([1, 2, 3], levels: [-10, 150, .nan]).result
    #expect(clamped[0] == 1 && clamped[1] == 3 && clamped[2].isNaN)
    let infinite = Self.type7([.infinity, -.infinity, 1, .infinity], levels: [0, 100 / 3, 100])
    #expect(infinite.result == [-.infinity, 1, .infinity])
  }

  @Test("Interpolation is monotone and exact at the ends")
  func interpolation() {
    #expect(Percentiles.interpolate(1, 2, fraction: 0) == 1)
    #expect(Percentiles.interpolate(.infinity, .infinity, fraction: 0.5) == .infinity)
    var previous = -Double.infinity
    for step in 0..<1_000 {
      let value = Percentiles.interpolate(0.1, 0.3, fraction: Double(step) / 1_000)
      #expect(value >= previous && value >= 0.1 && value <= 0.3)
      previous = value
    }
  }
}
