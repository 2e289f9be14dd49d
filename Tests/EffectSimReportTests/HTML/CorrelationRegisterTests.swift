import EffectSim
import Foundation
import Testing

@testable import EffectSimReport

/// The register lists a scenario's correlations, with their notes, in both languages.
@Suite struct CorrelationRegisterTests {
  static func summary() throws -> RunSummary {
    let scenario = HTMLTestSupport.scenario.replacingOccurrences(
      of: #""report": {"occupancyAt": [18]}"#,
      with: #"""
        "report": {"occupancyAt": [18]},
        "correlations": [{"parameters": ["team", "share"], "rank": -0.35,
                          "note": "a bigger team < & > a smaller effect", "source": "workshop"}]
        """#)
    #expect(scenario != HTMLTestSupport.scenario)
    let model = try Model.load(Array(scenario.utf8))
    return try Simulation.monteCarlo(
      model, options: RunOptions(iterations: 300, seed: 9, threads: 2))
  }

  @Test func theRegisterListsEachPair() throws {
    let summary = try Self.summary()
    #expect(summary.correlations.count == 1)
    let html = HTMLRenderer.render(summary, labels: Labels(language: .en), generated: nil)
    let document = try HTMLTestSupport.document(html)
    let row = try #require(
      HTMLTestSupport.element(document, "tr", where: "data-pair", is: "team share"))
    let cells = HTMLTestSupport.elements(row, "td").map { $0.stringValue ?? "" }
    #expect(
      cells == [
        "team – share", "\u{2212}0,35", "a bigger team < & > a smaller effect", "workshop",
      ])
    #expect(html.contains("Correlated parameters"))
    let danish = HTMLRenderer.render(summary, labels: Labels(language: .da), generated: nil)
    #expect(danish.contains("Korrelerede parametre") && danish.contains("Rangkorrelation"))
  }

  @Test func noCorrelationsNoList() throws {
    let html = HTMLRenderer.render(
      try HTMLTestSupport.summary(iterations: 200), labels: Labels(language: .en), generated: nil)
    #expect(!html.contains("Correlated parameters"))
  }
}
