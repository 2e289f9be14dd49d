import Foundation
import Testing

@testable import EffectSim
@testable import EffectSimCLI

/// Runs, shards and merges in a scratch directory, through the command line as a user would.
struct ShardWorkspace {
  static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  let directory: URL

  init() throws { directory = try temporaryDirectory() }

  func remove() { try? FileManager.default.removeItem(at: directory) }

  static func scenario(_ name: String) -> String {
    repository.appendingPathComponent("scenarios/\(name)").path
  }

  /// A scenario of the test fixtures: `two-kernel-cohort.json` is one both kernels can run,
  /// which no bundled scenario is since they price benefits on the refusion staircase.
  static func fixture(_ name: String) -> String {
    repository.appendingPathComponent("Tests/EffectSimCLITests/Fixtures/\(name)").path
  }

  func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

  /// `effectsim run` of all iterations in `format`; the file's bytes.
  func single(_ scenario: String, _ options: [String], format: String) throws -> [UInt8] {
    let output = path("single.\(format)")
    let result = effectsim(["run", scenario, "-q", "-f", format, "-o", output] + options)
    #expect(result.code == 0, "\(result.err)")
    return try bytes(output)
  }

  /// `effectsim run --shard k/count` for every k; the parts' paths.
  func shards(
    _ scenario: String, _ options: [String], count: Int, prefix: String = "part"
  ) -> [String] {
    (0..<count).map { index in
      let output = path("\(prefix)-\(index)-of-\(count).espart")
      let result = effectsim(
        ["run", scenario, "-q", "--shard", "\(index)/\(count)", "-o", output] + options)
      #expect(result.code == 0, "\(result.err)")
      #expect(result.out.isEmpty, "a shard prints nothing: \(result.out)")
      return output
    }
  }

  /// `effectsim merge` of `parts` into `format`; the file's bytes.
  func merge(_ parts: [String], format: String, _ options: [String] = []) throws -> [UInt8] {
    let output = path("merged.\(format)")
    let result = effectsim(["merge"] + parts + ["-f", format, "-o", output] + options)
    #expect(result.code == 0, "\(result.err)")
    return try bytes(output)
  }

  func bytes(_ path: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
  }

  func write(_ bytes: [UInt8], to path: String) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: path))
  }
}

/// What may differ between two equal runs: the JSON `run` section (time, threads) and the HTML
/// report's date line. Everything else must be byte for byte the same, the method note's
/// command naming the scenario file included.
func withoutMachineFacts(_ bytes: [UInt8], format: String) -> String {
  let text = String(decoding: bytes, as: UTF8.self)
  switch format {
  case "json":
    guard let start = text.range(of: ",\n  \"run\": {") else { return text }
    guard let end = text.range(of: "\n  }", range: start.upperBound..<text.endIndex) else {
      return text
    }
    return String(text[..<start.lowerBound]) + String(text[end.upperBound...])
  case "html":
    return text.split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !$0.hasPrefix("<dt>Date</dt>") && !$0.hasPrefix("<dt>Dato</dt>") }
      .joined(separator: "\n")
  default:
    return text
  }
}

/// Rewrites the header of the part at `path` with `change`, keeping its data: a part of
/// another run (engine version, settings) that the command line cannot make.
func rewriteHeader(_ path: String, _ change: (inout PartialHeader) -> Void) throws {
  let url = URL(fileURLWithPath: path)
  let bytes = [UInt8](try Data(contentsOf: url))
  let (header, length) = try PartialHeader.decode(PartialBytes(name: path, bytes: bytes))
  var changed = header
  change(&changed)
  try Data(changed.encoded() + bytes[length...]).write(to: url)
}
