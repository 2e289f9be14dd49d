import Foundation
import Testing

/// Every input the libFuzzer harness found (`Fuzz/fuzz.sh` copies each crash, timeout or
/// out-of-memory input to Fixtures/fuzz) stays a regression fixture: it must end cleanly.
@Suite struct FuzzFindingTests {
  static let directory = HostileInput.repository
    .appendingPathComponent("Tests/EffectSimCLITests/Fixtures/fuzz")

  static let findings: [String] = {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return files.filter { $0.hasSuffix(".json") }.sorted()
  }()

  @Test func theFindingsDirectoryExists() {
    #expect(FileManager.default.fileExists(atPath: Self.directory.path))
  }

  @Test(arguments: findings)
  func aFuzzFindingEndsCleanly(file: String) throws {
    let bytes = try Data(contentsOf: Self.directory.appendingPathComponent(file))
    HostileInput.requireCleanEnd(bytes: [UInt8](bytes), label: file)
  }
}
