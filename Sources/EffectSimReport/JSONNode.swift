/// A JSON value whose object members keep the order they were added in.
///
/// The renderer builds one of these and `JSONWriter` prints it; keeping members in an array
/// rather than a dictionary is what makes equal summaries print byte for byte the same.
enum JSONNode {
  case null
  case bool(Bool)
  /// A measured or computed number; printed by `JSONWriter.number(_:)`.
  case number(Double)
  /// An integer's decimal digits, printed as they are: a seed above 2^53 must not pass
  /// through `Double` on its way out.
  case integer(String)
  case string(String)
  case array([JSONNode])
  /// An object's members in output order; build one with `object(_:)`.
  case members([Member])

  /// One member of an object.
  ///
  /// A struct rather than a labelled tuple: a tuple payload that mentions the enum itself
  /// trips "circular reference" in the Swift 6.3 compiler on some build orders.
  struct Member {
    var key: String
    var value: JSONNode
  }

  /// An object with `pairs` as members, in the order given.
  static func object(_ pairs: [(String, JSONNode)]) -> JSONNode {
    .members(pairs.map { Member(key: $0.0, value: $0.1) })
  }

  /// An integer that is exact whatever its size.
  static func int(_ value: Int) -> JSONNode { .integer(String(value)) }

  /// An unsigned integer that is exact whatever its size (seeds).
  static func uint(_ value: UInt64) -> JSONNode { .integer(String(value)) }

  /// A string, or `null` when absent.
  static func optional(_ value: String?) -> JSONNode { value.map(JSONNode.string) ?? .null }

  /// An integer, or `null` when absent.
  static func optional(_ value: Int?) -> JSONNode { value.map(JSONNode.int) ?? .null }

  /// Whether the value prints on one line (arrays of such values stay on one line too).
  var isScalar: Bool {
    switch self {
    case .array, .members: false
    default: true
    }
  }
}
