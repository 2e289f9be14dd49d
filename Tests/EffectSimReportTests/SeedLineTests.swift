import Testing

@testable import EffectSim
@testable import EffectSimReport

/// A deterministic run draws no random numbers: its reports show no seed to reproduce.
@Suite struct SeedLineTests {
  static func seedLine(_ text: String) -> String? {
    text.split(separator: "\n").first { $0.contains("Seed") }.map(String.init)
  }

  @Test(arguments: [OutputFormat.table, .markdown, .html])
  func deterministicShowsNoSeed(format: OutputFormat) throws {
    let deterministic = try #require(
      Self.seedLine(Renderer.render(Fixtures.summary(.deterministic), as: format)))
    #expect(deterministic.contains("–") && !deterministic.contains("42"))
    let monteCarlo = try #require(
      Self.seedLine(Renderer.render(Fixtures.summary(.montecarlo), as: format)))
    #expect(monteCarlo.contains("42"))
  }
}
