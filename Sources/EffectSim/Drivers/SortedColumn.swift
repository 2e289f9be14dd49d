/// One column of per-iteration values in increasing order, with the iteration each value
/// came from: what rank correlations, percentiles and the bins of conditional means are read
/// from.
///
/// Holds 8 + `Index` bytes per iteration (12 with `UInt32` iteration numbers), and no more at
/// any moment: the column is copied in from its source piece by piece and sorted in place
/// (`PairSort`). Once percentiles and bins are read, `releaseValues()` gives the values back
/// and keeps the order and where each run of equal values starts, which is all the ranks and
/// the conditional means need.
struct SortedColumn<Index: FixedWidthInteger & UnsignedInteger> {
  /// Iteration numbers in increasing order of value; ties in increasing iteration order, so
  /// the order is unique and never depends on how the run was split over threads.
  let order: [Index]
  /// The values in that order; empty after `releaseValues()`.
  private(set) var sorted: [Double]
  /// Bit *k* set: position *k* holds a larger value than position *k* − 1 (or is the first).
  private let groupStarts: [UInt64]
  /// Whether every value is the same (or there are none): such a column carries no ranks.
  let isConstant: Bool
  private var valuesHold: MemoryGauge.Hold?
  private let orderHold: MemoryGauge.Hold?

  /// Sorts `values` (one per iteration).
  /// - Parameter gauge: counts the column's buffers while they live; default none.
  /// - Complexity: O(*n* log *n*) time; 8 + `Index` bytes per value.
  init(_ values: UnsafeBufferPointer<Double>, gauge: MemoryGauge? = nil) {
    self.init(count: values.count, gauge: gauge) { fill in fill(0, values) }
  }

  /// Sorts column `column` of `set`, copied from `columns` piece by piece, so that a merge
  /// needs no buffer of the column's length besides this one.
  init(
    _ columns: some RunColumns, _ set: ColumnSet, _ column: Int, gauge: MemoryGauge? = nil
  ) {
    self.init(count: columns.iterations, gauge: gauge) { fill in
      columns.readColumn(set, column, fill)
    }
  }

  private init(
    count n: Int, gauge: MemoryGauge?,
    read: ((Int, UnsafeBufferPointer<Double>) -> Void) -> Void
  ) {
    precondition(n <= Int(Index.max), "more iterations than \(Index.self) can number")
    valuesHold = gauge.hold(n * MemoryLayout<Double>.stride)
    orderHold = gauge.hold(n * MemoryLayout<Index>.stride)
    var sorted = [Double](repeating: 0, count: n)
    var order = [Index](repeating: 0, count: n)
    sorted.withUnsafeMutableBufferPointer { sorted in
      order.withUnsafeMutableBufferPointer { order in
        read { offset, piece in
          for (k, value) in piece.enumerated() {
            sorted[offset + k] = value
            order[offset + k] = Index(truncatingIfNeeded: offset + k)
          }
        }
        PairSort.sort(sorted, order)
      }
    }
    var starts = [UInt64](repeating: 0, count: (n + 63) / 64)
    for position in 0..<n where position == 0 || sorted[position] != sorted[position - 1] {
      starts[position >> 6] |= 1 << UInt64(position & 63)
    }
    isConstant = n == 0 || sorted[0] == sorted[n - 1]
    self.sorted = sorted
    self.order = order
    groupStarts = starts
  }

  var count: Int { order.count }

  /// Gives the sorted values back; `percentile` and `sorted` are unavailable afterwards.
  mutating func releaseValues() {
    sorted = []
    valuesHold = nil
  }

  /// Whether position `position` holds a larger value than the one before it.
  func startsGroup(_ position: Int) -> Bool {
    groupStarts[position >> 6] & (1 << UInt64(position & 63)) != 0
  }

  /// The rank of each iteration's value, 1-based, tied values sharing the mean of their
  /// positions (the convention of Spearman's coefficient with ties).
  /// - Parameter gauge: counts the ranks while they live.
  /// - Complexity: O(*n*); `Index` bytes per iteration.
  func ranks(gauge: MemoryGauge? = nil) -> RankColumn<Index> {
    let n = count
    var doubled = [Index](repeating: 0, count: n)
    var start = 0
    while start < n {
      var end = start + 1
      while end < n, !startsGroup(end) { end += 1 }
      // Positions start..<end hold one value: ranks start + 1 ... end, mean (start + end + 1) / 2.
      let code = Index(truncatingIfNeeded: start + end + 1)
      for position in start..<end { doubled[Int(order[position])] = code }
      start = end
    }
    return RankColumn(doubled: doubled, hold: gauge.hold(n * MemoryLayout<Index>.stride))
  }

  /// The percentile at `level` percent, type 7 (as every other percentile of the output).
  /// - Precondition: the values are not released.
  func percentile(_ level: Double) -> Double {
    guard let (lower, fraction) = Percentiles.position(level: level, count: count) else {
      return .nan
    }
    let upper = min(lower + 1, count - 1)
    return Percentiles.interpolate(sorted[lower], sorted[upper], fraction: fraction)
  }
}
