/// Summaries of several columns at once, with their Welford passes interleaved.
extension Statistic {
  /// Summarises each of `columns` exactly as `summarize(_:levels:)` would, one by one.
  ///
  /// Welford's update divides by the count and feeds the quotient into the next value's
  /// update, so one column's pass waits on a division per value. Four columns advanced side by
  /// side run four independent chains, whose divisions overlap; each accumulator still sees
  /// its own column's values in order, so every result is bit for bit the single-column one.
  /// - Parameters:
  ///   - columns: the per-iteration values of each metric, all of the same length; each is
  ///     reordered in place afterwards (see `summarize(_:levels:)`).
  ///   - levels: the percentile levels to report, in percent.
  /// - Returns: one statistic per column, in order.
  /// - Complexity: that of `summarize(_:levels:)` per column.
  static func summarize(
    interleaving columns: [UnsafeMutableBufferPointer<Double>], levels: [Double]
  ) -> [Statistic] {
    var moments = [RunningMoments](repeating: RunningMoments(), count: columns.count)
    var first = 0
    while first + 4 <= columns.count {
      let (a, b) = (columns[first], columns[first + 1])
      let (c, d) = (columns[first + 2], columns[first + 3])
      let n = a.count
      precondition(b.count == n && c.count == n && d.count == n, "columns of unequal length")
      var (ma, mb) = (RunningMoments(), RunningMoments())
      var (mc, md) = (RunningMoments(), RunningMoments())
      for i in 0..<n {
        ma.add(a[i])
        mb.add(b[i])
        mc.add(c[i])
        md.add(d[i])
      }
      moments[first] = ma
      moments[first + 1] = mb
      moments[first + 2] = mc
      moments[first + 3] = md
      first += 4
    }
    for index in first..<columns.count {
      var single = RunningMoments()
      for sample in columns[index] { single.add(sample) }
      moments[index] = single
    }
    return zip(columns, moments).map { column, moments in
      summarize(column, levels: levels, moments: moments)
    }
  }
}
