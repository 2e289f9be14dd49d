import Foundation
import Testing

@testable import EffectSim

/// The partial result format as docs/partial-format.md draws it: fields at their offsets,
/// little-endian, and each column of a shard equal to the same rows of a single run.
@Suite("Partial result format")
struct PartialFormatTests {
  static let scenarioBytes = Array(
    (try? Data(
      contentsOf: BundledScenarioTests.directory.appendingPathComponent("rebild-ips-2022.json")))
      .map { [UInt8]($0) } ?? [])

  /// Shard `shard` of a run of `options`, written to memory.
  static func part(_ options: RunOptions, _ shard: Shard) throws -> [UInt8] {
    let model = try Model.load(scenarioBytes)
    var bytes: [UInt8] = []
    try Simulation.shard(
      model, scenarioBytes: scenarioBytes, options: options, shard: shard
    ) { bytes += $0 }
    return bytes
  }

  static func u32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
    bytes[at..<at + 4].reversed().reduce(0) { $0 << 8 | UInt32($1) }
  }

  static func u64(_ bytes: [UInt8], _ at: Int) -> UInt64 {
    bytes[at..<at + 8].reversed().reduce(0) { $0 << 8 | UInt64($1) }
  }

  @Test func headerFieldsAtTheirOffsets() throws {
    let options = RunOptions(iterations: 100, seed: 0x0102_0304_0506_0708, threads: 2)
    let bytes = try Self.part(options, Shard(index: 1, count: 3)!)
    #expect(Array(bytes[0..<8]) == [0x89, 0x45, 0x53, 0x50, 0x41, 0x52, 0x54, 0x0A])
    #expect(Self.u32(bytes, 8) == 1)
    let length = Int(Self.u32(bytes, 12))
    // The header's checksum covers everything before it.
    #expect(Array(bytes[length - 32..<length]) == SHA256.hash(bytes[0..<length - 32]))
    let version = Array(EffectSimVersion.string.utf8)
    #expect(Int(Self.u32(bytes, 16)) == version.count)
    var at = 20 + version.count
    #expect(Array(bytes[20..<at]) == version)
    #expect(Array(bytes[at..<at + 32]) == SHA256.hash(Self.scenarioBytes))
    at += 32
    // Seed, total, shard index and count, first and end iteration: u64, little-endian.
    #expect(bytes[at] == 0x08 && bytes[at + 7] == 0x01)
    let numbers = (0..<6).map { Self.u64(bytes, at + 8 * $0) }
    #expect(numbers == [0x0102_0304_0506_0708, 100, 1, 3, 33, 66])
    // The scenario file closes the header, just before its checksum.
    let scenarioStart = length - 32 - Self.scenarioBytes.count
    #expect(Array(bytes[scenarioStart..<length - 32]) == Self.scenarioBytes)
    #expect(Int(Self.u64(bytes, scenarioStart - 8)) == Self.scenarioBytes.count)
  }

  /// Each column of a shard holds exactly the rows of the single run's column, in order,
  /// little-endian, followed by their SHA-256; metrics first, then parameter draws.
  @Test func columnsHoldTheSingleRunsRows() throws {
    let model = try Model.load(Self.scenarioBytes)
    let options = RunOptions(iterations: 150, seed: 4, threads: 2)
    let single: [[Double]] = try Simulation.monteCarlo(model, options: options) {
      stores, _, _ in
      ColumnSet.allCases.flatMap { set in
        (0..<stores.count(set)).map { Array(stores.store(set)!.column($0)) }
      }
    }
    let shard = Shard(index: 2, count: 3)!
    let range = shard.range(of: 150)
    let bytes = try Self.part(options, shard)
    let length = Int(Self.u32(bytes, 12))
    let stride = range.count * 8 + 32
    #expect(bytes.count == length + single.count * stride)
    for (column, values) in single.enumerated() {
      let start = length + column * stride
      let stored = (0..<range.count).map { Double(bitPattern: Self.u64(bytes, start + 8 * $0)) }
      #expect(stored == Array(values[range]), "column \(column)")
      let data = bytes[start..<start + range.count * 8]
      #expect(Array(bytes[start + range.count * 8..<start + stride]) == SHA256.hash(data))
    }
  }

  @Test func headerRoundTrips() throws {
    let bytes = try Self.part(RunOptions(iterations: 40, seed: 9), Shard(index: 0, count: 2)!)
    let (header, length) = try PartialHeader.decode(PartialBytes(name: "p", bytes: bytes))
    #expect(header.encoded() == Array(bytes[0..<length]))
    #expect(header.range == 0..<20 && header.totalIterations == 40 && header.seed == 9)
    #expect(header.kernel == .individual)
    #expect(header.columnSets.map(\.name) == ["metrics", "parameterDraws"])
    #expect(
      header.settings.map(\.key)
        == ["overrides", "pairing", "percentiles", "scenarioPath", "varianceSplit"])
  }

  /// A merge of parts made in memory summarises as the run does: the library path without
  /// files.
  @Test func mergeInMemory() throws {
    let model = try Model.load(Self.scenarioBytes)
    let options = RunOptions(iterations: 70, seed: 12, threads: 1)
    let single = try Simulation.monteCarlo(model, options: options)
    let parts = try (0..<4).map { index in
      PartialBytes(
        name: "part-\(index)", bytes: try Self.part(options, Shard(index: index, count: 4)!))
    }
    let merged = try PartialMerge(parts.reversed()).summarize(threads: 3)
    #expect(merged.netImpact.total.map(\.mean) == single.netImpact.total.map(\.mean))
    #expect(
      merged.cumulativeNetImpact.total.map(\.percentiles)
        == single.cumulativeNetImpact.total.map(\.percentiles))
    #expect(merged.payback.map(\.probabilityByYear) == single.payback.map(\.probabilityByYear))
    #expect(merged.parameters.map(\.range?.median) == single.parameters.map(\.range?.median))
    #expect(merged.horizon?.histogram == single.horizon?.histogram)
    #expect(merged.run.personCycles == single.run.personCycles)
  }
}
