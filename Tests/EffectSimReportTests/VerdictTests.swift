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
    #expect(sentences[0].hasPrefix("Sandsynligheden for, at investeringen er tjent hjem"))
    #expect(sentences[1].contains("90 %-interval 0,76 til 1,96 mio. kr."))
    #expect(sentences[2].contains("merudgift"))
    // The words of a finance department, not of the simulator.
    let text = sentences.joined(separator: " ")
    for english in ["iteration", "tilbagebetalt", "underskud"] { #expect(!text.contains(english)) }
  }

  @Test func deterministicVerdictGivesTheSpreadsheetReading() throws {
    let sentences = Verdict.sentences(Fixtures.summary(.deterministic), labels: .english)
    try #require(sentences.count == 3)
    #expect(sentences[0].contains("does not pay back within its 2-year horizon"))
    #expect(sentences[1].contains("1,36 mio. kr."))
    #expect(sentences[2].hasPrefix("No uncertainty was simulated"))
    // The unit's full stop ends the sentence: never "kr..".
    for language in ReportLanguage.allCases {
      let text = Verdict.sentences(
        Fixtures.summary(.deterministic), labels: Labels(language: language)
      ).joined(separator: " ")
      #expect(!text.contains(".."), "\(language)")
      #expect(sentences[1].hasSuffix("mio. kr."))
    }
  }

  @Test(arguments: [
    (0.97, "The investment very probably pays back within 2 years (97,0 %)."),
    (0.8, "The investment probably pays back within 2 years (80,0 %)."),
    (0.5, "The investment is about as likely to pay back within 2 years as not (50,0 %)."),
    (0.2, "The investment probably does not pay back within 2 years (20,0 %)."),
    (0.012, "The investment very probably does not pay back within 2 years (1,2 %)."),
    (0.0, "The investment very probably does not pay back within 2 years (< 0,1 %)."),
  ])
  func theHeadlineSaysHowLikelyInWords(p: Double, expected: String) throws {
    var summary = Self.summary()
    summary.payback[0].probabilityByYear[1] = p
    #expect(Verdict.headline(summary, labels: .english) == expected)
  }

  @Test func theDanishHeadlineIsTheCommitteesSentence() throws {
    var summary = Self.summary()
    summary.payback[0].probabilityByYear[1] = 0.012
    let headline = try #require(Verdict.headline(summary, labels: Labels(language: .da)))
    #expect(
      headline == "Investeringen er med stor sandsynlighed ikke tjent hjem inden for 2 år (1,2 %).")
    let deterministic = try #require(
      Verdict.headline(Fixtures.summary(.deterministic), labels: Labels(language: .da)))
    #expect(deterministic.contains("ikke tjent hjem inden for 2 år"))
    #expect(deterministic.hasSuffix("usikkerheden er ikke simuleret."))
  }

  @Test func likelihoodBandsMeetAtTheirEdges() {
    #expect(Labels.Likelihood(0.95) == .veryLikely)
    #expect(Labels.Likelihood(0.9499) == .likely)
    #expect(Labels.Likelihood(0.67) == .likely)
    #expect(Labels.Likelihood(0.6699) == .asLikelyAsNot)
    #expect(Labels.Likelihood(0.3301) == .asLikelyAsNot)
    #expect(Labels.Likelihood(0.33) == .unlikely)
    #expect(Labels.Likelihood(0.0501) == .unlikely)
    #expect(Labels.Likelihood(0.05) == .veryUnlikely)
  }

  @Test func probabilitiesAtTheEdgeClaimNoMoreThanTheRunKnows() throws {
    var summary = Self.summary()
    summary.payback[0].probabilityByYear[1] = 0
    summary.payback[0].probabilityMCSE[1] = 0
    summary.horizon?.probabilityOfLoss = 1
    let sentences = Verdict.sentences(summary, labels: .english)
    #expect(sentences[0].contains("is < 0,1 % (none of the 10.000 simulated futures)"))
    #expect(sentences[2].hasSuffix("is > 99,9 %."))
    summary.payback[0].probabilityByYear[1] = 0.0003
    #expect(
      Verdict.sentences(summary, labels: Labels(language: .da))[0]
        .contains("er < 0,1 % (3 af 10.000 simulerede forløb)"))
    // Away from the edge: the standard error, written as the payback table's note writes it.
    summary.payback[0].probabilityByYear[1] = 0.004
    summary.payback[0].probabilityMCSE = [0.0002, 0.0004]
    #expect(
      Verdict.sentences(summary, labels: .english)[0]
        .contains("0,4 % (Monte Carlo standard error 0,04 percentage points)"))
    #expect(
      ReportText.paybackMCSENote(summary.payback, .english)?.contains("at most 0,04 percentage")
        == true)
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
    let body = text[verdict.upperBound...]
    #expect(body.hasPrefix("**The investment is about as likely to pay back within 2 years"))
    #expect(body.contains(".**\n\nThe probability that the investment pays back"))
  }

  @Test func millionsShareOnePrecisionPerSentence() {
    #expect(Verdict.millions([1_364_000, 760_000]) == ["1,36", "0,76"])
    // Never "-0,0": a tiny negative amount rounds to a plain zero.
    #expect(Verdict.millions([19_300_000, -26_000]) == ["19,3", "0,0"])
  }
}
