/// Why evaluating a compiled expression failed.
///
/// These are run errors: they depend on sampled parameter values. The error names only the
/// expression; the engine adds the parameter values and the iteration, which it alone knows.
public struct EvaluationError: Error, Sendable, Equatable, CustomStringConvertible {
  public enum Kind: Sendable, Equatable {
    /// A divisor of exactly zero (also `reach(share, 0)`, whose exponent is 1/0).
    case divisionByZero
    /// `ln(x)` with `x` ≤ 0; carries `x`.
    case logOfNonPositive(Double)
    /// Any other infinite or NaN value: an overflow, `sqrt` of a negative number, a negative
    /// base to a fractional power, or a non-finite parameter value.
    case nonFinite
  }

  public let kind: Kind
  /// The expression text that failed.
  public let source: String

  public init(kind: Kind, source: String) {
    self.kind = kind
    self.source = source
  }

  /// A one-line message, e.g. `division by zero in "a / b"`.
  public var description: String {
    let quoted = "\"\(source)\""
    switch kind {
    case .divisionByZero:
      return "division by zero in \(quoted)"
    case .logOfNonPositive(let value):
      return "ln of the non-positive number \(value) in \(quoted)"
    case .nonFinite:
      return "a result that is not a finite number in \(quoted)"
    }
  }
}
