/// Why scenarios cannot be compared: a data error (exit 65), with both files named.
public struct ComparisonError: Error, Sendable, CustomStringConvertible {
  public var message: String
  public var description: String { message }
}
