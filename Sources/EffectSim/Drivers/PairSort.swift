/// Sorts values together with their iteration numbers, in place and without scratch memory:
/// the order that rank correlations, percentiles and conditional means are read from.
///
/// The pairs (value, iteration) are put in increasing lexicographic order — equal values in
/// increasing iteration — which is a total order on distinct iterations, so the result is
/// unique and does not depend on the algorithm. Introsort (Musser 1997, "Introspective sorting
/// and selection algorithms", Softw Pract Exper 27:983–993): quicksort with a median-of-three
/// pivot, heapsort once the recursion is deeper than 2 log₂ *n*, insertion sort for short
/// ranges. The two arrays move together, so nothing of the size of the input is allocated;
/// the standard library's sort would need a buffer of half the input beside it.
///
/// Values compare as `Double`s: −0 and +0 are equal. A NaN (from a damaged part, whose
/// summary is discarded) makes the order unspecified but never traps.
enum PairSort {
  /// Sorts `values[k]` with `iterations[k]` attached.
  /// - Precondition: both have the same count.
  /// - Complexity: O(*n* log *n*) comparisons in the worst case; O(log *n*) stack.
  static func sort<Index: FixedWidthInteger>(
    _ values: UnsafeMutableBufferPointer<Double>, _ iterations: UnsafeMutableBufferPointer<Index>
  ) {
    precondition(values.count == iterations.count)
    guard values.count > 1 else { return }
    var pairs = Pairs(values: values, iterations: iterations)
    let depth = 2 * (Int.bitWidth - values.count.leadingZeroBitCount)
    pairs.introsort(0, values.count, depth: depth)
  }
}

/// The two arrays as one sequence of pairs.
private struct Pairs<Index: FixedWidthInteger> {
  let values: UnsafeMutableBufferPointer<Double>
  let iterations: UnsafeMutableBufferPointer<Index>

  /// Whether the pair at `a` comes before the pair at `b`.
  @inline(__always)
  func less(_ a: Int, _ b: Int) -> Bool {
    let (x, y) = (values[a], values[b])
    return x < y || (x == y && iterations[a] < iterations[b])
  }

  @inline(__always)
  func less(_ a: Int, than value: Double, _ iteration: Index) -> Bool {
    let x = values[a]
    return x < value || (x == value && iterations[a] < iteration)
  }

  @inline(__always)
  func greater(_ a: Int, than value: Double, _ iteration: Index) -> Bool {
    let x = values[a]
    return x > value || (x == value && iterations[a] > iteration)
  }

  @inline(__always)
  func swapAt(_ a: Int, _ b: Int) {
    values.swapAt(a, b)
    iterations.swapAt(a, b)
  }

  /// Sorts positions `lower..<upper`.
  mutating func introsort(_ lower: Int, _ upper: Int, depth: Int) {
    var (lower, upper, depth) = (lower, upper, depth)
    while upper - lower > 16 {
      if depth == 0 {
        heapsort(lower, upper)
        return
      }
      depth -= 1
      let split = partition(lower, upper)
      // The shorter side by recursion, the longer by the loop: O(log n) stack.
      if split - lower < upper - split - 1 {
        introsort(lower, split, depth: depth)
        lower = split + 1
      } else {
        introsort(split + 1, upper, depth: depth)
        upper = split
      }
    }
    insertionSort(lower, upper)
  }

  /// Hoare's partition around the median of the first, middle and last pair; returns the
  /// pivot's final position: everything before it is smaller, everything after it larger.
  func partition(_ lower: Int, _ upper: Int) -> Int {
    let middle = lower + (upper - lower) / 2
    let last = upper - 1
    if less(middle, lower) { swapAt(middle, lower) }
    if less(last, middle) {
      swapAt(last, middle)
      if less(middle, lower) { swapAt(middle, lower) }
    }
    swapAt(lower, middle)
    let (value, iteration) = (values[lower], iterations[lower])
    var i = lower + 1
    var j = last
    while true {
      while i <= j, less(i, than: value, iteration) { i += 1 }
      while i <= j, greater(j, than: value, iteration) { j -= 1 }
      if i >= j { break }
      swapAt(i, j)
      i += 1
      j -= 1
    }
    swapAt(lower, j)
    return j
  }

  func insertionSort(_ lower: Int, _ upper: Int) {
    guard upper - lower > 1 else { return }
    for k in lower + 1..<upper {
      let (value, iteration) = (values[k], iterations[k])
      var j = k
      while j > lower, greater(j - 1, than: value, iteration) {
        values[j] = values[j - 1]
        iterations[j] = iterations[j - 1]
        j -= 1
      }
      values[j] = value
      iterations[j] = iteration
    }
  }

  func heapsort(_ lower: Int, _ upper: Int) {
    let count = upper - lower
    func siftDown(_ start: Int, _ end: Int) {
      var root = start
      while true {
        var child = 2 * root + 1
        guard child < end else { return }
        if child + 1 < end, less(lower + child, lower + child + 1) { child += 1 }
        guard less(lower + root, lower + child) else { return }
        swapAt(lower + root, lower + child)
        root = child
      }
    }
    var start = count / 2
    while start > 0 {
      start -= 1
      siftDown(start, count)
    }
    var end = count
    while end > 1 {
      end -= 1
      swapAt(lower, lower + end)
      siftDown(0, end)
    }
  }
}
