import Synchronization
import Testing

@testable import EffectSim

/// The merge's column source: one whole column at a time, the run's rows in order, and a
/// damaged column reported as the lowest one whatever the thread count.
@Suite("Merged columns")
struct MergedColumnsTests {
  static let options = RunOptions(iterations: 90, seed: 3, threads: 1)

  static func merge(damaging columns: [Int] = []) throws -> (PartialMerge, [[Double]]) {
    let model = try Model.load(PartialFormatTests.scenarioBytes)
    let single: [[Double]] = try Simulation.monteCarlo(model, options: options) { stores, _, _ in
      (0..<stores.count(.metrics)).map { Array(stores.metrics.column($0)) }
    }
    var parts = try (0..<3).map { index in
      PartialBytes(
        name: "part-\(index)",
        bytes: try PartialFormatTests.part(options, Shard(index: index, count: 3)!))
    }
    // A changed byte in the middle part's copy of each column named.
    let (header, length) = try PartialHeader.decode(parts[1])
    var bytes = parts[1].bytes
    for column in columns {
      bytes[header.dataOffset(headerLength: length, set: 0, column: column) + 5] ^= 0x40
    }
    parts[1] = PartialBytes(name: "part-1", bytes: bytes)
    return (try PartialMerge(parts), single)
  }

  @Test(arguments: [1, 2, 5])
  func oneWholeColumnAtATimeInRunOrder(threads: Int) throws {
    let (merge, single) = try Self.merge()
    let columns = MergedColumns(parts: merge.parts, iterations: 90)
    let seen = columns.mapColumnGroups(
      .metrics, 0..<single.count, groupSize: 4, threads: threads
    ) { group in
      #expect(group.count == 1)
      return [Array(group[0])]
    }
    #expect(seen == single)
    #expect(columns.firstFailure == nil)
  }

  @Test(arguments: [1, 3])
  func theLowestDamagedColumnIsReported(threads: Int) throws {
    let (merge, _) = try Self.merge(damaging: [9, 4])
    let columns = MergedColumns(parts: merge.parts, iterations: 90)
    let sums = columns.mapColumns(.metrics, 0..<20, threads: threads) { column in
      column[30..<60].reduce(0, +)
    }
    #expect(sums[4] == 0 && sums[9] == 0, "a damaged slice is handed over as zeros")
    let failure = try #require(columns.firstFailure)
    #expect(failure.file == "part-1")
    #expect(failure.message.contains("column 4 of metrics (iterations 30..<60)"))
  }

  /// Pieces for a sort to copy: every iteration once, in order, whatever the piece size; a
  /// damaged part is reported as a whole column's would be.
  @Test(arguments: [1, 7, 30, 1000])
  func piecesCoverTheColumnInOrder(pieceSize: Int) throws {
    let (merge, single) = try Self.merge(damaging: [6])
    let columns = MergedColumns(parts: merge.parts, iterations: 90, pieceSize: pieceSize)
    var seen: [Double] = []
    columns.readColumn(.metrics, 5) { first, piece in
      #expect(first == seen.count && piece.count <= pieceSize)
      seen += piece
    }
    #expect(seen == single[5])
    #expect(columns.firstFailure == nil)
    columns.readColumn(.metrics, 6) { _, _ in }
    let failure = try #require(columns.firstFailure)
    #expect(failure.message.contains("column 6 of metrics (iterations 30..<60)"))
  }
}
