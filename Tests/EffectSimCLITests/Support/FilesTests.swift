import Testing

@testable import EffectSimCLI

/// Reading a scenario never reads more than a scenario may hold.
@Suite struct FilesTests {
  /// An endless input (`/dev/zero`, a pipe that never closes) was read until memory ran out.
  @Test func anEndlessInputIsRefusedAfterTheLimit() {
    let result = effectsim(["validate", "/dev/zero"])
    #expect(result.code == 65)
    #expect(result.out.contains("more than 10000000 bytes"), "\(result.out)")
  }

  @Test func aDirectoryIsNotAScenario() {
    let result = effectsim(["validate", "/tmp"])
    #expect(result.code == 66)
    #expect(result.out == "/tmp: is a directory, not a scenario file\n")
  }
}
