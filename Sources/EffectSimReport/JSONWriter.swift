import EffectSim

/// Prints a `JSONNode` as stable, pretty-printed JSON text.
///
/// Layout: two-space indentation, one member per line, `"key": value`; arrays whose elements
/// are all scalars stay on one line (`[2018, 2019]`), other arrays and all non-empty objects
/// open a line per element. The text ends with a newline.
///
/// Numbers: a finite value that is whole and below 2^53 in magnitude prints as an integer
/// with no fraction (`2073000`, `-709`, `0` also for -0); every other finite value prints in
/// Swift's shortest round-trip form (`0.25`, `1e-05`, `1e+16`), which JSON accepts and which
/// reads back to the same `Double`. JSON cannot carry NaN or infinity: those print as `null`.
///
/// Strings: `"` and `\` are escaped, newline, carriage return and tab use their short
/// escapes, every other control character below U+0020 is written `\u00XX`; all other
/// characters, non-ASCII included, are written as they are (the output is UTF-8).
enum JSONWriter {
  /// The JSON text of `node`, ending with a newline.
  ///
  /// - Complexity: O(n) in the size of the output.
  static func serialize(_ node: JSONNode) -> String {
    var text = ""
    write(node, into: &text, indent: 0)
    text += "\n"
    return text
  }

  /// Formats a number by the rule in the type's documentation: the engine's JSON number form.
  static func number(_ value: Double) -> String { JSONValue.format(value) }

  /// Appends `value` as a quoted JSON string, escaped as the engine's JSON writer does.
  static func quote(_ value: String, into text: inout String) { JSONValue.quote(value, into: &text) }

  private static func write(_ node: JSONNode, into text: inout String, indent: Int) {
    switch node {
    case .null: text += "null"
    case .bool(let value): text += value ? "true" : "false"
    case .number(let value): text += number(value)
    case .integer(let digits): text += digits
    case .string(let value): quote(value, into: &text)
    case .array(let elements):
      writeArray(elements, into: &text, indent: indent)
    case .members(let members):
      guard !members.isEmpty else {
        text += "{}"
        return
      }
      text += "{\n"
      for (index, member) in members.enumerated() {
        text += String(repeating: " ", count: indent + 2)
        quote(member.key, into: &text)
        text += ": "
        write(member.value, into: &text, indent: indent + 2)
        text += index + 1 < members.count ? ",\n" : "\n"
      }
      text += String(repeating: " ", count: indent) + "}"
    }
  }

  private static func writeArray(_ elements: [JSONNode], into text: inout String, indent: Int) {
    guard !elements.isEmpty else {
      text += "[]"
      return
    }
    if elements.allSatisfy(\.isScalar) {
      text += "["
      for (index, element) in elements.enumerated() {
        if index > 0 { text += ", " }
        write(element, into: &text, indent: indent)
      }
      text += "]"
      return
    }
    text += "[\n"
    for (index, element) in elements.enumerated() {
      text += String(repeating: " ", count: indent + 2)
      write(element, into: &text, indent: indent + 2)
      text += index + 1 < elements.count ? ",\n" : "\n"
    }
    text += String(repeating: " ", count: indent) + "]"
  }
}
