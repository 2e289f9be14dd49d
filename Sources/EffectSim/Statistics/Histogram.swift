/// Counts of samples in equal bins whose edges are round numbers.
///
/// Bins are half-open, `[lowerEdge + i·width, lowerEdge + (i+1)·width)`, and the width is a
/// `NiceNumber` step, so a chart can label the edges as they are. Every finite sample falls in
/// exactly one bin; NaN samples are not counted.
public struct Histogram: Sendable, Equatable {
  /// The left edge of the first bin: a multiple of `width`.
  public var lowerEdge: Double
  /// The width of every bin.
  public var width: Double
  /// Samples per bin, first bin first.
  public var counts: [Int]

  public init(lowerEdge: Double, width: Double, counts: [Int]) {
    self.lowerEdge = lowerEdge
    self.width = width
    self.counts = counts
  }

  /// Bins `samples` into at most about `bins` bins of a round width.
  ///
  /// - Parameters:
  ///   - samples: the values; their order does not matter.
  ///   - bins: the most bins wanted for the samples' range (at least 1); default 40.
  /// - Complexity: O(*n*) for *n* samples.
  public init<Samples: Collection>(_ samples: Samples, bins: Int = 40)
  where Samples.Element == Double {
    var low = Double.infinity
    var high = -Double.infinity
    for sample in samples where sample.isFinite {
      low = min(low, sample)
      high = max(high, sample)
    }
    guard low <= high else {
      self.init(lowerEdge: 0, width: 1, counts: [])
      return
    }
    // A constant column (a deterministic run) still gets one bin of a sensible width.
    let span = high > low ? high - low : max(abs(low) * 0.01, 1)
    let width = NiceNumber.step(span: span, count: bins)
    let lowerEdge = (low / width).rounded(.down) * width
    let count = max(Int(((high - lowerEdge) / width).rounded(.down)) + 1, 1)
    var counts = [Int](repeating: 0, count: count)
    for sample in samples where sample.isFinite {
      counts[min(max(Int(((sample - lowerEdge) / width).rounded(.down)), 0), count - 1)] += 1
    }
    self.init(lowerEdge: lowerEdge, width: width, counts: counts)
  }

  /// The right edge of the last bin.
  public var upperEdge: Double { lowerEdge + Double(counts.count) * width }

  /// The number of samples counted.
  public var total: Int { counts.reduce(0, +) }
}
