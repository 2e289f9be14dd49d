import Foundation
import Testing

/// docs/cluster.md shows the batch scripts that scripts/slurm-smoke submits, as they are.
@Suite("Cluster documentation")
struct ClusterDocumentTests {
  @Test(arguments: ["shards.sbatch", "merge.sbatch"])
  func theDocumentShowsTheSubmittedScript(name: String) throws {
    let root = ShardWorkspace.repository
    let script = try String(
      contentsOf: root.appendingPathComponent("scripts/slurm/\(name)"), encoding: .utf8)
    let document = try String(
      contentsOf: root.appendingPathComponent("docs/cluster.md"), encoding: .utf8)
    #expect(document.contains("```bash\n" + script + "```"), "\(name) differs from docs/cluster.md")
    #expect(script.contains("--array=0-31") == (name == "shards.sbatch"))
    #expect(script.contains("$SLURM_ARRAY_TASK_ID/32") == (name == "shards.sbatch"))
  }
}
