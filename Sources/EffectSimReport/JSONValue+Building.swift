import EffectSim

/// Shorthands for building the JSON output with `JSONValue`, whose objects keep their members
/// in the order given: that order is what makes equal summaries print byte for byte the same.
extension JSONValue {
  /// An integer that is exact whatever its size.
  static func int(_ value: Int) -> JSONValue { .integer(String(value)) }

  /// An unsigned integer that is exact whatever its size (seeds).
  static func uint(_ value: UInt64) -> JSONValue { .integer(String(value)) }

  /// A string, or `null` when absent.
  static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

  /// An integer, or `null` when absent.
  static func optional(_ value: Int?) -> JSONValue { value.map(JSONValue.int) ?? .null }
}
