/// Accumulates CSV records with RFC 4180 quoting.
///
/// A field is quoted when it contains a comma, a double quote, a carriage return or a line
/// feed; quotes inside are doubled. Records end with a line feed, not RFC 4180's CR LF: the
/// file is meant for pipelines and for R, pandas and spreadsheets, all of which read either.
struct CSVWriter {
  private(set) var text = ""
  private(set) var recordCount = 0

  /// Appends one record.
  mutating func append(_ fields: [String]) {
    text += fields.map(Self.field).joined(separator: ",")
    text += "\n"
    recordCount += 1
  }

  /// `value` as a CSV field, quoted only when it has to be.
  static func field(_ value: String) -> String {
    let needsQuotes = value.unicodeScalars.contains { scalar in
      scalar == "," || scalar == "\"" || scalar == "\n" || scalar == "\r"
    }
    guard needsQuotes else { return value }
    var quoted = "\""
    for character in value {
      quoted += character == "\"" ? "\"\"" : String(character)
    }
    return quoted + "\""
  }
}
