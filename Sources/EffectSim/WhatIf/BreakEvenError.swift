/// Why a break-even search could not give an answer (not reaching break-even is an answer).
public struct BreakEvenError: Error, Sendable, CustomStringConvertible {
  public enum Kind: Sendable {
    /// The question does not fit the scenario: an unknown parameter or payback definition, a
    /// year outside the horizon, an empty range.
    case question
    /// The scenario (with its `--set` values) is invalid.
    case scenario
    /// The scenario fails at a value the search had to try.
    case run
  }

  public var kind: Kind
  public var message: String

  public init(_ kind: Kind, _ message: String) {
    self.kind = kind
    self.message = message
  }

  public var description: String { message }
}
