/// The centred cross products of rank columns that the rank correlations need, computed with
/// a bounded number of rank columns held at once.
///
/// Columns 0..<*p* are the uncertain parameters, *p*..<*m* the targets; a pair is needed when
/// it holds a parameter (the correlation of two targets is never reported). The columns are
/// taken in groups of `groupSize`: a group's ranks are held while every later column is ranked
/// again, one at a time, and multiplied with each of them. With one group (`groupSize` ≥ *m*)
/// every column is ranked once; with groups of one, every needed pair is a pass of its own and
/// memory is two rank columns and one sort. Each product is summed over the iterations in
/// order by `RankColumn.crossProduct`, so the grouping never changes a bit of the result.
struct RankCrossProducts {
  /// Columns: parameters, then targets.
  let count: Int
  /// Row-major *m* × *m*; NaN for a pair of targets.
  private var products: [Double]

  /// - Parameters:
  ///   - count: *m*, the columns.
  ///   - parameters: *p*, the leading columns that are parameters.
  ///   - groupSize: rank columns held besides the one being ranked again; at least 1.
  ///   - ranked: the ranks of columns 0, 1, … already made (at most `groupSize`); taken over
  ///     and left empty, so that they are freed with the first group.
  ///   - rank: ranks column *k* (sorting it again).
  /// - Complexity: *m* + Σ over the groups of the later columns sorts of *n* values, and one
  ///   O(*n*) pass per needed pair.
  init<Index: FixedWidthInteger & UnsignedInteger>(
    count: Int, parameters: Int, groupSize: Int, ranked: inout [RankColumn<Index>],
    rank: (Int) -> RankColumn<Index>
  ) {
    precondition(groupSize >= 1 && ranked.count <= max(groupSize, 1))
    self.count = count
    products = [Double](repeating: .nan, count: count * count)
    var group: [RankColumn<Index>] = []
    swap(&group, &ranked)
    var start = 0
    // A group of targets alone has no pair left: its pairs with parameters are done.
    while start < min(count, parameters) {
      let end = min(start + groupSize, count)
      if start > 0 { group.removeAll() }
      while group.count < end - start { group.append(rank(start + group.count)) }
      for a in start..<end {
        set(a, a, group[a - start].crossProduct(group[a - start]))
        for b in a + 1..<end where a < parameters {
          set(a, b, group[a - start].crossProduct(group[b - start]))
        }
      }
      for b in end..<count {
        let column = rank(b)
        if products[b * count + b].isNaN { set(b, b, column.crossProduct(column)) }
        for a in start..<min(end, parameters) {
          set(a, b, group[a - start].crossProduct(column))
        }
      }
      start = end
    }
  }

  subscript(a: Int, b: Int) -> Double { products[a * count + b] }

  private mutating func set(_ a: Int, _ b: Int, _ value: Double) {
    products[a * count + b] = value
    products[b * count + a] = value
  }
}
