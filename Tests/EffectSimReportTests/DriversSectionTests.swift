import EffectSim
import Foundation
import FoundationXML
import Testing

@testable import EffectSimReport

/// "What drives the risk" in table, markdown and html; the claim in the verdict and the fan
/// chart; the JSON contract of `sensitivity`, `varianceSplit` and `claim`.
@Suite("What drives the risk in the reports")
struct DriversSectionTests {
  typealias S = HTMLTestSupport

  /// 15 persons, the effect `share` and the team cost `team` uncertain (or fixed, to vary how
  /// many parameters are uncertain), two payback definitions and a claim.
  static func scenario(share: String, team: String) -> String {
    """
    {"format": "effectsim/1", "name": "Drivers", "start": 2020, "years": 3,
     "parameters": {"share": \(share), "team": \(team),
       "level": {"discrete": {"values": [11000, 15000], "weights": [1, 1]}, "scope": "person"}},
     "states": [
       {"id": "benefit", "costs": [{"area": "Overførsler", "perCycle": "level * 0.8"}]},
       {"id": "job"}],
     "arms": {
       "intervention": {"transitions": [
         {"from": "benefit", "to": "job", "p": "reach(share, 18)", "cycles": [0, 18]}]},
       "control": {"transitions": [
         {"from": "benefit", "to": "job", "p": "reach(0.4, 18)", "cycles": [0, 18]}]}},
     "cohort": {"intake": [{"year": 2020, "count": 15, "spread": "even"}]},
     "lineItems": [{"label": "Team", "area": "Indsats", "byYear": {"2020": "team"}}],
     "payback": [{"name": "Totaløkonomi", "areas": "all"},
                 {"name": "Team", "areas": ["Indsats"]}],
     "claim": {"netImpact": {"2020": 300000, "2021": -200000, "2022": -300000},
               "payback": {"Totaløkonomi": 3}, "source": "Tabel 1"}}
    """
  }

  static let uncertainShare = #"{"beta": {"successes": 30, "trials": 50}}"#
  static let uncertainTeam = #"{"pert": {"min": 300000, "mode": 400000, "max": 600000}}"#

  static func run(
    share: String = uncertainShare, team: String = uncertainTeam, split: Bool = false,
    deterministic: Bool = false
  ) throws -> RunSummary {
    let model = try Model.load(Array(scenario(share: share, team: team).utf8))
    if deterministic { return try Simulation.deterministic(model) }
    var options = RunOptions(iterations: 2000, seed: 5, threads: 2)
    options.varianceSplit = split
    var summary = try Simulation.monteCarlo(model, options: options)
    summary.attachDeterministic(try Simulation.deterministic(model))
    return summary
  }

  static func section(_ html: String) throws -> XMLElement {
    try #require(S.element(try S.document(html), "section", where: "id", is: "drivers"))
  }

  @Test func htmlShowsATornadoAndTheRankedListPerDefinition() throws {
    let summary = try Self.run()
    let section = try Self.section(Renderer.render(summary, as: .html))
    #expect(S.elements(section, "h2").first?.stringValue == "What drives the risk")
    #expect(S.elements(section, "h3").count == 2)
    #expect(S.elements(section, "svg").count == 2)
    let tables = S.elements(section, "table")
    #expect(tables.count == 2)
    // "Team" holds the team's cost alone: the team explains all of it, the effect nothing.
    let team = summary.sensitivity[1]
    #expect(team.parameters.map(\.name) == ["team", "share"])
    #expect(team.parameters[0].varianceShare > 0.99 && team.parameters[1].varianceShare < 0.01)
    let entry = summary.sensitivity[0]
    let rows = S.elements(tables[0], "tr").filter { S.attribute($0, "data-parameter") != nil }
    #expect(rows.map { S.attribute($0, "data-parameter") } == entry.parameters.map(\.name))
    // Shares and amounts in the cells are the summary's, full precision in data-value.
    for (row, parameter) in zip(rows, entry.parameters) {
      let values = S.elements(row, "td").compactMap { S.attribute($0, "data-value") }
      #expect(values.first == JSONValue.format(parameter.varianceShare))
      #expect(values.last == JSONValue.format(parameter.evppi))
    }
    let text = section.stringValue ?? ""
    #expect(text.contains("EVPI"))
    #expect(text.contains("--variance-split"))
  }

  @Test func theRankedListIsSortedByVarianceShare() throws {
    let entry = try #require(try Self.run().sensitivity.first)
    let shares = entry.parameters.map(\.varianceShare)
    #expect(shares == shares.sorted(by: >))
    #expect(entry.parameters.count == 2)
  }

  @Test func oneUncertainParameterIsSaidNotDrawn() throws {
    let summary = try Self.run(team: "400000")
    let html = Renderer.render(summary, as: .html)
    let section = try Self.section(html)
    #expect(S.elements(section, "svg").isEmpty)
    let sentence = Labels.english.oneUncertainParameter("share")
    #expect((section.stringValue ?? "").contains(sentence))
    #expect(Renderer.render(summary, as: .table).contains("nothing to rank it"))
    #expect(Renderer.render(summary, as: .markdown).contains(sentence))
    #expect(Renderer.renderChart(summary, .tornado) == nil)
    // "Team" holds the fixed team cost alone: the effect varies, but not this result.
    #expect(summary.sensitivity[1].sd == 0)
    let fixed = Labels.english.resultDoesNotVary("0,40", untouched: true)
    #expect((section.stringValue ?? "").contains(fixed))
    #expect(S.elements(section, "table").count == 1)
  }

  @Test func noUncertainParameterIsSaid() throws {
    let summary = try Self.run(share: "0.6", team: "400000")
    #expect(summary.sensitivity.allSatisfy { $0.parameters.isEmpty })
    let section = try Self.section(Renderer.render(summary, as: .html))
    #expect(S.elements(section, "svg").isEmpty && S.elements(section, "table").isEmpty)
    #expect((section.stringValue ?? "").contains(Labels.english.noUncertainParameters))
  }

  @Test func theSplitGivesTheChanceSentence() throws {
    let summary = try Self.run(split: true)
    let split = try #require(summary.varianceSplit.first)
    let percent = AmountFormatting.percent(split.chanceShare, decimals: 0)
    for format in [OutputFormat.table, .markdown, .html] {
      let text = Renderer.render(summary, as: format)
      #expect(
        text.contains("(\(percent) of the variance) is chance in a cohort of 15"), "\(format)")
      #expect(!text.contains("--variance-split"), "\(format)")
    }
  }

  @Test func danishWords() throws {
    let summary = try Self.run()
    let options = RenderOptions(language: .da)
    for format in [OutputFormat.table, .markdown, .html] {
      let text = Renderer.render(summary, as: format, options: options)
      #expect(text.contains("Hvad driver risikoen"), "\(format)")
      #expect(!text.contains("What drives the risk"), "\(format)")
    }
  }

  @Test func aDeterministicReportHasNoSection() throws {
    let summary = try Self.run(deterministic: true)
    for format in [OutputFormat.table, .markdown, .html] {
      #expect(!Renderer.render(summary, as: format).contains("What drives the risk"))
    }
    #expect(!JSONReading.topLevelKeys(Renderer.render(summary, as: .json)).contains("sensitivity"))
  }

  // MARK: - The claim

  @Test func theFanChartDrawsTheClaimApartFromTheBaseValues() throws {
    let summary = try Self.run()
    let svg = try #require(Renderer.renderChart(summary, .fan))
    let root = try #require(try S.document(svg).rootElement())
    let words = S.elements(root, "text").map { $0.stringValue ?? "" }
    #expect(words.contains("The business case's figures"))
    #expect(words.contains("Model at base values"))
    #expect(!svg.lowercased().contains("spreadsheet"))
    let data = try #require(S.element(root, "g", where: "class", is: "data"))
    let claimLines = S.elements(data, "polyline").filter {
      S.attribute($0, "stroke") == ChartPalette.claim
    }
    #expect(claimLines.count == 1)
    let danish = try #require(
      Renderer.renderChart(summary, .fan, options: RenderOptions(language: .da)))
    #expect(danish.contains("Businesscasens egne tal") && !danish.contains("regneark"))
  }

  @Test func theVerdictStatesTheClaimsProbability() throws {
    let summary = try Self.run()
    let claimed = try #require(summary.claim?.payback.first)
    let sentence = Labels.english.claimHolds(
      years: 3, name: "Totaløkonomi", percent: AmountFormatting.percent(claimed.probability))
    #expect(Verdict.sentences(summary, labels: .english).last == sentence)
    #expect(claimed.probability == summary.payback[0].probabilityByYear[2])
  }

  // MARK: - JSON

  @Test func jsonCarriesTheContract() throws {
    let json = try JSONReading.object(Renderer.render(try Self.run(split: true), as: .json))
    let keys = JSONReading.topLevelKeys(Renderer.render(try Self.run(split: true), as: .json))
    #expect(Array(keys.suffix(4)) == ["sensitivity", "varianceSplit", "claim", "run"])
    let sensitivity = try #require(json["sensitivity"] as? [[String: Any]])
    #expect(sensitivity.map { $0["payback"] as? String } == ["Totaløkonomi", "Team"])
    #expect(Set(sensitivity[0].keys) == ["payback", "evpi", "parameters"])
    let parameter = try #require((sensitivity[0]["parameters"] as? [[String: Any]])?.first)
    #expect(
      Set(parameter.keys)
        == ["name", "spearman", "prcc", "varianceShare", "evppi", "low", "high", "oneWay"])
    #expect(Set((parameter["low"] as? [String: Any])?.keys ?? [:].keys) == ["value", "mean"])
    #expect(
      Set((parameter["oneWay"] as? [String: Any])?.keys ?? [:].keys)
        == ["lowValue", "highValue", "lowResult", "highResult"])
    let split = try #require((json["varianceSplit"] as? [[String: Any]])?.first)
    #expect(Set(split.keys) == ["payback", "total", "parameter", "chance", "chanceShare"])
    let claim = try #require(json["claim"] as? [String: Any])
    #expect(Set(claim.keys) == ["netImpact", "cumulative", "payback", "cumulativeRank"])
    #expect((claim["netImpact"] as? [Double]) == [300000, -200000, -300000])
    #expect((claim["cumulative"] as? [Double]) == [300000, 100000, -200000])
  }
}
