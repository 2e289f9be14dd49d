import Testing

@testable import EffectSim

/// A run whose result storage would not fit is refused before it starts, with the estimate.
@Suite struct ResultMemoryTests {
  @Test func aRunTooLargeForMemoryIsRefusedWithTheEstimate() throws {
    let model = try Fixtures.model(Fixtures.twoState(pIntervention: "0.1", pControl: "0.05"))
    let layout = MetricLayout(model: model)
    let gib: UInt64 = 1 << 30
    // 8 GiB of results against a 16 GiB machine: more than half, refused.
    let iterations = Int(8 * gib) / (8 * layout.count)
    #expect(throws: Never.self) {
      try Simulation.checkMemory(
        layout: layout, iterations: iterations / 2, physicalMemory: 16 * gib)
    }
    do {
      try Simulation.checkMemory(
        layout: layout, iterations: iterations + 1, physicalMemory: 16 * gib)
      Issue.record("expected the run to be refused")
    } catch {
      #expect(error.message.contains("8.0 GiB"), "\(error.message)")
      #expect(error.message.contains("16.0 GiB"), "\(error.message)")
      #expect(error.message.contains("\(layout.count) results each"))
    }
  }

  /// The draws and the sensitivity analysis's columns count too: a run that fits with the
  /// metrics alone is refused when they tip it over.
  @Test func columnsBesideTheMetricsCount() throws {
    let model = try Fixtures.model(Fixtures.twoState(pIntervention: "0.1", pControl: "0.05"))
    let layout = MetricLayout(model: model)
    let gib: UInt64 = 1 << 30
    let iterations = Int(8 * gib) / (8 * layout.count)
    #expect(throws: Never.self) {
      try Simulation.checkMemory(layout: layout, iterations: iterations, physicalMemory: 16 * gib)
    }
    #expect(throws: RunError.self) {
      try Simulation.checkMemory(
        layout: layout, iterations: iterations, extraColumns: 5, physicalMemory: 16 * gib)
    }
  }

  @Test func anOverflowingSizeIsRefused() throws {
    let model = try Fixtures.model(Fixtures.twoState(pIntervention: "0.1", pControl: "0.05"))
    #expect(throws: RunError.self) {
      try Simulation.monteCarlo(model, options: RunOptions(iterations: Int.max / 4))
    }
  }
}
