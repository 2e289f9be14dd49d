import Foundation
import Testing

/// Shards simulated by separate `effectsim` processes, started together by `xargs -P` as on one
/// big machine (docs/cluster.md), merge to the single run's output byte for byte.
@Suite("Shards from separate processes")
struct SeparateProcessTests {
  /// The `effectsim` executable built beside the test bundle (`swift build --build-tests`
  /// builds both).
  static var executable: URL? {
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("effectsim")
    let candidates = [
      beside, ShardWorkspace.repository.appendingPathComponent(".build/debug/effectsim"),
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }

  /// Runs `script` with `sh -c`; returns its exit status and stderr.
  static func shell(_ script: String, in directory: URL) throws -> (code: Int32, err: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", script]
    process.currentDirectoryURL = directory
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    let data = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  @Test func xargsParallelShardsMergeToTheSingleRun() throws {
    let effectsim = try #require(
      Self.executable, "build the executable first: swift build --build-tests")
    let workspace = try ShardWorkspace()
    defer { workspace.remove() }
    let scenario = ShardWorkspace.fixture("two-kernel-cohort.json")
    let run = "'\(effectsim.path)' run '\(scenario)' -n 250 -s 9 -q"
    let script = """
      set -e
      \(run) -f json -o single.json
      \(run) -f csv -o single.csv
      seq 0 4 | xargs -P 3 -I K \(run) --shard K/5 -o part-K.espart
      '\(effectsim.path)' merge part-*.espart -o merged.json
      '\(effectsim.path)' merge part-*.espart -o merged.csv
      cmp single.csv merged.csv
      """
    let result = try Self.shell(script, in: workspace.directory)
    #expect(result.code == 0, "\(result.err)")
    let single = try workspace.bytes(workspace.path("single.json"))
    let merged = try workspace.bytes(workspace.path("merged.json"))
    #expect(
      withoutMachineFacts(merged, format: "json") == withoutMachineFacts(single, format: "json"))
    #expect(FileManager.default.fileExists(atPath: workspace.path("part-4.espart")))
  }
}
