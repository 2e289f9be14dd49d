/// Writing and reading a partial result header (layout in `PartialHeader`).
extension PartialHeader {
  /// A header holds a scenario file and a few numbers; anything longer is damage, and is
  /// refused before memory is set aside for it.
  static let maximumHeaderLength = 256 << 20

  /// The header's bytes, checksum included.
  func encoded() -> [UInt8] {
    var out = LittleEndianWriter()
    out.raw(Self.magic)
    out.u32(Self.formatVersion)
    out.u32(0)  // The length, patched below once known.
    out.string(engineVersion)
    out.raw(scenarioHash)
    out.u64(seed)
    out.int(totalIterations)
    out.int(shard.index)
    out.int(shard.count)
    out.int(range.lowerBound)
    out.int(range.upperBound)
    out.string(kernel.rawValue)
    out.f64(personCycles)
    out.u32(UInt32(settings.count))
    for setting in settings {
      out.string(setting.key)
      out.string(setting.value)
    }
    out.u32(UInt32(columnSets.count))
    for set in columnSets {
      out.string(set.name)
      out.int(set.columns)
      out.u32(UInt32(set.shape.count))
      for number in set.shape { out.int(number) }
    }
    out.int(scenarioBytes.count)
    out.raw(scenarioBytes)
    var bytes = out.bytes
    let length = UInt32(bytes.count + Self.digestSize)
    for k in 0..<4 { bytes[12 + k] = UInt8(truncatingIfNeeded: length >> UInt32(8 * k)) }
    return bytes + SHA256.hash(bytes)
  }

  /// Reads and checks the header of `source`.
  /// - Returns: the header and its length in bytes.
  /// - Throws: `PartialFileError` when the file is not a partial result, is of another format
  ///   version, is damaged (checksum, a field out of range) or is truncated.
  static func decode(
    _ source: some PartialSource
  ) throws(PartialFileError) -> (header: PartialHeader, length: Int) {
    let file = source.name
    guard source.size >= 16 else {
      var looksLikeAPart = false
      if source.size >= magic.count {
        looksLikeAPart = try source.bytes(at: 0, count: magic.count) == magic
      }
      throw PartialFileError(
        file: file, looksLikeAPart
          ? "truncated: \(source.size) bytes, shorter than any header"
          : "not a partial result file of effectsim (\(source.size) bytes)")
    }
    let prefix = try source.bytes(at: 0, count: 16)
    guard Array(prefix[0..<8]) == magic else {
      throw PartialFileError(
        file: file, "not a partial result file of effectsim (it does not start with \\x89ESPART)")
    }
    var reader = LittleEndianReader(prefix, from: 8, file: file)
    let version = try reader.u32("format version")
    guard version == formatVersion else {
      throw PartialFileError(
        file: file,
        "partial format version \(version); this effectsim (\(EffectSimVersion.string)) reads"
          + " version \(formatVersion)")
    }
    let length = Int(try reader.u32("header length"))
    guard length >= 16 + digestSize, length <= maximumHeaderLength else {
      throw PartialFileError(file: file, "damaged: header length \(length) is out of range")
    }
    guard length <= source.size else {
      throw PartialFileError(
        file: file, "truncated: \(source.size) bytes, but the header alone is \(length)")
    }
    var bytes = try source.bytes(at: 0, count: length)
    guard SHA256.hash(bytes[..<(length - digestSize)]) == Array(bytes[(length - digestSize)...])
    else {
      throw PartialFileError(file: file, "damaged: the header's checksum does not match")
    }
    bytes.removeLast(digestSize)
    let header = try fields(LittleEndianReader(bytes, from: 16, file: file), file: file)
    guard let expected = header.fileSize(headerLength: length) else {
      throw PartialFileError(file: file, "damaged: the sizes in its header overflow")
    }
    guard source.size == expected else {
      throw PartialFileError(
        file: file,
        source.size < expected
          ? "truncated: \(source.size) bytes of the \(expected) its header announces"
          : "damaged: \(source.size - expected) bytes more than the \(expected) its header"
            + " announces")
    }
    return (header, length)
  }

  /// The fields after the fixed prefix; the checksum has been verified and removed.
  private static func fields(
    _ reader: LittleEndianReader, file: String
  ) throws(PartialFileError) -> PartialHeader {
    var reader = reader
    func damaged(_ message: String) -> PartialFileError {
      PartialFileError(file: file, "damaged: " + message)
    }
    let engineVersion = try reader.string("engine version")
    let scenarioHash = try reader.raw(digestSize, "scenario hash")
    let seed = try reader.u64("seed")
    let total = try reader.int("total iterations", limit: 1 << 52)
    let index = try reader.int("shard index", limit: Shard.maximumCount)
    let count = try reader.int("shard count", limit: Shard.maximumCount)
    guard let shard = Shard(index: index, count: count) else {
      throw damaged("shard \(index)/\(count) is not a shard")
    }
    let first = try reader.int("first iteration", limit: total)
    let end = try reader.int("end iteration", limit: total)
    guard first <= end else { throw damaged("iterations \(first)..<\(end) are reversed") }
    let kernelName = try reader.string("kernel")
    guard let kernel = Kernel(rawValue: kernelName) else {
      throw damaged("unknown kernel '\(kernelName)'")
    }
    let personCycles = try reader.f64("person-cycles")
    var settings: [Setting] = []
    for _ in 0..<(try reader.u32("setting count")) {
      guard reader.remaining > 0 else { throw damaged("settings run past the end of the header") }
      let key = try reader.string("setting")
      settings.append(Setting(key: key, value: try reader.string("setting \(key)")))
    }
    var columnSets: [ColumnSetShape] = []
    for _ in 0..<(try reader.u32("column set count")) {
      guard reader.remaining > 0 else {
        throw damaged("column sets run past the end of the header")
      }
      let name = try reader.string("column set name")
      let columns = try reader.int("column count of \(name)", limit: 1 << 24)
      var shape: [Int] = []
      for _ in 0..<(try reader.u32("shape of \(name)")) {
        shape.append(try reader.int("shape of \(name)", limit: 1 << 32))
      }
      columnSets.append(ColumnSetShape(name: name, columns: columns, shape: shape))
    }
    let scenarioLength = try reader.int("scenario length", limit: reader.remaining)
    let scenarioBytes = try reader.raw(scenarioLength, "scenario")
    guard reader.remaining == 0 else {
      throw damaged("\(reader.remaining) unread bytes at the end of the header")
    }
    return PartialHeader(
      engineVersion: engineVersion, scenarioHash: scenarioHash, seed: seed,
      totalIterations: total, shard: shard, range: first..<end, kernel: kernel,
      personCycles: personCycles, settings: settings, columnSets: columnSets,
      scenarioBytes: scenarioBytes)
  }
}
