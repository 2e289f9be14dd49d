import Foundation
import Testing

@testable import EffectSimCLI

/// Correlated parameters in a sharded run: each shard draws its iterations through the same
/// copula, so the merge is the single run, correlations register included.
@Suite struct CorrelatedShardTests {
  @Test func shardsOfACorrelatedScenarioMergeToTheSingleRun() throws {
    let workspace = try ShardWorkspace()
    defer { workspace.remove() }
    let bundled = try String(
      contentsOfFile: ShardWorkspace.scenario("rebild-ips-2022.json"), encoding: .utf8)
    // Add correlations after the format key, keeping the rest of the file as it is.
    let scenario = bundled.replacingOccurrences(
      of: #""format": "effectsim/1","#,
      with: #"""
        "format": "effectsim/1",
        "correlations": [
          {"parameters": ["ipsShare", "controlShare"], "rank": 0.6, "note": "same labour market"},
          {"parameters": ["relapse", "laterExit"], "rank": -0.3}],
        """#)
    #expect(scenario != bundled)
    let path = workspace.path("correlated.json")
    try workspace.write(Array(scenario.utf8), to: path)
    let options = ["-n", "150", "-s", "2"]
    let parts = workspace.shards(path, options, count: 3)
    for format in ["json", "html"] {
      let single = try workspace.single(path, options, format: format)
      let merged = try workspace.merge(parts, format: format)
      #expect(
        withoutMachineFacts(merged, format: format) == withoutMachineFacts(single, format: format),
        "\(format)")
      if format == "html" {
        #expect(String(decoding: merged, as: UTF8.self).contains("same labour market"))
      }
    }
  }
}
