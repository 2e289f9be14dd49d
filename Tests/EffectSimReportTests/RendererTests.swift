import EffectSim
import Testing

@testable import EffectSimReport

@Suite("Renderer")
struct RendererTests {
  @Test(arguments: OutputFormat.allCases)
  func everyFormatIsStableAndEndsWithANewline(format: OutputFormat) {
    for mode in [RunSettings.Mode.montecarlo, .deterministic] {
      let first = Renderer.render(Fixtures.summary(mode), as: format)
      #expect(first == Renderer.render(Fixtures.summary(mode), as: format))
      #expect(first.hasSuffix("\n"))
      #expect(!first.hasSuffix("\n\n"))
    }
  }

  @Test func formatNamesAreTheCommandLineValues() {
    #expect(OutputFormat.allCases.map(\.rawValue) == ["table", "markdown", "csv", "json", "html"])
  }
}
