import Testing

@testable import EffectSim

/// Runs to a stated precision: where they may stop, that they stop where the rule says, and
/// that the count and the numbers do not depend on threads.
@Suite("Runs to a stated precision")
struct PrecisionRunTests {
  /// Pays back (cumulative net impact ≤ 0) in year 1 exactly when u ≤ 0.5, and never later:
  /// every payback probability is 0.5. Nobody moves, so the arms cost the same.
  static let halfPayback = Fixtures.twoState(
    pIntervention: "0", pControl: "0",
    parameters: #"{"u": {"uniform": {"min": 0, "max": 1}}}"#,
    extra: #"""
      , "lineItems": [{"label": "bet", "area": "Overførsler",
                       "byYear": {"2020": "1000 * (u - 0.5)"}}]
      """#)

  @Test func checkpointsDoubleFrom10000UpToTheCap() {
    #expect(PrecisionRule.checkpoints(cap: 1_000_000) == [
      10_000, 20_000, 40_000, 80_000, 160_000, 320_000, 640_000, 1_000_000,
    ])
    #expect(PrecisionRule.checkpoints(cap: 25_000) == [10_000, 20_000, 25_000])
    #expect(PrecisionRule.checkpoints(cap: 20_000) == [10_000, 20_000])
    #expect(PrecisionRule.checkpoints(cap: 3_000) == [3_000])
    #expect(PrecisionRule.checkpoint(after: 0, cap: 1_000_000) == 10_000)
    #expect(PrecisionRule.checkpoint(after: 10_000, cap: 1_000_000) == 20_000)
    #expect(PrecisionRule.checkpoint(after: 640_000, cap: 1_000_000) == 1_000_000)
  }

  @Test func standardErrorIsTheReportedOne() {
    #expect(PrecisionRule.standardError(0.5, iterations: 10_001) == 0.005)
    #expect(PrecisionRule.standardError(0, iterations: 10_000) == 0)
    #expect(PrecisionRule.standardError(0.3, iterations: 1) == 0)
  }

  /// A 50 % payback needs p(1 − p)/P² + 1 = 10,001 iterations for P = 0.005: the run stops at
  /// 10,000 only if its estimate there happens to be far enough from 0.5, else at 20,000; in
  /// either case exactly as the rule says, judged by a plain run of 10,000 iterations.
  @Test(arguments: [1, 2, 3, 4] as [UInt64])
  func aHalfPaybackStopsBetween10000AndTheNextCheckpoint(seed: UInt64) throws {
    let model = try Fixtures.model(Self.halfPayback)
    let run = try Simulation.monteCarlo(
      model, options: RunOptions(iterations: 1_000_000, seed: seed, threads: 2, precision: 0.005))
    let outcome = try #require(run.settings.precision)
    #expect(run.settings.iterations == 10_000 || run.settings.iterations == 20_000)
    #expect(outcome.reached && outcome.target == 0.005 && outcome.cap == 1_000_000)
    for payback in run.payback {
      #expect(payback.probabilityMCSE.allSatisfy { $0 <= 0.005 }, "\(payback.probabilityMCSE)")
    }
    let first = try Simulation.monteCarlo(
      model, options: RunOptions(iterations: 10_000, seed: seed, threads: 2))
    let firstLargest = first.payback.flatMap(\.probabilityMCSE).max() ?? 0
    #expect((run.settings.iterations == 10_000) == (firstLargest <= 0.005), "\(firstLargest)")
    #expect(outcome.largestError == run.payback.flatMap(\.probabilityMCSE).max())
  }

  @Test("the count and every number are the same on 1 and 4 threads")
  func threadsDoNotMatter() throws {
    let model = try Fixtures.model(Self.halfPayback)
    let runs = try [1, 4].map { threads in
      try Simulation.monteCarlo(
        model,
        options: RunOptions(iterations: 1_000_000, seed: 2, threads: threads, precision: 0.004))
    }
    #expect(runs[0].settings.iterations == runs[1].settings.iterations)
    #expect(runs[0].settings.precision == runs[1].settings.precision)
    #expect("\(runs[0].netImpact.total)" == "\(runs[1].netImpact.total)")
    #expect(
      "\(runs[0].payback.map(\.probabilityByYear))"
        == "\(runs[1].payback.map(\.probabilityByYear))")
  }

  @Test("a run that stops at n iterations is the run of n iterations")
  func sameAsAFixedRun() throws {
    let model = try Fixtures.model(Fixtures.twoState(
      pIntervention: "reach(0.6, 18)", pControl: "reach(0.4, 18)",
      parameters: #"""
        {"x": {"beta": {"alpha": 3, "beta": 4}}, "u": {"uniform": {"min": 0, "max": 1}}}
        """#,
      extra: #"""
        , "lineItems": [{"label": "team", "area": "Indsats",
                         "byYear": {"2020": "15000 * x + 1e6 * (u - 0.5)"}}]
        """#))
    let precise = try Simulation.monteCarlo(
      model, options: RunOptions(iterations: 200_000, seed: 9, threads: 2, precision: 0.004))
    let n = precise.settings.iterations
    #expect(n > 10_000)
    let fixed = try Simulation.monteCarlo(
      model, options: RunOptions(iterations: n, seed: 9, threads: 3))
    #expect(fixed.settings.precision == nil)
    #expect("\(precise.netImpact)" == "\(fixed.netImpact)")
    #expect("\(precise.cumulativeNetImpact)" == "\(fixed.cumulativeNetImpact)")
    #expect(
      "\(precise.payback.map(\.probabilityByYear))"
        == "\(fixed.payback.map(\.probabilityByYear))")
    #expect("\(precise.parameters.map(\.range))" == "\(fixed.parameters.map(\.range))")
    #expect(precise.run.personCycles == fixed.run.personCycles)
  }

  @Test("the cap bounds the run, and the outcome says the target was not reached")
  func capRespected() throws {
    let model = try Fixtures.model(Self.halfPayback)
    let run = try Simulation.monteCarlo(
      model, options: RunOptions(iterations: 30_000, seed: 1, threads: 2, precision: 0.001))
    #expect(run.settings.iterations == 30_000)
    let outcome = try #require(run.settings.precision)
    #expect(!outcome.reached && outcome.cap == 30_000)
    #expect(outcome.largestError > 0.001)
  }

  @Test("a cap below the first checkpoint runs the cap")
  func smallCap() throws {
    let model = try Fixtures.model(Self.halfPayback)
    let run = try Simulation.monteCarlo(
      model, options: RunOptions(iterations: 500, seed: 1, threads: 2, precision: 0.3))
    #expect(run.settings.iterations == 500)
    #expect(run.settings.precision?.reached == true)
  }

  @Test("a run error names the lowest failing iteration, past the first checkpoint too")
  func failureInALaterCheckpoint() throws {
    // v above 0.9999989 (one iteration in 90,000) makes a probability exceed 1; u keeps the
    // payback probability near ½, so the run goes on past its first checkpoints.
    let model = try Fixtures.model(Fixtures.twoState(
      pIntervention: "v * 1.0000011", pControl: "0",
      parameters: #"""
        {"u": {"uniform": {"min": 0, "max": 1}}, "v": {"uniform": {"min": 0.9, "max": 1}}}
        """#,
      extra: #"""
        , "lineItems": [{"label": "bet", "area": "Overførsler",
                         "byYear": {"2020": "1e9 * (u - 0.5)"}}]
        """#))
    var errors: [RunError] = []
    for (threads, precision) in [(1, 1e-4), (3, 1e-4), (2, nil)] as [(Int, Double?)] {
      do {
        _ = try Simulation.monteCarlo(
          model,
          options: RunOptions(iterations: 300_000, seed: 4, threads: threads, precision: precision))
        Issue.record("expected a run error")
      } catch {
        errors.append(error)
      }
    }
    #expect(errors.count == 3 && errors.allSatisfy { $0 == errors[0] }, "\(errors)")
    #expect((errors.first?.iteration ?? 0) > 10_000, "\(errors)")
  }
}
