/// Reads the fields `LittleEndianWriter` wrote, refusing any field that would run past the end.
struct LittleEndianReader {
  private let bytes: [UInt8]
  private(set) var offset: Int
  /// Named in messages.
  private let file: String

  init(_ bytes: [UInt8], from offset: Int = 0, file: String) {
    self.bytes = bytes
    self.offset = offset
    self.file = file
  }

  var remaining: Int { bytes.count - offset }

  mutating func raw(_ count: Int, _ field: String) throws(PartialFileError) -> [UInt8] {
    guard count >= 0, count <= remaining else {
      throw PartialFileError(file: file, "damaged: \(field) runs past the end of the header")
    }
    defer { offset += count }
    return Array(bytes[offset..<offset + count])
  }

  mutating func u32(_ field: String) throws(PartialFileError) -> UInt32 {
    try raw(4, field).reversed().reduce(0) { $0 << 8 | UInt32($1) }
  }

  mutating func u64(_ field: String) throws(PartialFileError) -> UInt64 {
    try raw(8, field).reversed().reduce(0) { $0 << 8 | UInt64($1) }
  }

  /// A count or index, at most `limit`.
  mutating func int(_ field: String, limit: Int = Int.max) throws(PartialFileError) -> Int {
    let value = try u64(field)
    guard value <= UInt64(limit) else {
      throw PartialFileError(file: file, "damaged: \(field) is \(value), more than \(limit)")
    }
    return Int(value)
  }

  mutating func f64(_ field: String) throws(PartialFileError) -> Double {
    Double(bitPattern: try u64(field))
  }

  mutating func string(_ field: String) throws(PartialFileError) -> String {
    let count = Int(try u32(field))
    let utf8 = try raw(count, field)
    guard let text = String(validating: utf8, as: UTF8.self) else {
      throw PartialFileError(file: file, "damaged: \(field) is not UTF-8")
    }
    return text
  }
}
