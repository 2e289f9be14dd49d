/// One column of per-iteration values in increasing order, with each iteration's average
/// rank: what rank correlations, percentiles and the bins of conditional means are read from.
struct SortedColumn {
  /// Iteration indices in increasing order of value; ties in increasing iteration order, so
  /// the order is unique and never depends on how the run was split over threads.
  let order: [Int]
  /// The values in that order.
  let sorted: [Double]

  /// Sorts `values` (finite numbers; one per iteration).
  /// - Complexity: O(*n* log *n*) time, O(*n*) memory.
  init(_ values: UnsafeBufferPointer<Double>) {
    var pairs = [(Double, Int)]()
    pairs.reserveCapacity(values.count)
    for (index, value) in values.enumerated() { pairs.append((value, index)) }
    pairs.sort(by: <)
    order = pairs.map(\.1)
    sorted = pairs.map(\.0)
  }

  var count: Int { sorted.count }

  /// Whether every value is the same (or there are none): such a column carries no ranks.
  var isConstant: Bool { sorted.first == sorted.last }

  /// The rank of each iteration's value, 1-based, tied values sharing the mean of their
  /// positions (the convention of Spearman's coefficient with ties).
  /// - Complexity: O(*n*).
  func ranks() -> [Double] {
    var ranks = [Double](repeating: 0, count: count)
    var start = 0
    while start < count {
      var end = start + 1
      while end < count, sorted[end] == sorted[start] { end += 1 }
      // Positions start..<end hold one value: ranks start + 1 ... end, mean (start + end + 1) / 2.
      let rank = Double(start + end + 1) / 2
      for position in start..<end { ranks[order[position]] = rank }
      start = end
    }
    return ranks
  }

  /// The percentile at `level` percent, type 7 (as every other percentile of the output).
  func percentile(_ level: Double) -> Double {
    guard let (lower, fraction) = Percentiles.position(level: level, count: count) else {
      return .nan
    }
    let upper = min(lower + 1, count - 1)
    return Percentiles.interpolate(sorted[lower], sorted[upper], fraction: fraction)
  }
}
