import Testing

@testable import EffectSim
@testable import EffectSimReport

/// Every text format shows the same facts about a run, from one list.
@Suite struct RunFactsTests {
  @Test(arguments: [OutputFormat.table, .markdown, .html])
  func everyFactIsShown(format: OutputFormat) {
    let summary = Fixtures.summary(.montecarlo)
    let text = Renderer.render(summary, as: format)
    let facts = ReportText.facts(summary, .english)
    #expect(facts.map(\.term).contains("Kernel"))
    for fact in facts {
      #expect(text.contains(fact.term), "\(fact.term) missing from \(format)")
      #expect(text.contains(fact.value.prefix(20)), "\(fact.value) missing from \(format)")
    }
  }
}
