/// A column's average ranks, stored as whole numbers: twice the rank, which for tied values
/// (the mean of their positions) is still whole. `Index` bytes per iteration — half of a
/// `Double` with `UInt32` — and every rank read back exactly as the `Double` it stands for.
struct RankColumn<Index: FixedWidthInteger & UnsignedInteger> {
  /// Twice each iteration's average rank, in iteration order.
  let doubled: [Index]
  /// The mean rank, summed in iteration order.
  let mean: Double
  private let hold: MemoryGauge.Hold?

  init(doubled: [Index], hold: MemoryGauge.Hold?) {
    self.doubled = doubled
    self.hold = hold
    var sum = 0.0
    for code in doubled { sum += Double(code) / 2 }
    mean = sum / Double(max(doubled.count, 1))
  }

  /// Σᵢ (*r*ᵢ − *r̄*)(*s*ᵢ − *s̄*) over the iterations in order: the centred cross product
  /// whose normalised value is the rank correlation. Each term and the running sum are the
  /// same floating-point operations, in the same order, whatever else is held at the time.
  /// - Complexity: O(*n*).
  func crossProduct(_ other: RankColumn) -> Double {
    precondition(doubled.count == other.doubled.count)
    var sum = 0.0
    doubled.withUnsafeBufferPointer { a in
      other.doubled.withUnsafeBufferPointer { b in
        for i in a.indices {
          sum += (Double(a[i]) / 2 - mean) * (Double(b[i]) / 2 - other.mean)
        }
      }
    }
    return sum
  }
}
