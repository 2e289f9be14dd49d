/// The declared shape of the scenario format: which keys each object has, their JSON types,
/// enumerations and required fields.
///
/// This is the single source of truth for the format's structure. The validator checks files
/// against it (unknown keys with a "did you mean", missing required keys, wrong types,
/// enumerations), and the JSON Schema that editors use is generated from it, so the two cannot
/// drift apart. Meaning that a shape cannot express (references between states, windows inside
/// the horizon, valid distribution fields) is checked afterwards by `ScenarioDecoder`.
public indirect enum ValueShape: Sendable {
  case string(enumeration: [String]? = nil, pattern: String? = nil)
  case integer(minimum: Int? = nil, maximum: Int? = nil)
  case number
  case boolean
  /// A number or a string holding an expression.
  case expression
  case array(of: ValueShape, minItems: Int? = nil, maxItems: Int? = nil)
  case object(ObjectShape)
  /// Author-chosen names mapped to values; a `comment` key is a comment, not a name.
  case map(of: ValueShape, keyPattern: String)
  /// The first alternative whose JSON type matches decides how the value is checked.
  case oneOf([ValueShape])

  /// What the shape accepts, for messages ("expected a number or an expression").
  var expectation: String {
    switch self {
    case .string(let values?, _): return "one of " + values.map { "\"\($0)\"" }.joined(separator: ", ")
    case .string: return "a string"
    case .integer: return "an integer"
    case .number: return "a number"
    case .boolean: return "true or false"
    case .expression: return "a number or an expression in a string"
    case .array: return "an array"
    case .object, .map: return "an object"
    case .oneOf(let shapes):
      return shapes.map(\.expectation).joined(separator: " or ")
    }
  }
}

/// The keys of one kind of JSON object.
public struct ObjectShape: Sendable {
  public var title: String
  public var keys: [KeyShape]
  /// Exactly one of these keys must be present (the distribution of a parameter).
  public var exactlyOneOf: [String] = []

  public init(title: String, keys: [KeyShape], exactlyOneOf: [String] = []) {
    self.title = title
    self.keys = keys
    self.exactlyOneOf = exactlyOneOf
  }

  public func key(_ name: String) -> KeyShape? { keys.first { $0.name == name } }
}

/// One key of an object: its name, shape, whether it is required, and what it means.
public struct KeyShape: Sendable {
  public var name: String
  public var shape: ValueShape
  public var required: Bool
  public var summary: String

  public init(_ name: String, _ shape: ValueShape, required: Bool = false, _ summary: String) {
    self.name = name
    self.shape = shape
    self.required = required
    self.summary = summary
  }
}
