extension JSONValue {
  /// The value as JSON text: two-space indentation, keys in their stored order, a final newline.
  ///
  /// Numbers that are whole and below 2^53 in magnitude print without a fraction ("12"), others
  /// in Swift's shortest round-trip form; non-finite numbers, which JSON cannot carry, print as
  /// `null`.
  public func serialized() -> String {
    var text = ""
    write(into: &text, indent: 0)
    return text + "\n"
  }

  private func write(into text: inout String, indent: Int) {
    switch self {
    case .null: text += "null"
    case .bool(let value): text += value ? "true" : "false"
    // JSON has no infinity or NaN; the engine never hands one out (RunError instead), and a
    // writer that met one anyway writes null rather than invalid JSON.
    case .number(let value): text += value.isFinite ? Self.format(value) : "null"
    case .integer(let digits): text += digits
    case .string(let value): Self.quote(value, into: &text)
    case .array(let elements):
      if elements.isEmpty { return text += "[]" }
      if elements.allSatisfy(\.isScalar) {
        text += "["
        for (index, element) in elements.enumerated() {
          if index > 0 { text += ", " }
          element.write(into: &text, indent: indent)
        }
        return text += "]"
      }
      text += "[\n"
      for (index, element) in elements.enumerated() {
        text += String(repeating: " ", count: indent + 2)
        element.write(into: &text, indent: indent + 2)
        text += index + 1 < elements.count ? ",\n" : "\n"
      }
      text += String(repeating: " ", count: indent) + "]"
    case .object(let members):
      if members.isEmpty { return text += "{}" }
      text += "{\n"
      for (index, member) in members.enumerated() {
        text += String(repeating: " ", count: indent + 2)
        Self.quote(member.key, into: &text)
        text += ": "
        member.value.write(into: &text, indent: indent + 2)
        text += index + 1 < members.count ? ",\n" : "\n"
      }
      text += String(repeating: " ", count: indent) + "}"
    }
  }

  private var isScalar: Bool {
    switch self {
    case .array, .object: return false
    default: return true
    }
  }

  /// Formats a number for JSON and for messages that quote a scenario's numbers: whole numbers
  /// without a fraction. Infinity and NaN, which only messages meet, read "infinity",
  /// "-infinity" and "NaN".
  public static func format(_ value: Double) -> String {
    guard value.isFinite else { return value.isNaN ? "NaN" : value < 0 ? "-infinity" : "infinity" }
    if value == value.rounded(), abs(value) < 9_007_199_254_740_992 {
      return value == 0 ? "0" : String(Int64(value))
    }
    return "\(value)"
  }

  /// Appends `value` as a JSON string literal.
  public static func quote(_ value: String, into text: inout String) {
    text += "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": text += "\\\""
      case "\\": text += "\\\\"
      case "\n": text += "\\n"
      case "\r": text += "\\r"
      case "\t": text += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16, uppercase: true)
        text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: text.unicodeScalars.append(scalar)
      }
    }
    text += "\""
  }
}
