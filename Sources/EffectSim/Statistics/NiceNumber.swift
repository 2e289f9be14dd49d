import Foundation

/// Round steps for axes and histogram bins: 1, 2, 2.5 or 5 times a power of ten.
///
/// The "nice numbers" of Heckbert, *Nice numbers for graph labels* (Graphics Gems, 1990),
/// with 2.5 added because amounts in kroner read well in quarters of a million.
public enum NiceNumber {
  /// The mantissas a step may have, in increasing order.
  static let mantissas: [Double] = [1, 2, 2.5, 5, 10]

  /// The smallest nice step that divides `span` into at most `count` parts.
  ///
  /// - Parameters:
  ///   - span: the width to divide; a non-positive or non-finite span gives 1.
  ///   - count: the most parts wanted, at least 1.
  /// - Returns: e.g. `step(span: 3_400_000, count: 6)` → `1_000_000`;
  ///   `step(span: 0.93, count: 5)` → `0.2`.
  public static func step(span: Double, count: Int) -> Double {
    guard span.isFinite, span > 0 else { return 1 }
    let raw = span / Double(max(count, 1))
    let power = pow(10, (log10(raw)).rounded(.down))
    for mantissa in mantissas where mantissa * power >= raw * (1 - 1e-12) {
      return mantissa * power
    }
    return 10 * power
  }
}
