import EffectSim
import Testing

@testable import EffectSimReport

@Suite("Verdict")
struct VerdictTests {
  /// The fixture with a horizon distribution: 3 of 4 iterations end above zero.
  static func summary() -> RunSummary {
    var summary = Fixtures.summary(.montecarlo)
    summary.horizon = HorizonSummary(samples: [-100_000, 200_000, 1_300_000, 2_000_000])
    return summary
  }

  @Test func monteCarloVerdictQuotesPaybackSpreadAndLoss() throws {
    let summary = Self.summary()
    let sentences = Verdict.sentences(summary, labels: .english)
    try #require(sentences.count == 3)
    // The last year's payback probability and its MCSE, as the fixture gives them.
    let p = try #require(summary.payback[0].probabilityByYear.last)
    #expect(sentences[0].contains(AmountFormatting.percent(p)))
    #expect(sentences[0].contains("2-year horizon"))
    #expect(sentences[0].contains("standard error 0,5 percentage points"))
    // Cumulative net impact at the end of 2019: median 1.364.000, 90 % interval ± 600.000.
    let last = try #require(summary.cumulativeNetImpact.total.last)
    let median = try #require(last.value(atPercentile: 50))
    #expect(sentences[1].contains(Verdict.millions([median])[0] + " mio. kr."))
    #expect(sentences[1].contains("1,36 mio. kr. (median; 90 % interval 0,76 to 1,96 mio. kr.)"))
    #expect(sentences[2].contains("75,0 %"))
  }

  @Test func danishVerdict() throws {
    let sentences = Verdict.sentences(Self.summary(), labels: Labels(language: .da))
    try #require(sentences.count == 3)
    #expect(sentences[0].hasPrefix("Sandsynligheden for at sagen er tilbagebetalt"))
    #expect(sentences[1].contains("90 %-interval 0,76 til 1,96 mio. kr."))
    #expect(sentences[2].contains("giver underskud"))
  }

  @Test func deterministicVerdictGivesTheSpreadsheetReading() {
    let sentences = Verdict.sentences(Fixtures.summary(.deterministic), labels: .english)
    #expect(sentences.count == 2)
    #expect(sentences[0].contains("does not pay back within its 2-year horizon"))
    #expect(sentences[1].contains("1,36 mio. kr."))
  }

  @Test func theHeadlineDefinitionIsTheFirstOverAllAreas() {
    var summary = Fixtures.summary(.montecarlo)
    var service = summary.payback[0]
    service.name = "Service"
    service.areas = ["Service"]
    summary.payback.insert(service, at: 0)
    #expect(Verdict.headlinePayback(summary)?.name == "Totaløkonomi")
  }

  @Test func markdownOpensWithTheVerdict() throws {
    let text = Renderer.render(Self.summary(), as: .markdown)
    let verdict = try #require(text.range(of: "## Verdict\n\n"))
    let yearly = try #require(text.range(of: "## Net impact per year"))
    #expect(verdict.upperBound < yearly.lowerBound)
    #expect(text[verdict.upperBound...].hasPrefix("The probability that the case pays back"))
  }

  @Test func millionsShareOnePrecisionPerSentence() {
    #expect(Verdict.millions([1_364_000, 760_000]) == ["1,36", "0,76"])
    // Never "-0,0": a tiny negative amount rounds to a plain zero.
    #expect(Verdict.millions([19_300_000, -26_000]) == ["19,3", "0,0"])
  }
}
