import EffectSim
import Testing

@testable import EffectSimReport

@Suite("Labels in English and Danish")
struct LabelsTests {
  static let danish = RenderOptions(language: .da)

  @Test(arguments: [RunSettings.Mode.montecarlo, .deterministic])
  func danishTableUsesTheBusinessCaseTerms(mode: RunSettings.Mode) {
    let text = Renderer.render(Fixtures.summary(mode), as: .table, options: Self.danish)
    #expect(text.contains("Samlet økonomisk påvirkning"))
    #expect(text.contains("Tilbagebetalingstid") || text.contains("Tjent hjem:"))
    #expect(text.contains("Akkumuleret"))
    #expect(!text.contains("Net impact"))
    #expect(!text.contains("Cumulative"))
    // Numbers stay Danish in both languages.
    #expect(text.contains("2.073"))
  }

  @Test func englishIsTheDefaultAndUnchanged() {
    let summary = Fixtures.summary(.montecarlo)
    for format in [OutputFormat.table, .markdown] {
      let plain = Renderer.render(summary, as: format)
      #expect(plain == Renderer.render(summary, as: format, options: RenderOptions(language: .en)))
      #expect(plain != Renderer.render(summary, as: format, options: Self.danish))
      #expect(plain.contains("Net impact"))
    }
  }

  @Test func danishMarkdownTranslatesHeadingsAndUnits() {
    let text = Renderer.render(Fixtures.summary(.montecarlo), as: .markdown, options: Self.danish)
    #expect(text.contains("**Kilde:** Københavns Kommune"))
    #expect(text.contains("## Tilbagebetalingstid"))
    #expect(text.contains("| 1 år (2018)"))
    #expect(text.contains("\u{2212}15,0 pct.-point"))
    #expect(text.contains("90 %-interval (5 %-95 %)"))
    #expect(!text.contains(" pp"))
  }

  @Test func theEnginesDefaultPaybackNameIsTranslatedButAScenariosIsNot() {
    var summary = Fixtures.summary(.montecarlo)
    let labels = Labels(language: .da)
    #expect(ReportText.paybackName(summary.payback[0], summary.scenario, labels) == "Totaløkonomi")
    summary.payback[0].name = "Total"
    #expect(ReportText.paybackName(summary.payback[0], summary.scenario, labels) == "Totaløkonomi")
    #expect(ReportText.paybackName(summary.payback[0], summary.scenario, .english) == "Total")
    summary.payback[0].areas = ["Service"]
    #expect(ReportText.paybackName(summary.payback[0], summary.scenario, labels) == "Total")
  }
}
