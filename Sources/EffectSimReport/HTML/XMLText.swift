/// Text made safe for XML, which the HTML report and its charts both are (XHTML syntax, so
/// that any XML parser can read the report, and the charts can be cut out as SVG files).
enum XMLText {
  /// `text` with `&`, `<`, `>`, `"` and `'` escaped, and the control characters XML 1.0
  /// forbids (all below U+0020 except tab and line breaks) replaced by a space.
  static func escape(_ text: String) -> String {
    var escaped = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": escaped += "&amp;"
      case "<": escaped += "&lt;"
      case ">": escaped += "&gt;"
      case "\"": escaped += "&quot;"
      case "'": escaped += "&#39;"
      case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
      case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
        escaped += " "
      default: escaped.unicodeScalars.append(scalar)
      }
    }
    return escaped
  }
}
