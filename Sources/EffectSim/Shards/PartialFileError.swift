/// Why a partial result file, or a set of them, cannot be merged: names the file and what is
/// wrong with it.
public struct PartialFileError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What kind of failure, for the exit code.
  public enum Kind: Sendable, Equatable {
    /// The contents: not a part, damaged, truncated, or not of the same run as the others.
    case data
    /// The file could not be opened or read.
    case unreadable
  }

  public var kind: Kind
  /// The file's name as given on the command line; empty when no one file is at fault (a
  /// range of iterations that no part covers).
  public var file: String
  public var message: String

  public init(_ kind: Kind = .data, file: String, _ message: String) {
    self.kind = kind
    self.file = file
    self.message = message
  }

  public var description: String { file.isEmpty ? message : "\(file): \(message)" }
}
