import Testing

@testable import EffectSim

/// The split of a run's iterations into shards: contiguous, complete, balanced, and fixed by
/// the total and the shard count alone.
@Suite("Shards")
struct ShardTests {
  @Test(arguments: [0, 1, 2, 63, 64, 100, 1000, 100_000_000])
  func shardsTileTheIterations(total: Int) {
    for count in [1, 2, 3, 7, 32, 64, 1000] {
      var next = 0
      var sizes: [Int] = []
      for index in 0..<count {
        let range = Shard(index: index, count: count)!.range(of: total)
        #expect(range.lowerBound == next, "\(index)/\(count) of \(total)")
        next = range.upperBound
        sizes.append(range.count)
      }
      #expect(next == total, "\(count) shards of \(total)")
      #expect((sizes.max() ?? 0) - (sizes.min() ?? 0) <= 1, "\(count) shards of \(total)")
    }
  }

  @Test func theDocumentedFormula() {
    // ⌊k·N/n⌋: 10 iterations in 3 shards are 0..<3, 3..<6, 6..<10.
    let ranges = (0..<3).map { Shard(index: $0, count: 3)!.range(of: 10) }
    #expect(ranges == [0..<3, 3..<6, 6..<10])
  }

  @Test(arguments: [
    ("0/1", true), ("3/32", true), ("31/32", true), ("32/32", false), ("0/0", false),
    ("1", false), ("/3", false), ("1/", false), ("a/3", false), ("1/3/4", false),
    ("-1/3", false), ("+1/3", false), ("0/1000001", false), (" 1/3", false),
  ])
  func parsing(text: String, valid: Bool) {
    #expect((Shard(text) != nil) == valid, "\(text)")
  }
}
