import Foundation
import Testing

@testable import EffectSim
@testable import EffectSimCLI

/// Parts that are not of one run, that leave iterations out or hold some twice, and parts that
/// are damaged or cut short: each refused with exit 65 and a message naming the file and what
/// differs — never merged, never a crash.
@Suite("Merge refuses what is not one whole run")
struct MergeRefusalTests {
  static let scenario = ShardWorkspace.scenario("rebild-ips-2022.json")
  static let options = ["-n", "90", "-s", "2"]

  /// Runs `merge` on `parts`; expects `code` and returns stderr.
  private func refused(
    _ parts: [String], code: Int32 = 65, sourceLocation: SourceLocation = #_sourceLocation
  ) -> String {
    let result = effectsim(["merge"] + parts + ["-f", "json"])
    #expect(result.code == code, "\(result.err)", sourceLocation: sourceLocation)
    #expect(result.out.isEmpty, sourceLocation: sourceLocation)
    return result.err
  }

  @Test func missingShardIsNamed() throws {
    let workspace = try ShardWorkspace()
    defer { workspace.remove() }
    let parts = workspace.shards(Self.scenario, Self.options, count: 3)
    let message = refused([parts[0], parts[2]])
    #expect(message.contains("iterations 30..<60 of 90 are in no part: shard 1/3 missing"))
    let tail = refused([parts[0], parts[1]])
    #expect(tail.contains("iterations 60..<90 of 90 are in no part: shard 2/3 missing"))
  }

  @Test func overlapNamesBothFiles() throws {
    let workspace = try ShardWorkspace()
    defer { workspace.remove() }
    let thirds = workspace.shards(Self.scenario, Self.options, count: 3)
    let halves = workspace.shards(Self.scenario, Self.options, count: 2, prefix: "half")
    let twice = refused([thirds[0], thirds[1], thirds[1], thirds[2]])
    #expect(twice.contains("\(thirds[1]): iterations 30..<60 (shard 1/3) overlap \(thirds[1])"))
    let mixed = refused([thirds[0], halves[1], thirds[1]])
    #expect(mixed.contains("(shard 1/2) overlap \(thirds[1])'s 30..<60 (shard 1/3)"))
  }

  @Test func otherSeedScenarioTotalKernelOrPercentiles() throws {
    let workspace = try ShardWorkspace()
    defer { workspace.remove() }
    let base = workspace.shards(Self.scenario, Self.options, count: 2)
    let cases: [(scenario: String, options: [String], expected: String)] = [
      (Self.scenario, ["-n", "90", "-s", "3"], "other seed (3) than \(base[0]) (2)"),
      (Self.scenario, ["-n", "91", "-s", "2"], "other iteration total (91) than \(base[0]) (90)"),
      (Self.scenario, Self.options + ["--percentiles", "5,50,95"],
       "other percentiles (5.0,50.0,95.0) than \(base[0]) (5.0,10.0,25.0,50.0,75.0,90.0,95.0)"),
      (ShardWorkspace.scenario("kk-ips-2019.json"), Self.options, "other scenario (SHA-256 "),
      (Self.scenario, Self.options + ["--variance-split"],
       "other varianceSplit (true) than \(base[0]) (false)"),
      (Self.scenario, Self.options + ["--set", "costOverrun=1.3"],
       "other overrides ([\"costOverrun=1.3\"]) than \(base[0]) ([])"),
    ]
    for (index, entry) in cases.enumerated() {
      let other = workspace.shards(entry.scenario, entry.options, count: 2, prefix: "other\(index)")
      let message = refused([base[0], other[1]])
      #expect(message.contains("\(other[1]): \(entry.expected)"), "\(message)")
    }
    // The kernel, on a scenario both kernels run (the bundled ones are on the refusion
    // staircase, which only the individual kernel simulates).
    let fixture = ShardWorkspace.fixture("two-kernel-cohort.json")
    let individual = workspace.shards(
      fixture, Self.options + ["--kernel", "individual"], count: 2, prefix: "individual")
    let aggregated = workspace.shards(
      fixture, Self.options + ["--kernel", "aggregated"], count: 2, prefix: "aggregated")
    let message = refused([individual[0], aggregated[1]])
    #expect(
      message.contains(
        "\(aggregated[1]): other kernel (aggregated) than \(individual[0]) (individual)"),
      "\(message)")
  }

  @Test func otherEngineVersion() throws {
    let workspace = try ShardWorkspace()
    defer { workspace.remove() }
    let parts = workspace.shards(Self.scenario, Self.options, count: 2)
    try rewriteHeader(parts[1]) { $0.engineVersion = "0.0.9" }
    let message = refused(parts)
    #expect(message.contains("\(parts[1]): other engine version (0.0.9) than \(parts[0])"))
    // All parts agree, but not with this effectsim: its summary might differ.
    try rewriteHeader(parts[0]) { $0.engineVersion = "0.0.9" }
    let both = refused(parts)
    #expect(both.contains("\(parts[0]): written by effectsim 0.0.9; this is"))
  }

  @Test func unknownSettingOfANewerRun() throws {
    let workspace = try ShardWorkspace()
    defer { workspace.remove() }
    let parts = workspace.shards(Self.scenario, Self.options, count: 1)
    try rewriteHeader(parts[0]) { $0.settings.append(.init(key: "newerOption", value: "1")) }
    #expect(refused(parts).contains("run setting 'newerOption' is unknown"))
  }

  @Test func rangeThatIsNotItsShards() throws {
    let workspace = try ShardWorkspace()
    defer { workspace.remove() }
    let parts = workspace.shards(Self.scenario, Self.options, count: 2)
    try rewriteHeader(parts[1]) { $0.shard = Shard(index: 0, count: 2)! }
    #expect(refused(parts).contains("damaged: iterations 45..<90 are not shard 0/2's"))
  }

  @Test func notAPartOrMissing() throws {
    let workspace = try ShardWorkspace()
    defer { workspace.remove() }
    let parts = workspace.shards(Self.scenario, Self.options, count: 1)
    let message = refused([parts[0], Self.scenario])
    #expect(message.contains("\(Self.scenario): not a partial result file of effectsim"))
    let missing = refused([workspace.path("nothing.espart")], code: 66)
    #expect(missing.contains("nothing.espart: no such file"))
  }

  /// Every cut of a part is refused as truncated (or, below 16 bytes, as not a part), never
  /// merged and never a crash.
  @Test func truncatedPartsAreRefused() throws {
    let workspace = try ShardWorkspace()
    defer { workspace.remove() }
    let parts = workspace.shards(Self.scenario, ["-n", "20"], count: 2)
    let bytes = try workspace.bytes(parts[1])
    let (_, headerLength) = try PartialHeader.decode(PartialBytes(name: "", bytes: bytes))
    let cuts = [0, 5, 8, 15, 16, 100, headerLength - 1, headerLength, headerLength + 7,
                (headerLength + bytes.count) / 2, bytes.count - 1]
    for cut in cuts {
      try workspace.write(Array(bytes[..<cut]), to: parts[1])
      let message = refused(parts)
      let named = message.contains("\(parts[1]): truncated")
        || (cut < 16 && message.contains("\(parts[1]): not a partial result file"))
      #expect(named, "cut at \(cut): \(message)")
    }
    try workspace.write(bytes + [0], to: parts[1])
    #expect(refused(parts).contains("\(parts[1]): damaged: 1 bytes more than"))
  }

  /// One changed byte anywhere — magic, header, scenario, data, checksums — is refused: every
  /// byte is covered by the magic, a checksum or the size. A sample of positions, with a
  /// fixed stride, so the test stays quick.
  @Test func damagedBytesAreRefused() throws {
    let workspace = try ShardWorkspace()
    defer { workspace.remove() }
    let parts = workspace.shards(Self.scenario, ["-n", "20"], count: 2)
    let bytes = try workspace.bytes(parts[0])
    let (_, headerLength) = try PartialHeader.decode(PartialBytes(name: "", bytes: bytes))
    var positions = Array(stride(from: 0, to: bytes.count, by: 97))
    positions += [0, 7, 8, 12, 16, headerLength - 1, headerLength, bytes.count - 1]
    for position in positions {
      var damaged = bytes
      damaged[position] ^= 0x10
      try workspace.write(damaged, to: parts[0])
      let message = refused(parts)
      #expect(message.contains(parts[0]), "byte \(position): \(message)")
      let reason = ["damaged", "truncated", "not a partial result", "format version"]
        .contains { message.contains($0) }
      #expect(reason, "byte \(position): \(message)")
    }
    let dataByte = headerLength + 3
    var damaged = bytes
    damaged[dataByte] ^= 1
    try workspace.write(damaged, to: parts[0])
    let message = refused(parts)
    #expect(
      message.contains(
        "\(parts[0]): damaged: column 0 of metrics (iterations 0..<10) does not match its"
          + " checksum"))
  }

  @Test func usageErrorsOfShard() throws {
    let cases: [([String], String)] = [
      (["--shard", "3/3", "-o", "x.espart"], "--shard: '3/3' is not K/N"),
      (["--shard", "1", "-o", "x.espart"], "--shard: '1' is not K/N"),
      (["--shard", "1/x", "-o", "x.espart"], "is not K/N"),
      (["--shard", "0/0", "-o", "x.espart"], "is not K/N"),
      (["--shard", "0/2"], "give its file with -o"),
      (["--shard", "0/2", "-o", "x.espart", "-f", "csv"], "give --format to effectsim merge"),
      (["--shard", "0/2", "-o", "x.espart", "--deterministic"], "a deterministic run has none"),
    ]
    for (arguments, expected) in cases {
      let result = effectsim(["run", Self.scenario] + arguments)
      #expect(result.code == 64, "\(arguments)")
      #expect(result.err.contains(expected), "\(arguments): \(result.err)")
    }
  }
}
