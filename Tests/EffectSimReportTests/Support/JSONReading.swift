import Foundation

/// Reads renderer output back with Foundation, independently of the writer under test.
enum JSONReading {
  struct Failure: Error { var message: String }

  static func object(_ text: String) throws -> [String: Any] {
    let value = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [])
    guard let object = value as? [String: Any] else { throw Failure(message: "not an object") }
    return object
  }

  /// Top-level keys in the order they appear in the text (two-space indented members).
  static func topLevelKeys(_ text: String) -> [String] {
    text.split(separator: "\n").compactMap { line in
      guard line.hasPrefix("  \""), !line.hasPrefix("   ") else { return nil }
      let rest = line.dropFirst(3)
      guard let end = rest.firstIndex(of: "\"") else { return nil }
      return String(rest[..<end])
    }
  }

  /// The number at `value`, whichever bridged type Foundation chose.
  static func double(_ value: Any?) -> Double? {
    if let number = value as? NSNumber { return number.doubleValue }
    return value as? Double
  }

  /// Positions of `needles` in `text`, to check the order of keys inside one object.
  static func offsets(of needles: [String], in text: String) -> [Int] {
    needles.map { needle in
      guard let range = text.range(of: needle) else { return -1 }
      return text.distance(from: text.startIndex, to: range.lowerBound)
    }
  }
}
