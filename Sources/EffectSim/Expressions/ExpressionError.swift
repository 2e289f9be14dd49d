/// Why an expression could not be parsed or compiled.
///
/// These are validation errors: they are found before any simulation runs and name the
/// expression, so the scenario decoder only has to add the JSON path.
public struct ExpressionError: Error, Sendable, Equatable, CustomStringConvertible {
  public enum Kind: Sendable, Equatable {
    /// Malformed text; `offset` counts characters from the start of the source.
    case syntax(message: String, offset: Int)
    /// A name that is neither a parameter nor `cyclesPerYear`, with the closest known name.
    case unknownName(String, suggestion: String?)
    /// A call to a function the language does not have, with the closest known function.
    case unknownFunction(String, suggestion: String?)
    /// A call with the wrong number of arguments; `expected` reads "1", "3" or "2 or more".
    case arity(function: String, expected: String, got: Int)
  }

  public let kind: Kind
  /// The expression text the error is about.
  public let source: String

  public init(kind: Kind, source: String) {
    self.kind = kind
    self.source = source
  }

  /// A one-line message, e.g.
  /// `unknown name 'ipsJobShar' in "reach(ipsJobShar, 18)" — did you mean 'ipsJobShare'?`.
  public var description: String {
    let quoted = "\"\(source)\""
    switch kind {
    case .syntax(let message, let offset):
      return "\(message) at offset \(offset) in \(quoted)"
    case .unknownName(let name, let suggestion):
      return "unknown name '\(name)' in \(quoted)" + Self.hint(suggestion)
    case .unknownFunction(let name, let suggestion):
      return "unknown function '\(name)' in \(quoted)" + Self.hint(suggestion)
    case .arity(let function, let expected, let got):
      let noun = expected == "1" ? "argument" : "arguments"
      return "'\(function)' takes \(expected) \(noun) but was given \(got) in \(quoted)"
    }
  }

  private static func hint(_ suggestion: String?) -> String {
    suggestion.map { " — did you mean '\($0)'?" } ?? ""
  }
}
