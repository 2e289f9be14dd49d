import Dispatch
import Synchronization

/// A run's columns read from its partial result files, one column at a time.
///
/// Column *c* of the run is the concatenation of column *c* of every part, in iteration
/// order. A column is loaded into a buffer of the run's length only when the summary asks for
/// it, straight from the files (`pread`, no intermediate copy), checked against the part's
/// checksum, and the buffer is reused for the next column: memory is 8 bytes × iterations per
/// thread, whatever the number of columns.
///
/// Loading can fail halfway through a summary (a damaged column, a read error). The summary
/// cannot stop, so the column is handed over as zeros and the first failure — the lowest
/// (set, column), whatever the thread count — is kept for `firstFailure`; the caller must
/// check it and discard the summary.
final class MergedColumns: RunColumns, Sendable {
  /// In iteration order; their ranges tile `0..<iterations`.
  let parts: [PartialMerge.Part]
  let iterations: Int
  private let failure = Mutex<(key: Int, error: PartialFileError)?>(nil)

  /// Iterations per piece of `readColumn`.
  let pieceSize: Int

  /// - Parameter pieceSize: iterations per piece of `readColumn`; default 65,536 (512 KiB).
  init(parts: [PartialMerge.Part], iterations: Int, pieceSize: Int = 1 << 16) {
    precondition(pieceSize > 0)
    self.parts = parts
    self.iterations = iterations
    self.pieceSize = pieceSize
  }

  /// The first failure while loading columns, if any.
  var firstFailure: PartialFileError? { failure.withLock { $0?.error } }

  func count(_ set: ColumnSet) -> Int {
    guard let index = ColumnSet.allCases.firstIndex(of: set) else { return 0 }
    return parts[0].header.columnSets[index].columns
  }

  func mapColumns<T: Sendable>(
    _ set: ColumnSet, _ columns: Range<Int>, threads: Int,
    _ transform: @Sendable (UnsafeMutableBufferPointer<Double>) -> T
  ) -> [T] {
    mapColumnGroups(set, columns, groupSize: 1, threads: threads) { [transform($0[0])] }
  }

  /// Hands each column over alone, whatever `groupSize`: every column in a group would need a
  /// buffer of its own.
  func mapColumnGroups<T: Sendable>(
    _ set: ColumnSet, _ columns: Range<Int>, groupSize: Int, threads: Int,
    _ transform: @Sendable ([UnsafeMutableBufferPointer<Double>]) -> [T]
  ) -> [T] {
    precondition(columns.lowerBound >= 0 && columns.upperBound <= count(set))
    guard !columns.isEmpty else { return [] }
    let threads = max(1, min(threads, columns.count))
    let next = ClaimCounter()
    let results = Mutex([T?](repeating: nil, count: columns.count))
    DispatchQueue.concurrentPerform(iterations: threads) { _ in
      let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(1, iterations))
      defer { buffer.deallocate() }
      let column = UnsafeMutableBufferPointer(rebasing: buffer[0..<iterations])
      var done: [(Int, T)] = []
      while true {
        let k = next.value.add(1, ordering: .relaxed).oldValue
        guard k < columns.count else { break }
        load(set, columns.lowerBound + k, into: column)
        let values = transform([column])
        precondition(values.count == 1, "one result per column")
        done.append((k, values[0]))
      }
      results.withLock { results in
        for (k, value) in done { results[k] = value }
      }
    }
    let all = results.withLock { $0.compactMap { $0 } }
    precondition(all.count == columns.count, "a column was not summarised")
    return all
  }

  /// Loads the columns into buffers of their own for the call.
  func withColumns<T>(
    _ set: ColumnSet, _ columns: [Int], _ body: ([UnsafeBufferPointer<Double>]) -> T
  ) -> T {
    let buffers = columns.map { column in
      let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(1, iterations))
      let slice = UnsafeMutableBufferPointer(rebasing: buffer[0..<iterations])
      load(set, column, into: slice)
      return slice
    }
    defer { for buffer in buffers { buffer.baseAddress?.deallocate() } }
    return body(buffers.map { UnsafeBufferPointer($0) })
  }

  /// Hands the column over part by part, in pieces of up to `pieceSize` iterations through
  /// one small buffer: a column copied elsewhere (a sort) needs no second buffer of its length.
  /// A part that cannot be read or fails its checksum is recorded as `load` records it; what
  /// was handed over of it is then of no use, as the whole summary is not.
  func readColumn(
    _ set: ColumnSet, _ column: Int, _ body: (Int, UnsafeBufferPointer<Double>) -> Void
  ) {
    guard let setIndex = ColumnSet.allCases.firstIndex(of: set) else { return }
    let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: pieceSize)
    defer { buffer.deallocate() }
    for part in parts where !part.header.range.isEmpty {
      let first = part.header.range.lowerBound
      do throws(PartialFileError) {
        try part.stream(set: setIndex, column: column, buffer: buffer) { offset, piece in
          body(first + offset, piece)
        }
      } catch {
        record(error, set: setIndex, column: column)
      }
    }
  }

  /// Column `column` of `set` from every part into `buffer`; zeros and a recorded failure
  /// when a part's slice cannot be read or fails its checksum.
  private func load(
    _ set: ColumnSet, _ column: Int, into buffer: UnsafeMutableBufferPointer<Double>
  ) {
    guard let setIndex = ColumnSet.allCases.firstIndex(of: set) else { return }
    for part in parts where !part.header.range.isEmpty {
      let range = part.header.range
      let slice = UnsafeMutableBufferPointer(rebasing: buffer[range])
      do throws(PartialFileError) {
        try part.read(set: setIndex, column: column, into: slice)
      } catch {
        slice.update(repeating: 0)
        record(error, set: setIndex, column: column)
      }
    }
  }

  /// Keeps the failure of the lowest (set, column), whatever the order of the failures.
  private func record(_ error: PartialFileError, set: Int, column: Int) {
    let key = set << 40 | column
    failure.withLock { known in
      if let known, known.key <= key { return }
      known = (key, error)
    }
  }
}

/// Hands out column numbers to the merge's threads.
private final class ClaimCounter: Sendable {
  let value = Atomic<Int>(0)
}
