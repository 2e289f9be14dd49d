/// Shards of a Monte Carlo run: one process simulates a contiguous slice of the iterations
/// and writes every column it filled to a partial result file; `PartialMerge` summarises the
/// parts as the whole run would have been summarised.
extension Simulation {
  /// Values per piece handed to `write`: 64 KiB, so the encoded copy stays small.
  static let pieceValues = 8192

  /// Simulates `shard`'s iterations of the run `options` describes and writes its partial
  /// result (docs/partial-format.md) through `write`, piece by piece, header first.
  /// - Parameters:
  ///   - scenarioBytes: the scenario file as read; the part carries it and its SHA-256.
  ///   - scenarioPath: the file as typed (`nil` for standard input), for the merged report's
  ///     reproducing command.
  ///   - write: appends bytes to the output; its errors end the call.
  /// - Throws: `RunError` as `monteCarlo` does (the iteration named is the run's, not the
  ///   shard's), or what `write` throws.
  public static func shard(
    _ model: Model, scenarioBytes: [UInt8], scenarioPath: String? = nil, options: RunOptions,
    shard: Shard, write: (UnsafeRawBufferPointer) throws -> Void
  ) throws {
    let range = shard.range(of: options.iterations)
    let outcome = try monteCarlo(model, options: options, range: range) {
      stores, layout, run -> Result<Void, any Error> in
      Result { () throws -> Void in
        let header = PartialHeader(
          engineVersion: run.engineVersion, scenarioHash: SHA256.hash(scenarioBytes),
          seed: options.seed, totalIterations: options.iterations, shard: shard, range: range,
          kernel: Kernel(rawValue: run.kernel) ?? .individual, personCycles: run.personCycles,
          settings: PartialHeader.settings(model, options, scenarioPath: scenarioPath),
          columnSets: PartialHeader.columnSets(model, layout: layout),
          scenarioBytes: scenarioBytes)
        try header.encoded().withUnsafeBytes(write)
        for set in ColumnSet.allCases {
          guard let store = stores.store(set) else { continue }
          for column in 0..<store.metrics {
            try writeColumn(UnsafeBufferPointer(store.column(column)), write)
          }
        }
      }
    }
    try outcome.get()
  }

  /// One column's values, little-endian, then their SHA-256.
  private static func writeColumn(
    _ values: UnsafeBufferPointer<Double>, _ write: (UnsafeRawBufferPointer) throws -> Void
  ) throws {
    var hasher = SHA256()
    var piece = [UInt64](repeating: 0, count: min(pieceValues, values.count))
    var start = 0
    while start < values.count {
      let count = min(pieceValues, values.count - start)
      for k in 0..<count { piece[k] = values[start + k].bitPattern.littleEndian }
      try piece.withUnsafeBytes { bytes in
        let used = UnsafeRawBufferPointer(rebasing: bytes[0..<count * 8])
        hasher.update(used)
        try write(used)
      }
      start += count
    }
    try hasher.finalize().withUnsafeBytes(write)
  }
}
