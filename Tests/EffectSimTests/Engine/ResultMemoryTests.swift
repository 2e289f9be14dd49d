import Testing

@testable import EffectSim

/// A run that would not fit in memory is refused before it starts, with the estimate; the
/// estimate counts every structure a run allocates, the workers' tables included.
@Suite struct ResultMemoryTests {
  @Test func aRunTooLargeForMemoryIsRefusedWithTheEstimate() throws {
    let model = try Fixtures.model(Fixtures.twoState(pIntervention: "0.1", pControl: "0.05"))
    let numbers = MemoryEstimate(model, iterations: 1, threads: 1, kernel: nil)
      .numbersPerIteration
    let gib: UInt64 = 1 << 30
    // 8 GiB of results against a 16 GiB machine: more than half, refused.
    let iterations = Int(8 * gib) / (8 * numbers)
    #expect(throws: Never.self) {
      try Simulation.checkMemory(
        MemoryEstimate(model, iterations: iterations / 2, threads: 1, kernel: .individual),
        physicalMemory: 16 * gib)
    }
    do {
      try Simulation.checkMemory(
        MemoryEstimate(model, iterations: iterations + 1, threads: 1, kernel: .individual),
        physicalMemory: 16 * gib)
      Issue.record("expected the run to be refused")
    } catch {
      #expect(error.message.contains("8.0 GiB"), "\(error.message)")
      #expect(error.message.contains("16.0 GiB"), "\(error.message)")
      #expect(error.message.contains("\(numbers) results each"))
      #expect(error.message.contains("use fewer iterations"))
    }
  }

  /// The draws and the sensitivity analysis's columns count too: a run that fits with the
  /// metrics alone is refused when they tip it over.
  @Test func columnsBesideTheMetricsCount() throws {
    let model = try Fixtures.model(Fixtures.twoState(pIntervention: "0.1", pControl: "0.05"))
    let layout = MetricLayout(model: model)
    let iterations = 1_000_000
    func estimate(_ extra: Int) -> MemoryEstimate {
      MemoryEstimate(
        model, layout: layout, iterations: iterations, extraColumns: extra, threads: 1,
        kernel: .individual)
    }
    let bare = estimate(0)
    let withExtra = estimate(5)
    #expect(bare.numbersPerIteration == layout.count)
    #expect(withExtra.results - bare.results == 5 * 8 * iterations)
    // A machine with exactly twice the bare run's bytes admits it and refuses the other.
    let memory = UInt64(2 * bare.total)
    #expect(throws: Never.self) {
      try Simulation.checkMemory(bare, physicalMemory: memory)
    }
    #expect(throws: RunError.self) {
      try Simulation.checkMemory(withExtra, physicalMemory: memory)
    }
  }

  @Test func anOverflowingSizeIsRefused() throws {
    let model = try Fixtures.model(Fixtures.twoState(pIntervention: "0.1", pControl: "0.05"))
    #expect(throws: RunError.self) {
      try Simulation.monteCarlo(model, options: RunOptions(iterations: Int.max / 4))
    }
  }
}

/// The estimate counts what a worker really allocates: every array reachable from a worker
/// (its tables, tally, kernel scratch and block buffers), summed by walking its stored
/// properties, never exceeds the estimate's share for it.
@Suite struct WorkerMemoryTests {
  /// Bytes of the arrays reachable from `value`; numeric arrays by count, others walked.
  static func arrayBytes(_ value: Any) -> Int {
    switch value {
    case let array as [Double]: return array.count * 8
    case let array as [Int]: return array.count * 8
    case let array as [UInt64]: return array.count * 8
    case let array as [Int32]: return array.count * 4
    case let array as [Bool]: return array.count
    default:
      let mirror = Mirror(reflecting: value)
      let own = mirror.displayStyle == .collection ? mirror.children.count * 8 : 0
      return own + mirror.children.reduce(0) { $0 + arrayBytes($1.value) }
    }
  }

  static let scenarios: [(String, String)] = [
    ("two states", Fixtures.twoState(pIntervention: "0.1", pControl: "0.05")),
    (
      "person scope, windows, yearly",
      Fixtures.twoState(
        pIntervention: "reach(share, 4)", pControl: "0.05",
        parameters: """
          {"share": {"beta": {"successes": 3, "trials": 10}},
           "level": {"discrete": {"values": [1, 2, 3], "weights": [1, 1, 2]}, "scope": "person"}}
          """, years: 40, cycle: "year",
        extra: ", \"report\": {\"occupancyAt\": [1, 5, 17]}"
      ).replacingOccurrences(of: "\"perCycle\": 1000", with: "\"perCycle\": \"level\"")
    ),
  ]

  @Test(arguments: scenarios.indices, [Kernel.individual, .aggregated])
  func theEstimateCoversAWorker(index: Int, kernel: Kernel) throws {
    let model = try Fixtures.model(Self.scenarios[index].1)
    let worker = try Worker(model: model, layout: MetricLayout(model: model), kernel: kernel)
    let actual = Self.arrayBytes(worker)
    let estimate = MemoryEstimate(model, iterations: 1, threads: 1, kernel: kernel).perWorker
    #expect(actual <= estimate, "\(Self.scenarios[index].0), \(kernel)")
    // An estimate is useful only if it is not wildly high either.
    #expect(estimate < 20 * actual + 200_000, "\(Self.scenarios[index].0), \(kernel)")
  }

  /// Case 2: the per-worker tables grow with horizon × states² and with threads; a run whose
  /// workers alone would not fit is refused before they allocate, saying so.
  @Test func workerTablesCountTowardsTheLimit() throws {
    var states = (0..<200).map { "{\"id\": \"s\($0)\"}" }
    states[0] = "{\"id\": \"benefit\", \"costs\": [{\"area\": \"A\", \"perCycle\": 1}]}"
    let json = Fixtures.twoState(pIntervention: "0.1", pControl: "0.05", years: 100)
      .replacingOccurrences(
        of: "{\"id\": \"job\", \"outcomes\": {\"employed\": 1}}",
        with: "{\"id\": \"job\"}, " + states.dropFirst(2).joined(separator: ", "))
    let model = try Fixtures.model(json)
    let estimate = MemoryEstimate(model, iterations: 1000, threads: 8, kernel: .aggregated)
    // Groups alone: 1,201 entry slots × 200² joint states × 8 bytes per worker.
    #expect(estimate.perWorker > 1201 * 200 * 200 * 8)
    do {
      try Simulation.checkMemory(estimate, physicalMemory: 4 << 30)
      Issue.record("expected the run to be refused")
    } catch {
      #expect(error.message.contains("8 worker threads"), "\(error.message)")
      #expect(error.message.contains("fewer threads"), "\(error.message)")
    }
    // `auto` does not choose a kernel whose scratch alone is that large.
    #expect(KernelCostModel.choose(model) == .individual)
  }
}
