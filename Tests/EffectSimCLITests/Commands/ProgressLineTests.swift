import Testing

@testable import EffectSimCLI

/// The progress line: on stderr, only when stderr is a terminal, never with `--quiet`, and
/// never in the results.
@Suite struct ProgressLineTests {
  static let arguments = ["run", "-", "--iterations", "300", "--format", "json"]

  @Test func drawnOnATerminal() {
    let result = effectsim(Self.arguments, input: smallScenario, stderrIsTerminal: true)
    #expect(result.code == 0)
    #expect(result.err.contains("300/300 iterations"))
    #expect(result.err.contains("it/s"))
    #expect(!result.out.contains("it/s"))
  }

  @Test func silentWhenQuietOrNotATerminal() {
    let quiet = effectsim(
      Self.arguments + ["--quiet"], input: smallScenario, stderrIsTerminal: true)
    #expect(quiet.code == 0 && quiet.err.isEmpty)
    let piped = effectsim(Self.arguments, input: smallScenario)
    #expect(piped.code == 0 && piped.err.isEmpty)
  }

  /// A run to a stated precision heads for each checkpoint in turn, not for its cap.
  @Test func aPrecisionRunCountsTowardsItsCheckpoint() {
    let result = effectsim(
      ["run", "-", "--precision", "0.3", "--iterations", "50000", "--format", "json"],
      input: smallScenario, stderrIsTerminal: true)
    #expect(result.code == 0, "\(result.err)")
    #expect(result.err.contains("10000/10000 iterations"), "\(result.err.suffix(200))")
    #expect(!result.err.contains("/50000 iterations"))
  }
}
