/// A strict JSON parser (RFC 8259) that keeps object key order and reports line and column.
///
/// Duplicate keys are an error: a scenario with two `"years"` would otherwise mean whichever
/// one a parser happened to keep.
public struct JSONParser {
  private let bytes: [UInt8]
  private var index = 0
  /// Guards against stack exhaustion on hostile input such as 100,000 nested arrays.
  private static let maximumDepth = 256

  private init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  /// Parses a complete JSON document.
  /// - Throws: `JSONSyntaxError` naming the line and column of the first problem.
  public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
    var parser = JSONParser(bytes: bytes)
    // A UTF-8 byte-order mark is tolerated: editors on Windows write one.
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
    parser.skipWhitespace()
    let value = try parser.parseValue(depth: 0)
    parser.skipWhitespace()
    guard parser.index == bytes.count else {
      throw parser.error("unexpected text after the end of the document")
    }
    return value
  }

  public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
    try parse(Array(text.utf8))
  }

  private mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONValue {
    guard depth < Self.maximumDepth else { throw error("nesting deeper than 256 levels") }
    guard index < bytes.count else { throw error("unexpected end of the document") }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try parseObject(depth: depth)
    case UInt8(ascii: "["): return try parseArray(depth: depth)
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"):
      try expectWord("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try expectWord("false")
      return .bool(false)
    case UInt8(ascii: "n"):
      try expectWord("null")
      return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
    default: throw error("unexpected character '\(character(at: index))'")
    }
  }

  private mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> JSONValue {
    index += 1
    var members: [(key: String, value: JSONValue)] = []
    var seen = Set<String>()
    skipWhitespace()
    if peek() == UInt8(ascii: "}") {
      index += 1
      return .object(members)
    }
    while true {
      skipWhitespace()
      guard peek() == UInt8(ascii: "\"") else { throw error("expected a key in double quotes") }
      let keyStart = index
      let key = try parseString()
      guard seen.insert(key).inserted else {
        index = keyStart
        throw error("duplicate key \"\(key)\"")
      }
      skipWhitespace()
      guard peek() == UInt8(ascii: ":") else { throw error("expected ':' after key \"\(key)\"") }
      index += 1
      skipWhitespace()
      members.append((key, try parseValue(depth: depth + 1)))
      skipWhitespace()
      switch peek() {
      case UInt8(ascii: ","): index += 1
      case UInt8(ascii: "}"):
        index += 1
        return .object(members)
      default: throw error("expected ',' or '}' in an object")
      }
    }
  }

  private mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> JSONValue {
    index += 1
    var elements: [JSONValue] = []
    skipWhitespace()
    if peek() == UInt8(ascii: "]") {
      index += 1
      return .array(elements)
    }
    while true {
      skipWhitespace()
      elements.append(try parseValue(depth: depth + 1))
      skipWhitespace()
      switch peek() {
      case UInt8(ascii: ","): index += 1
      case UInt8(ascii: "]"):
        index += 1
        return .array(elements)
      default: throw error("expected ',' or ']' in an array")
      }
    }
  }

  private mutating func parseString() throws(JSONSyntaxError) -> String {
    index += 1
    var runStart = index
    var utf8Run: [UInt8] = []
    func flushRun(_ end: Int) {
      if end > runStart { utf8Run.append(contentsOf: bytes[runStart..<end]) }
    }
    while true {
      guard index < bytes.count else { throw error("unterminated string") }
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        flushRun(index)
        index += 1
        break
      }
      if byte < 0x20 { throw error("control character in a string (write it as an escape)") }
      if byte == UInt8(ascii: "\\") {
        flushRun(index)
        index += 1
        guard index < bytes.count else { throw error("unterminated escape") }
        let escaped = bytes[index]
        index += 1
        var decoded: Unicode.Scalar
        switch escaped {
        case UInt8(ascii: "\""): decoded = "\""
        case UInt8(ascii: "\\"): decoded = "\\"
        case UInt8(ascii: "/"): decoded = "/"
        case UInt8(ascii: "b"): decoded = "\u{08}"
        case UInt8(ascii: "f"): decoded = "\u{0C}"
        case UInt8(ascii: "n"): decoded = "\n"
        case UInt8(ascii: "r"): decoded = "\r"
        case UInt8(ascii: "t"): decoded = "\t"
        case UInt8(ascii: "u"): decoded = try parseUnicodeEscape()
        default:
          index -= 1
          throw error("invalid escape '\\\(character(at: index))'")
        }
        utf8Run.append(contentsOf: Array(String(decoded).utf8))
        runStart = index
        continue
      }
      index += 1
    }
    guard let text = String(validating: utf8Run, as: UTF8.self) else {
      throw error("a string is not valid UTF-8")
    }
    return text
  }

  private mutating func parseUnicodeEscape() throws(JSONSyntaxError) -> Unicode.Scalar {
    let high = try parseHex4()
    if (0xD800...0xDBFF).contains(high) {
      guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
        bytes[index + 1] == UInt8(ascii: "u")
      else { throw error("unpaired surrogate in a \\u escape") }
      index += 2
      let low = try parseHex4()
      guard (0xDC00...0xDFFF).contains(low) else { throw error("invalid low surrogate") }
      let value = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
      guard let scalar = Unicode.Scalar(value) else { throw error("invalid \\u escape") }
      return scalar
    }
    guard let scalar = Unicode.Scalar(high) else { throw error("unpaired surrogate") }
    return scalar
  }

  private mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
    guard index + 4 <= bytes.count else { throw error("a \\u escape needs four hex digits") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[index]
      let digit: UInt32
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
      default: throw error("a \\u escape needs four hex digits")
      }
      value = value << 4 | digit
      index += 1
    }
    return value
  }

  private mutating func parseNumber() throws(JSONSyntaxError) -> Double {
    let start = index
    if peek() == UInt8(ascii: "-") { index += 1 }
    guard let first = peek(), isDigit(first) else { throw error("a number needs a digit") }
    if first == UInt8(ascii: "0") {
      index += 1
      if let next = peek(), isDigit(next) { throw error("a number may not have leading zeros") }
    } else {
      skipDigits()
    }
    if peek() == UInt8(ascii: ".") {
      index += 1
      guard let next = peek(), isDigit(next) else { throw error("expected a digit after '.'") }
      skipDigits()
    }
    if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
      index += 1
      if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
      guard let next = peek(), isDigit(next) else {
        throw error("expected a digit in the exponent")
      }
      skipDigits()
    }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    guard let value = Double(text), value.isFinite else {
      index = start
      throw error("the number \(text) is out of range")
    }
    return value
  }

  private mutating func expectWord(_ word: String) throws(JSONSyntaxError) {
    let utf8 = Array(word.utf8)
    guard index + utf8.count <= bytes.count, Array(bytes[index..<index + utf8.count]) == utf8 else {
      throw error("unexpected character '\(character(at: index))'")
    }
    index += utf8.count
  }

  private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }
  private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
  private mutating func skipDigits() { while let byte = peek(), isDigit(byte) { index += 1 } }

  private mutating func skipWhitespace() {
    while let byte = peek(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
      index += 1
    }
  }

  private func character(at position: Int) -> String {
    guard position < bytes.count else { return "end of input" }
    let byte = bytes[position]
    return byte >= 0x20 && byte < 0x7F ? String(UnicodeScalar(byte)) : "\\u{\(byte)}"
  }

  private func error(_ message: String) -> JSONSyntaxError {
    var line = 1
    var column = 1
    for byte in bytes[..<min(index, bytes.count)] {
      if byte == 0x0A {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
    }
    return JSONSyntaxError(message: message, line: line, column: column)
  }
}

/// A JSON document that is not well-formed, with the place of the first problem.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
  public let message: String
  public let line: Int
  public let column: Int

  public var description: String { "invalid JSON at line \(line), column \(column): \(message)" }
}
