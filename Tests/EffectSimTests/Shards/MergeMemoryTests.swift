import Testing

@testable import EffectSim

/// The merge counts what it will hold before it reads a column: with no `--threads` it takes
/// the most threads that fit in half the machine's memory; a `--threads` that does not fit,
/// or a merge that does not fit at all, is refused saying how much it needs.
@Suite("Merge memory")
struct MergeMemoryTests {
  @Test func theEstimateCountsEveryHolder() throws {
    let (merge, _) = try MergedColumnsTests.merge()
    let n = merge.iterations
    let one = merge.memoryNeeded(threads: 1)
    let analysis = SensitivityAnalysis.peakBytes(
      iterations: n, columns: merge.model.iterationDraws.count + merge.model.payback.count)
    #expect(one >= analysis + PartialMerge.baseBytes)
    // Threads add a column each once they outweigh the analysis.
    let many = 64
    #expect(
      merge.memoryNeeded(threads: many + 1) - merge.memoryNeeded(threads: many) == 8 * n)
    #expect(merge.memoryNeeded(threads: 1, keepDraws: true) > one)
  }

  @Test func theDefaultIsTheMostThreadsThatFit() throws {
    let (merge, _) = try MergedColumnsTests.merge()
    let limit = merge.memoryNeeded(threads: 40)
    #expect(merge.memoryNeeded(threads: 41) > limit)
    let memory = UInt64(2 * limit)
    #expect(try merge.threads(requested: nil, physicalMemory: memory, cores: 64) == 40)
    #expect(try merge.threads(requested: nil, physicalMemory: memory, cores: 8) == 8)
    #expect(try merge.threads(requested: 40, physicalMemory: memory, cores: 2) == 40)
    do {
      _ = try merge.threads(requested: 50, physicalMemory: memory, cores: 2)
      Issue.record("expected --threads 50 to be refused")
    } catch {
      #expect(error.kind == .data)
      #expect(error.message.contains("with 50 threads"), "\(error.message)")
      #expect(error.message.contains("use --threads 40 or fewer"), "\(error.message)")
    }
  }

  @Test func aMergeThatDoesNotFitIsRefused() throws {
    let (merge, _) = try MergedColumnsTests.merge()
    let memory = UInt64(2 * merge.memoryNeeded(threads: 1) - 2)
    do {
      _ = try merge.threads(requested: nil, physicalMemory: memory, cores: 2)
      Issue.record("expected the merge to be refused")
    } catch {
      #expect(error.message.contains("this merge needs about"), "\(error.message)")
      #expect(error.message.contains("for the risk-driver analysis"), "\(error.message)")
      #expect(error.message.contains("more memory"), "\(error.message)")
    }
    do {
      _ = try merge.threads(requested: 1, keepDraws: true, physicalMemory: memory, cores: 2)
      Issue.record("expected the merge with --draws to be refused")
    } catch {
      #expect(error.message.contains("without --draws"), "\(error.message)")
    }
  }

  /// A merge that may keep one rank column gives the numbers of one that keeps them all, and
  /// of the single run (rebild-ips-2022, several uncertain parameters, 90 iterations in 3 parts).
  @Test func aLeanMergeGivesTheSameNumbers() throws {
    let (merge, _) = try MergedColumnsTests.merge()
    var lean = merge
    lean.rankCache = 0
    #expect(lean.memoryNeeded(threads: 1) < merge.memoryNeeded(threads: 1))
    let full = try merge.summarize(threads: 1).sensitivity
    let least = try lean.summarize(threads: 2).sensitivity
    let single = try Simulation.monteCarlo(
      Model.load(PartialFormatTests.scenarioBytes), options: MergedColumnsTests.options
    ).sensitivity
    #expect(full.first.map { $0.parameters.count >= 3 } == true)
    #expect(DriverMemoryTests.bits(least) == DriverMemoryTests.bits(full))
    #expect(DriverMemoryTests.bits(single) == DriverMemoryTests.bits(full))
  }
}
