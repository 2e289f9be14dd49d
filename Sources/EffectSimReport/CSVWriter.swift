/// Accumulates CSV records with RFC 4180 quoting, in one of two dialects.
///
/// A field is quoted when it contains the separator, a double quote, a carriage return or a
/// line feed; quotes inside are doubled.
///
/// - `tidy`: comma-separated, records end with a line feed (not RFC 4180's CR LF): the file
///   is meant for pipelines and for R, pandas and spreadsheets, all of which read either.
/// - `excelDanish`: semicolon-separated with decimal commas, CR LF line ends and a UTF-8
///   byte-order mark first. Excel with Danish regional settings splits a double-clicked file
///   on `;` and reads `1234,5` as a number; without the mark it would guess a legacy code page
///   and garble "Overførsler".
struct CSVWriter {
  let style: CSVStyle
  private(set) var text: String
  private(set) var recordCount = 0

  /// The byte-order mark that tells Excel the file is UTF-8.
  static let byteOrderMark = "\u{FEFF}"

  init(style: CSVStyle = .tidy) {
    self.style = style
    text = style == .excelDanish ? Self.byteOrderMark : ""
  }

  var separator: Character { style == .excelDanish ? ";" : "," }

  /// Appends one record.
  mutating func append(_ fields: [String]) {
    let separator = separator
    text += fields.map { Self.field($0, separator: separator) }.joined(separator: String(separator))
    text += style == .excelDanish ? "\r\n" : "\n"
    recordCount += 1
  }

  /// A number in this dialect: `CSVRenderer.number(_:)`, with a decimal comma for Excel.
  func number(_ value: Double) -> String {
    let plain = CSVRenderer.number(value)
    guard style == .excelDanish else { return plain }
    return String(plain.map { $0 == "." ? "," : $0 })
  }

  /// `value` as a CSV field, quoted only when it has to be.
  static func field(_ value: String, separator: Character = ",") -> String {
    let needsQuotes = value.contains { character in
      character == separator || character == "\"" || character.isNewline
    }
    guard needsQuotes else { return value }
    var quoted = "\""
    for character in value {
      quoted += character == "\"" ? "\"\"" : String(character)
    }
    return quoted + "\""
  }
}
