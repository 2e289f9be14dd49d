/// Count, mean and variance accumulated in one pass, and mergeable across threads.
///
/// Welford's update (Welford 1962) keeps the sum of squared deviations from the running mean
/// instead of a raw sum of squares, so large means do not cancel the variance away; Chan,
/// Golub & LeVeque (1979) combine two accumulators exactly, so per-thread partial moments can
/// be merged in any grouping. Used for Monte Carlo standard errors.
public struct RunningMoments: Sendable {
  /// How many values were added.
  public private(set) var count: Int = 0
  /// The mean of the values added; 0 while `count` is 0.
  public private(set) var mean: Double = 0
  /// The sum of squared deviations from `mean` (Welford's *M*₂).
  private var squaredDeviations: Double = 0

  /// An empty accumulator.
  public init() {}

  /// The sample variance with the *n* − 1 divisor; 0 while fewer than two values were added.
  /// - Complexity: O(1).
  public var variance: Double {
    count > 1 ? squaredDeviations / Double(count - 1) : 0
  }

  /// Adds one value.
  /// - Complexity: O(1).
  public mutating func add(_ x: Double) {
    count += 1
    let delta = x - mean
    mean += delta / Double(count)
    squaredDeviations += delta * (x - mean)
  }

  /// Adds everything `other` has seen, as if its values had been added one by one.
  /// - Complexity: O(1).
  public mutating func merge(_ other: RunningMoments) {
    guard other.count > 0 else { return }
    guard count > 0 else {
      self = other
      return
    }
    let total = Double(count + other.count)
    let delta = other.mean - mean
    let weight = Double(other.count) / total
    mean += delta * weight
    squaredDeviations += other.squaredDeviations + delta * delta * Double(count) * weight
    count += other.count
  }
}
