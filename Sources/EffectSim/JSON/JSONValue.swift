/// A JSON document as a value, with object keys kept in the order the author wrote them.
///
/// Order matters to the scenario format: the weights of `initial` and the transitions of a
/// state are applied in listing order, and reports list names as the author did. Foundation's
/// `JSONSerialization` forgets that order, so EffectSim reads JSON with its own parser.
public indirect enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case number(Double)
  /// A whole number written digit for digit, for values that must not pass through `Double`
  /// on their way out (a seed above 2^53). Only writers build it; the parser reads `.number`.
  case integer(String)
  case string(String)
  case array([JSONValue])
  case object([(key: String, value: JSONValue)])

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): return true
    case let (.bool(a), .bool(b)): return a == b
    case let (.number(a), .number(b)): return a == b
    case let (.integer(a), .integer(b)): return a == b
    case let (.string(a), .string(b)): return a == b
    case let (.array(a), .array(b)): return a == b
    case let (.object(a), .object(b)):
      return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    default: return false
    }
  }

  /// The name of the value's JSON type, for messages ("expected a number, found a string").
  public var typeName: String {
    switch self {
    case .null: return "null"
    case .bool: return "a boolean"
    case .number, .integer: return "a number"
    case .string: return "a string"
    case .array: return "an array"
    case .object: return "an object"
    }
  }
}
