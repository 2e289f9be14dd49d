/// Places several order statistics of a buffer at once: after `select`, each requested index
/// holds the value a full sort would put there.
///
/// Introselect (Musser 1997): quickselect with deterministic median-of-3 pivots (ninthers on
/// large ranges), branchless partitions that turn three-way (a second pass) whenever the pivot
/// is the range's minimum, so that runs of equal values — common in Monte Carlo columns of
/// counts and zeros — are settled in one partition without paying the second pass on every
/// partition, and a depth
/// budget of 2·log₂ *n* partitions after which the remaining range is sorted, bounding the
/// worst case at O(*n* log *n*).
/// One pass serves all requested indices: a partition splits the set of indices, and only the
/// sides that still contain some are refined, so *m* indices cost O(*n* log *m*) expected.
///
/// The partition always makes progress, whatever the comparisons answer, so inconsistent
/// orders (NaN) cannot hang or index out of bounds; they only leave the order unspecified.
enum _Introselect {
  /// Below this many elements an insertion sort is cheaper than another partition.
  private static let insertionThreshold = 16
  /// Above this many elements the pivot is a ninther rather than a median of 3.
  private static let nintherThreshold = 64

  /// Moves the values at `ranks` (ascending, distinct, each in `values.indices`) into sorted
  /// position; everything before a placed index is ≤ it and everything after is ≥ it.
  /// - Parameters:
  ///   - values: the buffer to reorder.
  ///   - ranks: the indices to settle.
  ///   - depthBudget: partitions allowed before falling back to sorting; `nil` (the default)
  ///     means 2·⌊log₂ *n*⌋. Tests pass 0 to exercise the fallback.
  ///   - alwaysGatherTies: whether every partition is three-way; by default (`false`) the pass
  ///     that gathers the values equal to the pivot runs only when the pivot is the range's
  ///     minimum. Either way the same values land at `ranks`; they can differ only in the sign
  ///     of a zero when the buffer holds both 0 and −0, which `Percentiles.type7` passes `true`
  ///     for, so that its results stay those of the always-three-way partition.
  /// - Complexity: O(*n* log *m*) expected, O(*n* log *n*) worst case; no allocation.
  static func select(
    _ values: UnsafeMutableBufferPointer<Double>, ranks: [Int], depthBudget: Int? = nil,
    alwaysGatherTies: Bool = false
  ) {
    guard values.count > 1, !ranks.isEmpty else { return }
    var budget = 0
    var size = values.count
    while size > 1 {
      budget += 2
      size >>= 1
    }
    budget = depthBudget ?? budget
    refine(
      values, lower: 0, upper: values.count, ranks: ranks[...], budget: budget,
      alwaysGatherTies: alwaysGatherTies)
  }

  private static func refine(
    _ values: UnsafeMutableBufferPointer<Double>, lower: Int, upper: Int,
    ranks: ArraySlice<Int>, budget: Int, alwaysGatherTies: Bool
  ) {
    var lower = lower
    var upper = upper
    var ranks = ranks
    var budget = budget
    while !ranks.isEmpty {
      let count = upper - lower
      if count <= insertionThreshold {
        insertionSort(values, lower: lower, upper: upper)
        return
      }
      if budget == 0 {
        var rest = UnsafeMutableBufferPointer(rebasing: values[lower..<upper])
        rest.sort()
        return
      }
      budget -= 1
      let pivot = choosePivot(values, lower: lower, count: count)
      let (less, greater) = partition(
        values, lower: lower, upper: upper, pivot: pivot, alwaysGatherTies: alwaysGatherTies)
      let leftEnd = ranks.firstIndex { $0 >= less } ?? ranks.endIndex
      let rightStart = ranks[leftEnd...].firstIndex { $0 >= greater } ?? ranks.endIndex
      let left = ranks[..<leftEnd]
      let right = ranks[rightStart...]
      // Recurse into the smaller side and loop on the larger one, keeping the stack shallow.
      if less - lower < upper - greater {
        refine(
          values, lower: lower, upper: less, ranks: left, budget: budget,
          alwaysGatherTies: alwaysGatherTies)
        lower = greater
        ranks = right
      } else {
        refine(
          values, lower: greater, upper: upper, ranks: right, budget: budget,
          alwaysGatherTies: alwaysGatherTies)
        upper = less
        ranks = left
      }
    }
  }

  /// Three-way partition of `lower..<upper` around `pivot`, in two branchless passes.
  ///
  /// The first pass moves the values below the pivot to the front, the second moves the
  /// values equal to it (not above it) to the front of the rest. Each pass is a branchless
  /// Lomuto partition (Edelkamp & Weiß 2016, "BlockQuicksort: How branch mispredictions don't
  /// affect quicksort"): every element is swapped with the boundary unconditionally and the
  /// boundary advances by the comparison's result, so the comparisons of a Monte Carlo column,
  /// unpredictable by nature, cost no mispredicted branches. Dijkstra's single pass branches
  /// twice per element and mispredicted about half of them.
  /// - Returns: `less` and `greater` such that `lower..<less` holds values below the pivot,
  ///   `less..<greater` values equal to it (never empty when the pivot is an element), and
  ///   `greater..<upper` values above it.
  private static func partition(
    _ values: UnsafeMutableBufferPointer<Double>, lower: Int, upper: Int, pivot: Double,
    alwaysGatherTies: Bool
  ) -> (less: Int, greater: Int) {
    let less = partition(values, lower: lower, upper: upper) { $0 < pivot }
    // When some values lie below the pivot, both sides are already smaller than the range, so
    // the pass that gathers the values equal to the pivot is left to the rare case that needs
    // it: the pivot is the minimum, and only gathering its ties makes progress.
    guard less == lower || alwaysGatherTies else { return (less, less) }
    let greater = partition(values, lower: less, upper: upper) { !($0 > pivot) }
    return (less, greater)
  }

  /// Moves the values of `lower..<upper` for which `isFront` holds before the others.
  /// - Returns: the first index after them.
  @inline(__always)
  private static func partition(
    _ values: UnsafeMutableBufferPointer<Double>, lower: Int, upper: Int,
    isFront: (Double) -> Bool
  ) -> Int {
    var boundary = lower
    for index in lower..<upper {
      let value = values[index]
      values[index] = values[boundary]
      values[boundary] = value
      boundary += isFront(value) ? 1 : 0
    }
    return boundary
  }

  /// Median of 3 (first, middle, last); above `nintherThreshold` elements Tukey's ninther,
  /// the median of three medians of 3 spread over the range (Bentley & McIlroy 1993).
  ///
  /// The ninther matters because a three-way partition leaves the side above the pivot of
  /// sorted input nearly reversed with its minimum last, where a plain median of 3 picks an
  /// extreme and each pass would remove only a few elements.
  private static func choosePivot(
    _ values: UnsafeMutableBufferPointer<Double>, lower: Int, count: Int
  ) -> Double {
    let middle = lower + count / 2
    let last = lower + count - 1
    guard count > nintherThreshold else {
      return medianOfThree(values[lower], values[middle], values[last])
    }
    let step = count / 8
    return medianOfThree(
      medianOfThree(values[lower], values[lower + step], values[lower + 2 * step]),
      medianOfThree(values[middle - step], values[middle], values[middle + step]),
      medianOfThree(values[last - 2 * step], values[last - step], values[last]))
  }

  private static func medianOfThree(_ a: Double, _ b: Double, _ c: Double) -> Double {
    if a < b {
      if b < c { return b }
      return a < c ? c : a
    }
    if a < c { return a }
    return b < c ? c : b
  }

  private static func insertionSort(
    _ values: UnsafeMutableBufferPointer<Double>, lower: Int, upper: Int
  ) {
    guard upper - lower > 1 else { return }
    for start in (lower + 1)..<upper {
      let value = values[start]
      var index = start
      while index > lower, value < values[index - 1] {
        values[index] = values[index - 1]
        index -= 1
      }
      values[index] = value
    }
  }
}
