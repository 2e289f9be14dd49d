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
    try checkMemory(MemoryEstimate(model, iterations: 1, threads: 1, kernel: nil))
    let (metrics, personCycles) = try expectedMetrics(model, layout: layout)
    let seconds = clock.duration(to: .now).seconds
    let store = ResultStore(metrics: layout.count, iterations: 1)
    defer { store.deallocate() }
    for (m, value) in metrics.enumerated() { store.column(m)[0] = value }
    let settings = RunSettings(
      mode: .deterministic, iterations: 1, seed: 0, pairing: model.pairing.rawValue,
      percentileLevels: percentiles ?? model.percentiles)
    let run = RunInfo(
      engineVersion: EffectSimVersion.string, threads: 1, seconds: seconds,
      personCycles: personCycles,
      personCyclesPerSecond: seconds > 0 ? personCycles / seconds : 0, kernel: "expected")
    return try Summarizer.summarize(
      model, layout: layout, columns: RunStores(metrics: store, parameterDraws: nil),
      settings: settings, run: run)
  }

  /// One deterministic reading's metrics: every parameter at its base value, except the one
  /// `override` sets, and the expected cohort trace.
  /// - Parameter override: a parameter slot and its value; derived parameters follow it.
  /// - Returns: the metrics laid out by `layout`, and the person-cycles of the trace.
  static func expectedMetrics(
    _ model: Model, layout: MetricLayout, override: (slot: Int, value: Double)? = nil
  ) throws(RunError) -> (metrics: [Double], personCycles: Double) {
    var tables = IterationTables(model: model)
    try tables.setBaseValues(model, override: override)
    try tables.prepareIteration(model, iteration: nil)
    var tally = Tally(model: model)
    ExpectedTrace.run(model, KernelPlan(model: model), tables, into: &tally)
    var amounts = [Double](repeating: 0, count: 2 * model.years * model.targetCount)
    var metrics = [Double](repeating: 0, count: layout.count)
    try metrics.withUnsafeMutableBufferPointer { out throws(RunError) in
      Accounting.record(
        model, tally, tables, personChargesPriced: false, layout: layout, amounts: &amounts,
        into: out)
      try Accounting.requireFinite(
        model, tables, layout: layout, amounts: amounts, metrics: out, iteration: nil)
    }
    return (metrics, tally.personCycles)
  }

  /// Monte Carlo: `options.iterations` simulated futures of the cohort, summarised; with
  /// `options.precision`, as many as the precision needs (`PrecisionRule`), up to that cap.
  /// - Throws: `RunError` for the lowest iteration whose numbers fail, whatever the thread
  ///   count; when the result storage would not fit in memory; or when `options.kernel` asks
  ///   for the aggregated kernel on a scenario it cannot simulate exactly.
  public static func monteCarlo(_ model: Model, options: RunOptions) throws(RunError) -> RunSummary {
    try monteCarlo(model, options: options) { stores, layout, run throws(RunError) in
      var settings = settings(model, options)
      settings.iterations = stores.iterations
      // Before the summary, which reorders the columns in place.
      settings.precision = options.precision.map { target in
        let largest = PrecisionRule.largestPaybackError(
          model, layout: layout, store: stores.metrics)
        return PrecisionOutcome(
          target: target, cap: options.iterations, reached: largest <= target,
          largestError: largest)
      }
      return try Summarizer.summarize(
        model, layout: layout, columns: stores, settings: settings, run: run,
        keepDraws: options.keepDraws)
    }
  }

  /// The settings a Monte Carlo run with `options` reports.
  static func settings(_ model: Model, _ options: RunOptions) -> RunSettings {
    RunSettings(
      mode: .montecarlo, iterations: options.iterations, seed: options.seed,
      pairing: model.pairing.rawValue, percentileLevels: options.percentiles ?? model.percentiles,
      varianceSplit: options.varianceSplit)
  }

  /// The kernel a run with `choice` uses for `model`.
  /// - Throws: `RunError` when `choice` is `.aggregated` or `.jump` and that kernel cannot
  ///   simulate `model` exactly; the message says why.
  public static func kernel(for model: Model, choice: KernelChoice) throws(RunError) -> Kernel {
    switch choice {
    case .individual: return .individual
    case .auto: return KernelCostModel.choose(model)
    case .aggregated:
      if let reason = PersonStrata.unsupportedReason(model) {
        throw RunError(
          path: "", message: "the aggregated kernel cannot simulate this scenario exactly: "
            + reason, iteration: nil)
      }
      return .aggregated
    case .jump:
      if let reason = JumpKernel.unsupportedReason(model) {
        throw RunError(
          path: "", message: "the jump kernel cannot simulate this scenario: " + reason,
          iteration: nil)
      }
      return .jump
    }
  }

  /// Runs the iterations and hands the filled result storage to `finish` on the calling thread.
  ///
  /// Without `options.precision`, iterations `0..<options.iterations` (or a shard's `range`).
  /// With it, checkpoint by checkpoint (`PrecisionRule`): the stores reserve room for the cap
  /// and grow to each checkpoint, which runs only the iterations it adds; iteration i's
  /// numbers depend only on (seed, i), never on the checkpoints, and each decision to go on
  /// reads only the first iterations, so the count and every number are the same on any
  /// thread count.
  /// - Parameter range: a shard's iterations, within `0..<options.iterations`, written out
  ///   rather than summarised; `nil` (the default) runs them all. Row *r* of the stores holds
  ///   iteration `range.lowerBound + r`, drawn from the same stream as in a run of all
  ///   iterations. A shard runs its whole range: `options.precision` must be `nil`.
  static func monteCarlo<Result: Sendable>(
    _ model: Model, options: RunOptions, range: Range<Int>? = nil,
    finish: (RunStores, MetricLayout, RunInfo) throws(RunError) -> Result
  ) throws(RunError) -> Result {
    let clock = ContinuousClock.now
    let layout = MetricLayout(model: model, cohorts: options.varianceSplit ? 2 : 1)
    let shard = range != nil
    precondition(!shard || options.precision == nil, "a shard runs its whole range")
    let range = range ?? 0..<options.iterations
    precondition(range.lowerBound >= 0 && range.upperBound <= options.iterations)
    let threads = max(1, min(options.threads ?? ProcessInfo.processInfo.activeProcessorCount, 512))
    // Beside the metrics: the recorded draws, what the risk-driver analysis holds at its peak
    // (a sorted column and the rank columns it keeps, `SensitivityAnalysis.peakBytes`, in
    // columns of 8 bytes, one more for the rounding), and the copy `keepDraws` makes of the
    // draws and targets. A shard writes its columns out instead of summarising them: it holds the
    // recorded draws alone.
    let recorded = ParameterRecord(model: model).slots.count
    let column = MemoryEstimate.multiply(max(1, range.count), MemoryLayout<Double>.stride)
    let analysis = SensitivityAnalysis.peakBytes(
      iterations: range.count, columns: model.iterationDraws.count + model.payback.count)
    let extraColumns = shard
      ? recorded
      : recorded + analysis / column + 1
        + (options.keepDraws ? recorded + layout.cohorts * model.payback.count : 0)
    // The whole range (with a precision target, the cap): the most the run can need, known
    // before it starts. What every run needs is checked before choosing the kernel (which
    // evaluates the tables), the chosen kernel's scratch after: nothing is allocated that the
    // check did not count.
    func checkMemory(kernel: Kernel?) throws(RunError) {
      do throws(RunError) {
        try Self.checkMemory(
          MemoryEstimate(
            model, layout: layout, iterations: range.count, extraColumns: extraColumns,
            threads: threads, kernel: kernel))
      } catch {
        guard options.precision != nil else { throw error }
        var refusal = error
        refusal.message += "; with a precision target the iteration count is the cap, and room"
          + " for all of it is reserved before the run"
        throw refusal
      }
    }
    try checkMemory(kernel: nil)
    let kernel = try kernel(for: model, choice: options.kernel)
    try checkMemory(kernel: kernel)
    // Workers hand in whole blocks under the lock; the stores (metrics, and the iteration-scope
    // parameter draws for the assumptions register) are reachable only through it, so the
    // compiler checks that no two threads touch them at once.
    let record = ParameterRecord(model: model)
    let results = Mutex((
      metrics: ResultStore(metrics: layout.count, capacity: range.count),
      draws: ResultStore(metrics: record.slots.count, capacity: range.count)))
    defer { results.withLock { $0.metrics.deallocate(); $0.draws.deallocate() } }

    // Each worker gets its own compiled copy of the model, compiled here one after the other
    // so that no two workers' objects share a cache line: the model's arrays are retained and
    // released per person (parameter draws, expressions), and reference counts written from
    // two cores would bounce their cache line between them.
    let models = [model] + (1..<threads).map { _ in (try? Model(model.scenario)) ?? model }

    var done = range.lowerBound
    var personCycles = 0.0
    while done < range.upperBound {
      let target = options.precision == nil
        ? range.upperBound : PrecisionRule.checkpoint(after: done, cap: range.upperBound)
      options.target?(target - range.lowerBound)
      results.withLock { stores in
        stores.metrics.extend(to: target - range.lowerBound)
        stores.draws.extend(to: target - range.lowerBound)
      }
      personCycles += try run(
        done..<target, firstRow: range.lowerBound, models: models, layout: layout,
        kernel: kernel, options: options, into: results)
      done = target
      if let precision = options.precision, done < range.upperBound {
        let largest = results.withLock { stores in
          PrecisionRule.largestPaybackError(model, layout: layout, store: stores.metrics)
        }
        if largest <= precision { break }
      }
    }

    let seconds = clock.duration(to: .now).seconds
    let run = RunInfo(
      engineVersion: EffectSimVersion.string, threads: threads, seconds: seconds,
      personCycles: personCycles,
      personCyclesPerSecond: seconds > 0 ? personCycles / seconds : 0, kernel: kernel.rawValue)
    return try results.withLock { stores throws(RunError) in
      try finish(RunStores(metrics: stores.metrics, parameterDraws: stores.draws), layout, run)
    }
  }

  /// Runs the iterations of `range` on one worker per model; iteration i goes to row
  /// i − `firstRow` of the stores.
  /// - Returns: the person-cycles simulated, summed in block order.
  /// - Throws: `RunError` for the lowest failing iteration of `range`, whatever the threads.
  private static func run(
    _ range: Range<Int>, firstRow: Int, models: [Model], layout: MetricLayout, kernel: Kernel,
    options: RunOptions, into results: borrowing Mutex<(metrics: ResultStore, draws: ResultStore)>
  ) throws(RunError) -> Double {
    let blocks = (range.count + blockSize - 1) / blockSize
    let shared = SharedRunState(blocks: blocks, end: range.upperBound)
    DispatchQueue.concurrentPerform(iterations: models.count) { index in
      let model = models[index]
      var worker: Worker
      do throws(PersonStrata.Unsupported) {
        worker = try Worker(model: model, layout: layout, kernel: kernel)
      } catch {
        // `kernel(for:choice:)` has ruled this out.
        shared.recordFailure(
          RunError(path: "", message: error.message, iteration: nil), at: range.lowerBound)
        return
      }
      while true {
        let block = shared.nextBlock.add(1, ordering: .relaxed).oldValue
        guard block < blocks else { break }
        let first = range.lowerBound + block * blockSize
        // Blocks after a known failure are skipped; earlier ones still run, so the failure
        // reported is always the lowest failing iteration.
        if first >= shared.failedAt.load(ordering: .relaxed) { continue }
        let count = min(blockSize, range.upperBound - first)
        for offset in 0..<count {
          do throws(RunError) {
            try worker.iterate(model, first + offset, seed: options.seed, slot: offset)
          } catch {
            shared.recordFailure(error, at: first + offset)
            break
          }
        }
        results.withLock { stores in
          worker.blockMetrics.withUnsafeBufferPointer { values in
            stores.metrics.write(block: values, first: first - firstRow, count: count)
          }
          worker.blockDraws.withUnsafeBufferPointer { values in
            stores.draws.write(block: values, first: first - firstRow, count: count)
          }
        }
        let done = shared.done.add(count, ordering: .relaxed).newValue
        options.progress?(range.lowerBound - firstRow + done)
        shared.personCycles.withLock { $0[block] = worker.blockPersonCycles }
        worker.blockPersonCycles = 0
      }
    }
    if let failure = shared.failure.withLock({ $0 }) { throw failure.error }
    return shared.personCycles.withLock { $0.reduce(0, +) }
  }

  /// Bytes of result storage a run needs.
  public static func resultBytes(_ model: Model, iterations: Int) -> Int {
    MemoryEstimate(model, iterations: iterations, threads: 1, kernel: nil).results
  }

  /// Refuses, before any work, a run that would not fit in half the machine's memory.
  /// - Parameter physicalMemory: bytes of memory of the machine; default this machine's.
  /// - Throws: `RunError` with the estimate, its parts and what to change.
  static func checkMemory(
    _ estimate: MemoryEstimate,
    physicalMemory: UInt64 = ProcessInfo.processInfo.physicalMemory
  ) throws(RunError) {
    let limit = Double(physicalMemory) * 0.5
    let needed = Double(estimate.total)
    guard needed > limit else { return }
    let gib = { (x: Double) in String(format: "%.1f GiB", x / 1_073_741_824) }
    let workers = Double(estimate.perWorker) * Double(estimate.threads)
    let advice: String
    if Double(estimate.results) >= workers {
      advice = "use fewer iterations"
    } else if estimate.threads > 1, Double(estimate.results + estimate.perWorker) <= limit {
      advice = "use fewer threads (--threads)"
    } else {
      advice = "the scenario's tables are too large for this machine: fewer states, transition"
        + " windows or years"
    }
    let threads =
      estimate.threads == 1 ? "the worker thread" : "each of \(estimate.threads) worker threads"
    throw RunError(
      path: "", message: "this run needs about \(gib(needed)): \(gib(Double(estimate.results)))"
        + " for the results (\(estimate.iterations) iterations, \(estimate.numbersPerIteration)"
        + " results each) and \(gib(Double(estimate.perWorker))) for \(threads), more than half"
        + " this machine's memory (\(gib(limit * 2))); \(advice)", iteration: nil)
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

  /// - Parameter end: the iteration after the last of the run; no failure yet is below it.
  init(blocks: Int, end: Int) {
    failedAt = Atomic(end)
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
///
/// The model is passed to each call rather than stored: a stored model is copied — every array
/// in it retained and released — wherever it is passed while another part of the worker is
/// being mutated.
struct Worker {
  let layout: MetricLayout
  var tables: IterationTables
  var tally: Tally
  /// The kernel in use; the others are `nil`.
  var individual: IndividualKernel?
  var aggregated: AggregatedKernel?
  var jump: JumpKernel?
  var amounts: [Double]
  /// The metrics of the current block, iteration by iteration.
  var blockMetrics: [Double]
  /// The iteration-scope parameter values of the current block, for the assumptions register.
  let record: ParameterRecord
  var blockDraws: [Double]
  var blockPersonCycles = 0.0
  /// The second cohort's metrics (`--variance-split`), of which only the targets are kept.
  var secondCohort: [Double]

  init(model: Model, layout: MetricLayout, kernel: Kernel) throws(PersonStrata.Unsupported) {
    self.layout = layout
    tables = IterationTables(model: model)
    tally = Tally(model: model)
    switch kernel {
    case .individual: individual = IndividualKernel(model: model)
    case .aggregated: aggregated = try AggregatedKernel(model: model)
    case .jump: jump = try JumpKernel(model: model)
    }
    amounts = [Double](repeating: 0, count: 2 * model.years * model.targetCount)
    blockMetrics = [Double](repeating: 0, count: Simulation.blockSize * layout.count)
    record = ParameterRecord(model: model)
    blockDraws = [Double](repeating: 0, count: Simulation.blockSize * record.slots.count)
    secondCohort = [Double](repeating: 0, count: layout.cohorts == 2 ? layout.count : 0)
  }

  /// Simulates the cohort of `iteration` into `tally`: its draws, its tables, the kernel.
  /// - Parameters:
  ///   - model: the model the worker was made for.
  ///   - replicate: which independent cohort of the iteration (see `IterationStreams`);
  ///     default 0, the run itself.
  mutating func simulate(
    _ model: Model, _ iteration: Int, seed: UInt64, replicate: Int = 0
  ) throws(RunError) {
    let streams = IterationStreams(seed: seed, iteration: iteration, replicate: replicate)
    try tables.drawIterationParameters(model, streams, iteration: iteration)
    try tables.prepareIteration(model, iteration: iteration)
    tally.reset()
    // Optional chaining mutates the kernel in place: no copy of its scratch.
    try individual?.run(model, &tables, streams, into: &tally, iteration: iteration)
    try aggregated?.run(model, &tables, streams, into: &tally, iteration: iteration)
    try jump?.run(model, &tables, streams, into: &tally, iteration: iteration)
  }

  /// Simulates `iteration` and records its metrics in row `slot` of the block.
  mutating func iterate(
    _ model: Model, _ iteration: Int, seed: UInt64, slot: Int
  ) throws(RunError) {
    try simulate(model, iteration, seed: seed)
    record.copy(tables.values, into: &blockDraws, row: slot)
    // The block and the scratch move out of `self` for the call, so the model, tally and
    // tables are passed in place: copying them into locals would retain every array they hold.
    var block: [Double] = []
    var scratch: [Double] = []
    swap(&block, &blockMetrics)
    swap(&scratch, &amounts)
    let recorded = Result { () throws(RunError) in
      try Self.record(
        model, tally, tables, layout, amounts: &scratch, block: &block, slot: slot,
        iteration: iteration)
    }
    swap(&block, &blockMetrics)
    swap(&scratch, &amounts)
    try recorded.get()
    blockPersonCycles += tally.personCycles
    if layout.cohorts == 2 { try simulateSecondCohort(model, iteration, seed: seed, slot: slot) }
  }

  /// `--variance-split`: the same iteration again as replicate 1 (the same iteration-scope
  /// draws, other people), keeping only each payback definition's target, in row `slot`.
  private mutating func simulateSecondCohort(
    _ model: Model, _ iteration: Int, seed: UInt64, slot: Int
  ) throws(RunError) {
    try simulate(model, iteration, seed: seed, replicate: 1)
    var row: [Double] = []
    var scratch: [Double] = []
    swap(&row, &secondCohort)
    swap(&scratch, &amounts)
    let recorded = Result { () throws(RunError) in
      try Self.record(
        model, tally, tables, layout, amounts: &scratch, block: &row, slot: 0,
        iteration: iteration)
    }
    swap(&row, &secondCohort)
    swap(&scratch, &amounts)
    try recorded.get()
    let offset = slot * layout.count
    for definition in 0..<layout.paybacks {
      blockMetrics[offset + layout.secondCohortTarget(definition)] =
        secondCohort[layout.target(definition)]
    }
    blockPersonCycles += tally.personCycles
  }

  /// `Accounting.record` into row `slot` of `block`; a static function so that its closure
  /// borrows its arguments instead of capturing (and copying out of) the worker.
  private static func record(
    _ model: Model, _ tally: Tally, _ tables: IterationTables, _ layout: MetricLayout,
    amounts: inout [Double], block: inout [Double], slot: Int, iteration: Int
  ) throws(RunError) {
    let width = layout.count
    try block.withUnsafeMutableBufferPointer { block throws(RunError) in
      let row = UnsafeMutableBufferPointer(rebasing: block[slot * width..<(slot + 1) * width])
      Accounting.record(
        model, tally, tables, personChargesPriced: true, layout: layout, amounts: &amounts,
        into: row)
      try Accounting.requireFinite(
        model, tables, layout: layout, amounts: amounts, metrics: row, iteration: iteration)
    }
  }
}
