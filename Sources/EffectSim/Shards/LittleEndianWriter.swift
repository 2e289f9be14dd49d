/// Appends the fields of a partial result header: integers and doubles little-endian,
/// strings as a `UInt32` byte count and their UTF-8 bytes.
struct LittleEndianWriter {
  private(set) var bytes: [UInt8] = []

  mutating func raw(_ values: [UInt8]) { bytes += values }

  mutating func u32(_ value: UInt32) {
    for shift in stride(from: 0, to: 32, by: 8) {
      bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift)))
    }
  }

  mutating func u64(_ value: UInt64) {
    for shift in stride(from: 0, to: 64, by: 8) {
      bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
    }
  }

  /// A non-negative count or index.
  mutating func int(_ value: Int) {
    precondition(value >= 0)
    u64(UInt64(value))
  }

  /// IEEE 754 binary64, by its bit pattern.
  mutating func f64(_ value: Double) { u64(value.bitPattern) }

  mutating func string(_ value: String) {
    let utf8 = Array(value.utf8)
    u32(UInt32(utf8.count))
    bytes += utf8
  }
}
