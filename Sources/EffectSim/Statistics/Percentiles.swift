/// Exact sample percentiles, found by selection rather than by sorting every sample.
///
/// A Monte Carlo run summarises hundreds of metrics over many thousands of iterations each;
/// selection finds the few order statistics a percentile table needs in linear expected time,
/// where a full sort per metric would cost O(*n* log *n*).
public enum Percentiles {
  /// Percentiles of `values` by Hyndman & Fan (1996) definition 7, the default of R and NumPy.
  ///
  /// For a level *p* percent of *n* values, the position is *h* = (*n* − 1) · *p* / 100 and the
  /// result interpolates linearly between the order statistics ⌊*h*⌋ and ⌊*h*⌋ + 1 (0-based).
  /// The result equals sorting the values and interpolating, bit for bit: selection places the
  /// same order statistics, and the interpolation is NumPy's (`_lerp`), which is monotone in the
  /// fraction and returns an endpoint exactly when the fraction is 0 or both endpoints are equal.
  ///
  /// Edge cases, stated so that no input traps:
  /// - no values: every result is NaN;
  /// - any value NaN: every result is NaN, as in `numpy.percentile`. The engine never produces
  ///   NaN samples; this only fixes what a caller sees if it did;
  /// - a level below 0 or above 100 is clamped to that bound; a NaN level gives NaN.
  ///
  /// - Parameters:
  ///   - values: the samples; reordered in place (partially sorted), never copied.
  ///   - levels: percent levels, e.g. `[5, 50, 97.5]`, in any order, duplicates allowed.
  /// - Returns: one value per level, in the order of `levels`.
  /// - Complexity: O(*n* log *m*) expected for *n* values and *m* levels, by one introselect
  ///   (Musser 1997) shared by all levels with median-of-3 pivots and partitions that gather the
  ///   pivot's ties when it is the minimum, so ties cost nothing extra; O(*n* log *n*) in the worst case. No allocation beyond O(*m*).
  public static func type7(
    _ values: UnsafeMutableBufferPointer<Double>, levels: [Double]
  ) -> [Double] {
    let count = values.count
    var positiveZero = false
    var negativeZero = false
    for value in values {
      if value.isNaN { return levels.map { _ in .nan } }
      positiveZero = positiveZero || value.bitPattern == 0
      negativeZero = negativeZero || value.bitPattern == (-0.0 as Double).bitPattern
    }
    guard count > 0 else { return levels.map { _ in .nan } }
    let positions = levels.map { position(level: $0, count: count) }
    var ranks: [Int] = []
    ranks.reserveCapacity(2 * positions.count)
    for case (let lower, let fraction)? in positions {
      ranks.append(lower)
      if fraction > 0 { ranks.append(lower + 1) }
    }
    ranks.sort()
    _Introselect.select(
      values, ranks: uniqued(ranks), alwaysGatherTies: positiveZero && negativeZero)
    return positions.map { position in
      guard let (lower, fraction) = position else { return .nan }
      let low = values[lower]
      return fraction > 0 ? interpolate(low, values[lower + 1], fraction: fraction) : low
    }
  }

  /// The 0-based order statistic below level `level` and the fraction towards the next one.
  ///
  /// Computed as NumPy does, (*n* − 1) · (*p* / 100), so that positions agree to the last bit.
  /// - Returns: `nil` for a NaN level; otherwise `lower` in `0..<count` and `fraction` in
  ///   [0, 1), with `fraction` 0 whenever `lower` is the last index.
  /// - Complexity: O(1).
  static func position(level: Double, count: Int) -> (lower: Int, fraction: Double)? {
    guard !level.isNaN, count > 0 else { return nil }
    let clamped = min(max(level, 0), 100)
    let h = Double(count - 1) * (clamped / 100)
    let lower = min(Int(h.rounded(.down)), count - 1)
    return (lower, h - Double(lower))
  }

  /// Linear interpolation from `low` to `high` as NumPy's `_lerp` computes it.
  ///
  /// Interpolating from the nearer endpoint keeps the result monotone in `fraction` and within
  /// [`low`, `high`]; equal endpoints return that endpoint, so infinities do not become NaN.
  /// - Complexity: O(1).
  static func interpolate(_ low: Double, _ high: Double, fraction: Double) -> Double {
    if fraction == 0 || low == high { return low }
    let difference = high - low
    return fraction < 0.5 ? low + difference * fraction : high - difference * (1 - fraction)
  }

  /// `sorted` without adjacent duplicates.
  private static func uniqued(_ sorted: [Int]) -> [Int] {
    var result: [Int] = []
    result.reserveCapacity(sorted.count)
    for rank in sorted where result.last != rank { result.append(rank) }
    return result
  }
}
