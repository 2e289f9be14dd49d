/// What a partial result file says about itself: which run it belongs to, which iterations it
/// holds, and how its columns are laid out. docs/partial-format.md is the byte-level contract.
///
/// ```
/// offset  size  field
///      0     8  magic 89 45 53 50 41 52 54 0A ("\x89ESPART\n")
///      8     4  format version (u32) = 1
///     12     4  header length H (u32): bytes from offset 0 to the end of the header checksum
///     16     …  engine version (string), scenario SHA-256 (32 bytes), seed (u64),
///               total iterations (u64), shard index and count (u64, u64),
///               first and end iteration (u64, u64; end exclusive), kernel (string),
///               person-cycles of this shard (f64), settings (u32 n, n × (string, string)),
///               column sets (u32 n, n × (name string, columns u64, u32 m, m × u64 shape)),
///               scenario bytes (u64 length, bytes)
///   H−32    32  SHA-256 of bytes 0 ..< H−32
///      H     …  per column set, per column: (end − first) × f64, then its SHA-256 (32 bytes)
/// ```
/// Integers and doubles are little-endian; strings are a u32 byte count and UTF-8 bytes.
public struct PartialHeader: Sendable, Equatable {
  /// The shape of one column set: how many columns, and the numbers that fix what each
  /// column means (the metric layout's dimensions; the recorded parameter slots).
  public struct ColumnSetShape: Sendable, Equatable {
    public var name: String
    public var columns: Int
    public var shape: [Int]
  }

  /// One run setting that changes the output, by name, in a canonical text form.
  public struct Setting: Sendable, Equatable {
    public var key: String
    public var value: String
  }

  static let magic: [UInt8] = [0x89, 0x45, 0x53, 0x50, 0x41, 0x52, 0x54, 0x0A]
  static let formatVersion: UInt32 = 1
  /// Bytes of a SHA-256 digest.
  static let digestSize = 32

  public var engineVersion: String
  /// SHA-256 of `scenarioBytes`.
  public var scenarioHash: [UInt8]
  public var seed: UInt64
  public var totalIterations: Int
  public var shard: Shard
  /// The iterations this part holds; `shard.range(of: totalIterations)` when it was written.
  public var range: Range<Int>
  public var kernel: Kernel
  /// Person-cycles simulated for this part's iterations; their sum is a merge's total.
  public var personCycles: Double
  /// In key order.
  public var settings: [Setting]
  /// In `ColumnSet.allCases` order.
  public var columnSets: [ColumnSetShape]
  /// The scenario file exactly as the run read it: the merge compiles the model from it.
  public var scenarioBytes: [UInt8]

  /// Bytes one column takes in the data: its values and their checksum.
  var columnStride: Int { range.count * 8 + Self.digestSize }

  /// Where column `column` of the `set`-th column set starts.
  func dataOffset(headerLength: Int, set: Int, column: Int) -> Int {
    let before = columnSets[..<set].reduce(0) { $0 + $1.columns } + column
    return headerLength + before * columnStride
  }

  /// The size a complete file with this header has; `nil` when it does not fit in an `Int`
  /// (only a damaged header says so).
  func fileSize(headerLength: Int) -> Int? {
    let columns = columnSets.reduce(0) { $0 + $1.columns }
    let (data, overflow) = columns.multipliedReportingOverflow(by: columnStride)
    let (total, overflowTotal) = headerLength.addingReportingOverflow(data)
    return overflow || overflowTotal ? nil : total
  }
}
