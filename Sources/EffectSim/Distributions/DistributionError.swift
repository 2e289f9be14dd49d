/// An invalid distribution field: which field, and what is wrong with it.
///
/// `field` is the plain key as written in a scenario (`"sd"`, `"successes"`, `"weights"`), so
/// the decoder can append it to the parameter's path.
public struct DistributionError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The offending field's key.
  public let field: String
  /// What is wrong, in words an analyst can act on.
  public let message: String

  /// Creates an error for `field`.
  public init(field: String, message: String) {
    self.field = field
    self.message = message
  }

  /// `field: message`.
  public var description: String { "\(field): \(message)" }
}
