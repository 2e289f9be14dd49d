import Foundation

/// What a merge holds in memory, known from the headers before any column is read, and the
/// threads that fit.
extension PartialMerge {
  /// Bytes of the merge's process beyond its columns: the program, the compiled model, the
  /// parts' headers and the summary (measured at about 22 MB; counted high).
  static let baseBytes = 48 << 20

  /// The most bytes the merge holds at once with `threads` threads.
  ///
  /// The largest of: one column (8 bytes × iterations) per thread for the column statistics;
  /// the risk-driver analysis (`SensitivityAnalysis.peakBytes`, on one thread); the two
  /// targets the variance split pairs. Plus, with `keepDraws`, the copies of the draws and
  /// targets that `--draws` writes, and one column lent while they are copied.
  /// - Complexity: O(1).
  public func memoryNeeded(threads: Int, keepDraws: Bool = false) -> Int {
    let n = iterations
    let column = MemoryEstimate.multiply(n, MemoryLayout<Double>.stride)
    let metrics = parts.first?.header.columnSets.first?.columns ?? 1
    let statistics = MemoryEstimate.multiply(column, max(1, min(threads, metrics)))
    let analysis = SensitivityAnalysis.peakBytes(
      iterations: n, columns: model.iterationDraws.count + model.payback.count,
      rankCache: rankCache)
    let split = layout.cohorts == 2 ? MemoryEstimate.multiply(column, 2) : 0
    var bytes = max(statistics, max(analysis, split))
    if keepDraws {
      let copies = ParameterRecord(model: model).slots.count + layout.cohorts * model.payback.count
      bytes = MemoryEstimate.add(bytes, MemoryEstimate.multiply(column, copies + 1))
    }
    let headers = parts.reduce(0) { $0 + $1.headerLength }
    return MemoryEstimate.add(bytes, Self.baseBytes + headers)
  }

  /// The threads to merge with: `requested`, or every core when none is, reduced to what fits
  /// in half the machine's memory (the rule a run follows).
  /// - Parameters:
  ///   - requested: `--threads`, if given; it is never reduced silently.
  ///   - physicalMemory: bytes of memory; default this machine's.
  ///   - cores: default this machine's active processors.
  /// - Throws: `PartialFileError` (`.data`) when the merge does not fit with one thread, or
  ///   `requested` does not fit, saying how much it needs and what would fit.
  public func threads(
    requested: Int?, keepDraws: Bool = false,
    physicalMemory: UInt64 = ProcessInfo.processInfo.physicalMemory,
    cores: Int = ProcessInfo.processInfo.activeProcessorCount
  ) throws(PartialFileError) -> Int {
    let limit = Int(min(physicalMemory / 2, UInt64(Int.max)))
    let wanted = max(1, requested ?? min(max(cores, 1), 1024))
    func fits(_ threads: Int) -> Bool {
      memoryNeeded(threads: threads, keepDraws: keepDraws) <= limit
    }
    if fits(wanted) { return wanted }
    guard fits(1) else {
      throw refusal(
        threads: 1, limit: limit, keepDraws: keepDraws,
        advice: keepDraws
          ? "merge without --draws, which keeps every draw and target in memory, or on a"
            + " machine with more memory"
          : "merge on a machine with more memory")
    }
    var most = 1
    while most + 1 < wanted, fits(most + 1) { most += 1 }
    if requested == nil { return most }
    throw refusal(
      threads: wanted, limit: limit, keepDraws: keepDraws,
      advice: "use --threads \(most) or fewer (each thread holds a column)")
  }

  private func refusal(
    threads: Int, limit: Int, keepDraws: Bool, advice: String
  ) -> PartialFileError {
    let gib = { (bytes: Int) in String(format: "%.1f GiB", Double(bytes) / 1_073_741_824) }
    let needed = memoryNeeded(threads: threads, keepDraws: keepDraws)
    let column = MemoryEstimate.multiply(iterations, MemoryLayout<Double>.stride)
    let analysis = SensitivityAnalysis.peakBytes(
      iterations: iterations, columns: model.iterationDraws.count + model.payback.count,
      rankCache: rankCache)
    let draws = keepDraws ? "; every draw and target for --draws" : ""
    return PartialFileError(
      file: "",
      "this merge needs about \(gib(needed)) with \(threads) thread\(threads == 1 ? "" : "s")"
        + " (\(gib(column)) per column of \(iterations) iterations, one per thread;"
        + " \(gib(analysis)) for the risk-driver analysis\(draws)), more than half this"
        + " machine's memory (\(gib(limit * 2))); \(advice)")
  }
}
