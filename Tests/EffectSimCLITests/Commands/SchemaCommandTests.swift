import Foundation
import Testing

@testable import EffectSimCLI

@Suite("effectsim schema")
struct SchemaCommandTests {
  /// The repository's root, found from this file's path.
  static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  @Test func theCommittedCopyIsWhatTheCommandPrints() throws {
    let result = effectsim(["schema"])
    #expect(result.code == 0)
    let committed = try String(
      contentsOf: Self.repository.appendingPathComponent("scenarios/effectsim.schema.json"),
      encoding: .utf8)
    #expect(
      committed == result.out,
      "scenarios/effectsim.schema.json is stale: run `swift run effectsim schema > scenarios/effectsim.schema.json`")
  }

  @Test func bundledScenariosPointAtTheCopy() throws {
    let folder = Self.repository.appendingPathComponent("scenarios")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".json") && $0 != "effectsim.schema.json" }
    #expect(!files.isEmpty)
    for file in files {
      let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
      #expect(text.contains("\"$schema\": \"effectsim.schema.json\""), "\(file)")
    }
  }

  @Test func takesNoArguments() {
    let result = effectsim(["schema", "extra"])
    #expect(result.code == 64)
  }
}
