/// The iterations sorted by one parameter θ and cut into about √*n* bins of equal count, with
/// tied values of θ never split: the regression of the target on θ that the first-order
/// index and the EVPPI read (Strong & Oakley 2013, "An efficient method for computing
/// single-parameter partial expected value of perfect information", Med Decis Making
/// 33:755–766: sort the sample by the parameter, partition it, and take each part's mean as
/// E[Y | θ] there).
///
/// Why bins rather than a smoother: the estimate is a plain mean per bin, costs one pass per
/// target once θ is sorted, needs no tuning beyond the bin count, and is exact for a
/// discrete θ (each value is its own bin when it holds at least a bin's worth of iterations).
/// With *B* ≈ √*n* bins both of its biases vanish as *n* grows: the loss from averaging
/// E[Y | θ] over a bin shrinks like 1/*B*², and the noise of a bin mean like *B*/*n*; the
/// first is negligible at *n* = 10,000 and the second is removed from the variance share by
/// the correction in `firstOrderIndex` (docs/drivers.md gives the bias measured).
struct ParameterBins {
  /// Exclusive end of each bin, as a position in `SortedColumn.order`; the last is *n*.
  let ends: [Int]

  /// The number of bins aimed at for `n` iterations: ⌊√*n*⌋, at least 1.
  static func targetCount(iterations n: Int) -> Int {
    max(1, Int(Double(max(n, 0)).squareRoot()))
  }

  /// Cuts `column` at the positions round(*k*·*n*/*B*), each moved forward past any run of
  /// values equal to the one before it, so that one value of θ lies in one bin.
  init<Index>(_ column: SortedColumn<Index>, bins: Int) {
    let n = column.count
    let bins = max(1, min(bins, n))
    func target(_ k: Int) -> Int { (k * n + bins / 2) / bins }
    var ends: [Int] = []
    var k = 1
    var position = 0
    while k < bins {
      position = max(position, target(k))
      while position < n, column.sorted[position] == column.sorted[position - 1] {
        position += 1
      }
      if position >= n { break }
      ends.append(position)
      // A run of ties may have carried the cut past later targets: skip those.
      k += 1
      while k < bins, target(k) <= position { k += 1 }
    }
    if n > 0 { ends.append(n) }
    self.ends = ends
  }

  var count: Int { ends.count }

  /// The mean of `target` in each bin, with the bin's size.
  /// - Parameter target: one value per iteration, indexed as `column.order` indexes.
  /// - Complexity: O(*n*).
  func means<Index: FixedWidthInteger & UnsignedInteger>(
    of target: UnsafeBufferPointer<Double>, order: [Index]
  ) -> (means: [Double], counts: [Int]) {
    var means: [Double] = []
    var counts: [Int] = []
    means.reserveCapacity(ends.count)
    counts.reserveCapacity(ends.count)
    var start = 0
    for end in ends {
      var sum = 0.0
      for position in start..<end { sum += target[Int(order[position])] }
      means.append(sum / Double(end - start))
      counts.append(end - start)
      start = end
    }
    return (means, counts)
  }
}
