import Dispatch
import Foundation
import Synchronization

/// Runs a compiled model: the deterministic expected trace, or Monte Carlo iterations in
/// parallel.
public enum Simulation {
  /// Iterations per block. Fixed — never derived from the core count — so that which worker
  /// runs which block cannot change any number.
  static let blockSize = 64

  /// Every parameter at its base value and the expected cohort trace: the spreadsheet reading.
  public static func deterministic(
    _ model: Model, percentiles: [Double]? = nil
  ) throws(RunError) -> RunSummary {
    let clock = ContinuousClock.now
    let layout = MetricLayout(model: model)
    var tables = IterationTables(model: model)
    try tables.setBaseValues(model)
    try tables.prepareIteration(model, iteration: nil)
    var tally = Tally(model: model)
    ExpectedTrace.run(model, tables, into: &tally)
    var amounts = [Double](repeating: 0, count: 2 * model.years * model.targetCount)
    var metrics = [Double](repeating: 0, count: layout.count)
    metrics.withUnsafeMutableBufferPointer { out in
      Accounting.record(
        model, tally, tables, personChargesPriced: false, layout: layout, amounts: &amounts,
        into: out)
    }
    let seconds = clock.duration(to: .now).seconds
    let store = ResultStore(metrics: layout.count, iterations: 1)
    defer { store.deallocate() }
    for (m, value) in metrics.enumerated() { store.column(m)[0] = value }
    let settings = RunSettings(
      mode: .deterministic, iterations: 1, seed: 0, pairing: model.pairing.rawValue,
      percentileLevels: percentiles ?? model.percentiles)
    let run = RunInfo(
      engineVersion: EffectSimVersion.string, threads: 1, seconds: seconds,
      personCycles: tally.personCycles,
      personCyclesPerSecond: seconds > 0 ? tally.personCycles / seconds : 0, kernel: "expected")
    return Summarizer.summarize(model, layout: layout, store: store, settings: settings, run: run)
  }

  /// Monte Carlo: `options.iterations` simulated futures of the cohort, summarised.
  /// - Throws: `RunError` for the lowest iteration whose numbers fail, whatever the thread
  ///   count; or when the result storage would not fit in memory.
  public static func monteCarlo(_ model: Model, options: RunOptions) throws(RunError) -> RunSummary {
    let clock = ContinuousClock.now
    let layout = MetricLayout(model: model)
    let iterations = options.iterations
    try checkMemory(layout: layout, iterations: iterations)
    let store = ResultStore(metrics: layout.count, iterations: iterations)
    defer { store.deallocate() }
    let record = ParameterRecord(model: model)
    let draws = ResultStore(metrics: record.slots.count, iterations: iterations)
    defer { draws.deallocate() }
    let threads = max(1, min(options.threads ?? ProcessInfo.processInfo.activeProcessorCount, 512))
    let blocks = (iterations + blockSize - 1) / blockSize
    let shared = SharedRunState(blocks: blocks, iterations: iterations)

    DispatchQueue.concurrentPerform(iterations: threads) { _ in
      var worker = Worker(model: model, layout: layout)
      while true {
        let block = shared.nextBlock.add(1, ordering: .relaxed).oldValue
        guard block < blocks else { break }
        let first = block * blockSize
        // Blocks after a known failure are skipped; earlier ones still run, so the failure
        // reported is always the lowest failing iteration.
        if first >= shared.failedAt.load(ordering: .relaxed) { continue }
        for iteration in first..<min(first + blockSize, iterations) {
          do throws(RunError) {
            try worker.iterate(iteration, seed: options.seed, store: store)
            record.write(worker.tables.values, into: draws, iteration: iteration)
          } catch {
            shared.recordFailure(error, at: iteration)
            break
          }
        }
        let done = shared.done.add(min(blockSize, iterations - first), ordering: .relaxed)
          .newValue
        options.progress?(done)
        shared.personCycles.withLock { $0[block] = worker.blockPersonCycles }
        worker.blockPersonCycles = 0
      }
    }
    if let failure = shared.failure.withLock({ $0 }) { throw failure.error }

    let seconds = clock.duration(to: .now).seconds
    let personCycles = shared.personCycles.withLock { $0.reduce(0, +) }
    let settings = RunSettings(
      mode: .montecarlo, iterations: iterations, seed: options.seed,
      pairing: model.pairing.rawValue, percentileLevels: options.percentiles ?? model.percentiles)
    let run = RunInfo(
      engineVersion: EffectSimVersion.string, threads: threads, seconds: seconds,
      personCycles: personCycles,
      personCyclesPerSecond: seconds > 0 ? personCycles / seconds : 0, kernel: "individual")
    return Summarizer.summarize(
      model, layout: layout, store: store, settings: settings, run: run, parameterDraws: draws)
  }

  /// Bytes of result storage a run needs.
  public static func resultBytes(_ model: Model, iterations: Int) -> Int {
    MetricLayout(model: model).count.multipliedReportingOverflow(by: iterations * 8).partialValue
  }

  /// Refuses, before any work, a run whose results would not fit in memory.
  static func checkMemory(layout: MetricLayout, iterations: Int) throws(RunError) {
    let (bytes, overflow) = layout.count.multipliedReportingOverflow(by: iterations)
    let limit = Double(ProcessInfo.processInfo.physicalMemory) * 0.5
    let needed = Double(bytes) * 8
    if overflow || needed > limit {
      let gib = { (x: Double) in String(format: "%.1f GiB", x / 1_073_741_824) }
      throw RunError(
        path: "", message: "\(iterations) iterations need about \(gib(needed)) for"
          + " \(layout.count) results each, more than half this machine's memory"
          + " (\(gib(limit * 2))); use fewer iterations", iteration: nil)
    }
  }
}

extension Duration {
  var seconds: Double {
    Double(components.seconds) + Double(components.attoseconds) * 1e-18
  }
}

/// State the workers share: the block counter, progress, and the first failure.
private final class SharedRunState: Sendable {
  let nextBlock = Atomic<Int>(0)
  let done = Atomic<Int>(0)
  let failedAt: Atomic<Int>
  let failure = Mutex<(iteration: Int, error: RunError)?>(nil)
  /// Per block, summed in block order afterwards so the total never depends on threads.
  let personCycles: Mutex<[Double]>

  init(blocks: Int, iterations: Int) {
    failedAt = Atomic(iterations)
    personCycles = Mutex([Double](repeating: 0, count: blocks))
  }

  func recordFailure(_ error: RunError, at iteration: Int) {
    failure.withLock { current in
      if let known = current, known.iteration <= iteration { return }
      current = (iteration, error)
    }
    failedAt.min(iteration, ordering: .relaxed)
  }
}

/// One worker's scratch: allocated once per worker, reused for every iteration it runs.
private struct Worker {
  let model: Model
  let layout: MetricLayout
  var tables: IterationTables
  var tally: Tally
  var kernel: IndividualKernel
  var amounts: [Double]
  var metrics: [Double]
  var blockPersonCycles = 0.0

  init(model: Model, layout: MetricLayout) {
    self.model = model
    self.layout = layout
    tables = IterationTables(model: model)
    tally = Tally(model: model)
    kernel = IndividualKernel(model: model)
    amounts = [Double](repeating: 0, count: 2 * model.years * model.targetCount)
    metrics = [Double](repeating: 0, count: layout.count)
  }

  mutating func iterate(_ iteration: Int, seed: UInt64, store: ResultStore) throws(RunError) {
    var rng = Xoshiro256PlusPlus(seed: seed, stream: UInt64(iteration))
    try tables.drawIterationParameters(model, &rng, iteration: iteration)
    try tables.prepareIteration(model, iteration: iteration)
    tally.reset()
    try kernel.run(model, &tables, &rng, into: &tally, iteration: iteration)
    let (model, tally, tables, layout) = (self.model, self.tally, self.tables, self.layout)
    metrics.withUnsafeMutableBufferPointer { out in
      Accounting.record(
        model, tally, tables, personChargesPriced: true, layout: layout, amounts: &amounts,
        into: out)
    }
    for (m, value) in metrics.enumerated() { store.write(value, metric: m, iteration: iteration) }
    blockPersonCycles += tally.personCycles
  }
}
