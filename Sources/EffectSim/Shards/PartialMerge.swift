import Foundation

/// Merges the partial result files of one sharded run into the summary the run would have
/// given in one process.
///
/// `init` reads every part's header and refuses parts that are not of one run (engine
/// version, scenario, seed, iteration total, kernel, settings, column layout) or that do not
/// cover every iteration exactly once; `summarize` then hands the parts' columns, one at a
/// time, to the same `Summarizer` a run uses, so the output is byte for byte the run's (only
/// the machine facts under `run` differ).
public struct PartialMerge: Sendable {
  /// One part: where its bytes are, and what its header says.
  struct Part: Sendable {
    let source: any PartialSource
    let header: PartialHeader
    let headerLength: Int

    /// Column `column` of the `set`-th column set, this part's iterations, into `slice`,
    /// after checking it against its SHA-256.
    func read(
      set: Int, column: Int, into slice: UnsafeMutableBufferPointer<Double>
    ) throws(PartialFileError) {
      let offset = header.dataOffset(headerLength: headerLength, set: set, column: column)
      let raw = UnsafeMutableRawBufferPointer(slice)
      try source.read(at: offset, into: raw)
      let stored = try source.bytes(at: offset + raw.count, count: PartialHeader.digestSize)
      var hasher = SHA256()
      hasher.update(UnsafeRawBufferPointer(raw))
      guard hasher.finalize() == stored else { throw damaged(set: set, column: column) }
      // Stored little-endian: a no-op on little-endian machines.
      for k in slice.indices {
        slice[k] = Double(bitPattern: UInt64(littleEndian: slice[k].bitPattern))
      }
    }

    /// Column `column` of the `set`-th column set, this part's iterations, in pieces of up to
    /// `buffer.count` through `buffer`: `body(first, piece)` with `first` counted from the
    /// part's first iteration. The checksum is checked after the last piece, so a damaged
    /// column has been handed over when this throws: the caller must discard what it made.
    func stream(
      set: Int, column: Int, buffer: UnsafeMutableBufferPointer<Double>,
      _ body: (Int, UnsafeBufferPointer<Double>) -> Void
    ) throws(PartialFileError) {
      precondition(!buffer.isEmpty)
      let offset = header.dataOffset(headerLength: headerLength, set: set, column: column)
      let count = header.range.count
      var hasher = SHA256()
      var done = 0
      while done < count {
        let piece = UnsafeMutableBufferPointer(
          rebasing: buffer[0..<min(buffer.count, count - done)])
        let raw = UnsafeMutableRawBufferPointer(piece)
        try source.read(at: offset + done * MemoryLayout<Double>.stride, into: raw)
        hasher.update(UnsafeRawBufferPointer(raw))
        for k in piece.indices {
          piece[k] = Double(bitPattern: UInt64(littleEndian: piece[k].bitPattern))
        }
        body(done, UnsafeBufferPointer(piece))
        done += piece.count
      }
      let stored = try source.bytes(
        at: offset + count * MemoryLayout<Double>.stride, count: PartialHeader.digestSize)
      guard hasher.finalize() == stored else { throw damaged(set: set, column: column) }
    }

    private func damaged(set: Int, column: Int) -> PartialFileError {
      PartialFileError(
        file: source.name,
        "damaged: column \(column) of \(header.columnSets[set].name) (iterations"
          + " \(header.range.lowerBound)..<\(header.range.upperBound)) does not match its"
          + " checksum")
    }
  }

  /// In iteration order.
  let parts: [Part]
  /// The model compiled from the scenario the parts carry.
  public let model: Model
  /// The options of the run the parts came from.
  public let options: RunOptions
  let kernel: Kernel
  /// The scenario file as the first iterations' part names it (`nil`: standard input), for
  /// the report's reproducing command.
  public let scenarioPath: String?
  let layout: MetricLayout
  private let started: ContinuousClock.Instant
  /// Bytes of rank columns the risk-driver analysis may keep at once: less memory for more
  /// sorting, never another number. Default 256 MiB (`SensitivityAnalysis.rankCache`).
  public var rankCache = SensitivityAnalysis.rankCache

  /// The run's iteration total.
  public var iterations: Int { options.iterations }

  /// Reads and checks the parts' headers.
  /// - Parameter sources: the parts, in any order; at least one.
  /// - Throws: `PartialFileError` naming the offending file and what differs, or the range
  ///   of iterations no part covers.
  public init(_ sources: [any PartialSource]) throws(PartialFileError) {
    started = .now
    precondition(!sources.isEmpty, "a merge needs at least one part")
    var parts: [Part] = []
    for source in sources {
      let (header, length) = try PartialHeader.decode(source)
      parts.append(Part(source: source, header: header, headerLength: length))
    }
    let reference = parts[0]
    for part in parts { try Self.check(part, against: reference) }
    try Self.checkCoverage(parts, total: reference.header.totalIterations)

    let header = reference.header
    let file = reference.source.name
    let overrides: [ScenarioOverride]
    (options, overrides) = try header.runSettings(file: file)
    do {
      model = try Model.load(header.scenarioBytes, overrides: overrides)
    } catch {
      throw PartialFileError(
        file: file,
        "the scenario it carries (with its --set values) is not valid for this effectsim:\n"
          + error.errors.map { "  \($0)" }.joined(separator: "\n"))
    }
    layout = MetricLayout(model: model, cohorts: options.varianceSplit ? 2 : 1)
    guard PartialHeader.columnSets(model, layout: layout) == header.columnSets else {
      throw PartialFileError(
        file: file, "damaged: its column layout is not the one its scenario gives")
    }
    kernel = header.kernel
    scenarioPath = parts.min { $0.header.range.lowerBound < $1.header.range.lowerBound }?
      .header.scenarioPath
    // The model is compiled: no part needs its scenario any more.
    self.parts = parts.sorted { $0.header.range.lowerBound < $1.header.range.lowerBound }
      .map { part in
        var header = part.header
        header.scenarioBytes = []
        return Part(source: part.source, header: header, headerLength: part.headerLength)
      }
  }

  /// Summarises the merged iterations exactly as the run would have.
  /// - Parameters:
  ///   - threads: columns summarised at once; each holds a column of 8 bytes × iterations in
  ///     memory. Never changes the numbers.
  ///   - keepDraws: keep the per-iteration parameters and targets in the summary, for
  ///     `--draws`; default `false`.
  /// - Throws: `PartialFileError` when a column cannot be read or fails its checksum, or
  ///   (kind `.data`) when a statistic of the merged run overflows.
  public func summarize(
    threads: Int, keepDraws: Bool = false
  ) throws(PartialFileError) -> RunSummary {
    let columns = MergedColumns(parts: parts, iterations: iterations)
    // Whole numbers below 2⁵³, so the sum is exact in any order.
    let personCycles = parts.reduce(0) { $0 + $1.header.personCycles }
    let run = RunInfo(
      engineVersion: EffectSimVersion.string, threads: threads,
      seconds: started.duration(to: .now).seconds, personCycles: personCycles,
      personCyclesPerSecond: 0, kernel: kernel.rawValue)
    let summary: RunSummary
    do throws(RunError) {
      summary = try Summarizer.summarize(
        model, layout: layout, columns: columns, settings: Simulation.settings(model, options),
        run: run, keepDraws: keepDraws, rankCache: rankCache)
    } catch {
      // A damaged column explains a statistic that cannot be computed: it comes first.
      if let failure = columns.firstFailure { throw failure }
      throw PartialFileError(file: "", "run error: \(error)")
    }
    if let failure = columns.firstFailure { throw failure }
    return summary
  }

  // MARK: - Checks

  /// Refuses a part that is not of the reference part's run.
  private static func check(_ part: Part, against reference: Part) throws(PartialFileError) {
    let file = part.source.name
    let other = reference.source.name
    let header = part.header
    let expected = reference.header
    func differs(_ what: String, _ value: String, _ wanted: String) -> PartialFileError {
      PartialFileError(file: file, "other \(what) (\(value)) than \(other) (\(wanted))")
    }
    guard header.engineVersion == expected.engineVersion else {
      throw differs("engine version", header.engineVersion, expected.engineVersion)
    }
    guard header.engineVersion == EffectSimVersion.string else {
      throw PartialFileError(
        file: file,
        "written by effectsim \(header.engineVersion); this is \(EffectSimVersion.string),"
          + " which may summarise differently: merge with the version that ran the shards")
    }
    guard SHA256.hash(header.scenarioBytes) == header.scenarioHash else {
      throw PartialFileError(file: file, "damaged: its scenario does not match its SHA-256")
    }
    guard header.scenarioHash == expected.scenarioHash else {
      throw differs(
        "scenario", "SHA-256 " + SHA256.hex(header.scenarioHash).prefix(12) + "…",
        "SHA-256 " + SHA256.hex(expected.scenarioHash).prefix(12) + "…")
    }
    guard header.seed == expected.seed else {
      throw differs("seed", "\(header.seed)", "\(expected.seed)")
    }
    guard header.totalIterations == expected.totalIterations else {
      throw differs(
        "iteration total", "\(header.totalIterations)", "\(expected.totalIterations)")
    }
    guard header.kernel == expected.kernel else {
      throw differs("kernel", header.kernel.rawValue, expected.kernel.rawValue)
    }
    guard header.numericSettings == expected.numericSettings else {
      let keys = Set(header.settings.map(\.key) + expected.settings.map(\.key)).sorted()
        .filter { $0 != PartialHeader.scenarioPathKey }
      let key = keys.first { key in
        header.settings.first { $0.key == key } != expected.settings.first { $0.key == key }
      } ?? "settings"
      let value = { (h: PartialHeader) in h.settings.first { $0.key == key }?.value ?? "none" }
      throw differs(key, value(header), value(expected))
    }
    guard header.columnSets == expected.columnSets else {
      throw PartialFileError(file: file, "other column layout than \(other)")
    }
    guard header.range == header.shard.range(of: header.totalIterations) else {
      throw PartialFileError(
        file: file,
        "damaged: iterations \(header.range.lowerBound)..<\(header.range.upperBound) are not"
          + " shard \(header.shard)'s")
    }
  }

  /// Refuses parts that leave iterations out or hold some twice.
  private static func checkCoverage(_ parts: [Part], total: Int) throws(PartialFileError) {
    let sorted = parts.filter { !$0.header.range.isEmpty }
      .sorted { $0.header.range.lowerBound < $1.header.range.lowerBound }
    var covered = 0
    var previous: Part?
    for part in sorted {
      let range = part.header.range
      if range.lowerBound > covered {
        throw missing(covered..<range.lowerBound, parts)
      }
      if range.lowerBound < covered, let previous {
        let before = previous.header
        throw PartialFileError(
          file: part.source.name,
          "iterations \(range.lowerBound)..<\(range.upperBound) (shard \(part.header.shard))"
            + " overlap \(previous.source.name)'s \(before.range.lowerBound)..<"
            + "\(before.range.upperBound) (shard \(before.shard)); give each shard once")
      }
      covered = range.upperBound
      previous = part
    }
    if covered < total { throw missing(covered..<total, parts) }
  }

  /// No part holds `gap`: say which shards are missing when all parts share a shard count.
  private static func missing(_ gap: Range<Int>, _ parts: [Part]) -> PartialFileError {
    var message = "iterations \(gap.lowerBound)..<\(gap.upperBound) of"
      + " \(parts[0].header.totalIterations) are in no part"
    let counts = Set(parts.map(\.header.shard.count))
    if counts.count == 1, let count = counts.first {
      let total = parts[0].header.totalIterations
      let absent = (0..<count).compactMap { Shard(index: $0, count: count) }.filter { shard in
        let range = shard.range(of: total)
        return !range.isEmpty && gap.overlaps(range)
      }
      let names = absent.prefix(8).map(\.description).joined(separator: ", ")
      message += ": shard\(absent.count == 1 ? "" : "s") \(names)"
        + (absent.count > 8 ? " and \(absent.count - 8) more" : "") + " missing"
    }
    return PartialFileError(file: "", message)
  }
}
