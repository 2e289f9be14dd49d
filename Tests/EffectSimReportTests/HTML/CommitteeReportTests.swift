import EffectSim
import Foundation
import FoundationXML
import Testing

@testable import EffectSimReport

/// The report as a finance committee reads it (issue 14): a deterministic report that says
/// what it is, full Danish, numbers that cannot be misread, and a layout that prints.
@Suite("The report as a committee reads it")
struct CommitteeReportTests {
  typealias S = HTMLTestSupport

  static let danish = RenderOptions(language: .da)

  /// The small scenario run deterministically, as `run --deterministic -f html` makes it.
  static func deterministic() throws -> RunSummary {
    try Simulation.deterministic(try Model.load(Array(S.scenario.utf8)))
  }

  static func section(_ document: XMLDocument, _ id: String) -> XMLElement? {
    S.element(document, "section", where: "id", is: id)
  }

  // MARK: - Deterministic mode

  @Test(arguments: ReportLanguage.allCases)
  func aDeterministicReportShowsWhatItIs(language: ReportLanguage) throws {
    let labels = Labels(language: language)
    let html = Renderer.render(
      try Self.deterministic(), as: .html, options: RenderOptions(language: language))
    let document = try S.document(html)
    // No histogram of "1 simulated future", no probability curve that jumps 0 → 100 %.
    #expect(Self.section(document, "histogram") == nil)
    #expect(S.element(document, "svg", where: "id", is: PaybackChart.id) == nil)
    let payback = try #require(Self.section(document, "payback"))
    #expect(S.elements(payback, "h2").first?.stringValue == labels.paybackYearTitle)
    let rows = S.elements(payback, "tr").filter { S.attribute($0, "data-payback") != nil }
    #expect(rows.count == 2)
    #expect(rows.first.flatMap { S.attribute($0, "data-year") } == nil)
    #expect(rows.first?.stringValue?.contains(labels.notWithinTheHorizon) == true)
    // The fan chart's caption describes the single line it draws, not bands and a median.
    let fan = try #require(Self.section(document, "fan"))
    #expect(S.elements(fan, "figcaption").first?.stringValue == labels.fanCaptionDeterministic)
    #expect(S.elements(fan, "polygon").isEmpty)
    // The verdict says that nothing was simulated, and never ends in "kr..".
    let verdict = try #require(Self.section(document, "verdict"))
    let headline = try #require(S.element(verdict, "p", where: "class", is: "headline"))
    #expect(headline.stringValue?.hasSuffix(language == .da ? "ikke simuleret." : "simulated.") == true)
    #expect(verdict.stringValue?.contains(labels.verdictNothingSimulated) == true)
    #expect(verdict.stringValue?.contains("..") == false)
    // The register shows the distributions, marked as not simulated; fixed values as "–".
    let register = try #require(S.element(document, "table", where: "class", is: "register"))
    let share = try #require(S.element(register, "tr", where: "data-parameter", is: "share"))
    let cells = S.elements(share, "td").map { $0.stringValue ?? "" }
    #expect(cells[1] == labels.notation(.beta(alpha: 30, beta: 20)))
    #expect(cells[4] == labels.notSimulated)
    // Facts: no seed and no count of futures for a run that draws nothing.
    let facts = try #require(S.element(document, "dl", where: "class", is: "facts"))
    let values = S.elements(facts, "dd").map { $0.stringValue ?? "" }
    #expect(values.filter { $0 == "–" }.count == 2)
    // The method note describes the expected path and reproduces with --deterministic.
    let method = try #require(Self.section(document, "method")).stringValue ?? ""
    #expect(method.contains("--deterministic"))
    #expect(!method.contains("--seed"))
  }

  // MARK: - Calibration

  @Test func withoutOccupancyTheSectionSaysNothingOfOccupancy() throws {
    var summary = Fixtures.summary(.montecarlo)
    summary.occupancy = []
    let document = try S.document(Renderer.render(summary, as: .html))
    let section = try #require(Self.section(document, "outcomes"))
    #expect(S.elements(section, "h2").first?.stringValue == Labels.english.outcomesHeading)
    #expect(section.stringValue?.contains(Labels.english.calibrationNote) == false)
    #expect(S.elements(section, "table").count == 1)
    // With occupancy tables the note is there, and opens the block with the first table.
    let full = try S.document(Renderer.render(Fixtures.summary(.montecarlo), as: .html))
    let calibration = try #require(Self.section(full, "outcomes"))
    let first = try #require(S.element(calibration, "div", where: "class", is: "keep"))
    #expect(first.stringValue?.contains(Labels.english.calibrationNote) == true)
    #expect(S.elements(first, "table").count == 1)
  }

  // MARK: - Numbers

  @Test func negativeNumbersCarryTheMinusSignAndRangesReadTo() throws {
    let summary = Fixtures.summary(.montecarlo)
    for (options, to) in [(RenderOptions(), " to "), (Self.danish, " til ")] {
      let document = try S.document(Renderer.render(summary, as: .html, options: options))
      let table = try #require(S.element(document, "table", where: "class", is: "yearly"))
      let net = try #require(S.element(table, "tr", where: "data-row", is: "total"))
      let last = try #require(S.elements(net, "td").last)
      // -709 with the interval -1.209 to -209 (thousands).
      #expect(last.stringValue == "\u{2212}709\u{2212}1.209\(to)\u{2212}209")
      let ranges = S.elements(document, "span").filter { S.attribute($0, "class") == "range" }
      #expect(!ranges.isEmpty)
      for range in ranges {
        let text = range.stringValue ?? ""
        #expect(!text.contains(" – ") && !text.contains("-"), "\(text)")
      }
    }
  }

  @Test func chartAxesAndHeadingsAreTypesetForPrint() {
    let ticks = AxisTicks(covering: -2_000_000, 1_000_000, minimumSpan: 10_000)
    let labels = ticks.labels(scale: 1e-6)
    #expect(labels.first == "\u{2212}2")
    #expect(!labels.joined().contains("-"))
    // A heading wraps between words, never between a number and its percent sign.
    let head = HTMLRenderer.head(["Lav θ (≤ 10 %)"], numeric: ["Envejs 95 %"])
    #expect(head.contains("Lav θ (≤ 10\u{00A0}%)") && head.contains("Envejs 95\u{00A0}%"))
  }

  @Test func probabilitiesAtTheEdgeInTheTables() throws {
    var summary = Fixtures.summary(.montecarlo)
    summary.payback[0].probabilityByYear = [0, 1]
    summary.payback[0].probabilityNotWithinHorizon = 0
    let html = Renderer.render(summary, as: .html)
    let table = try #require(S.element(try S.document(html), "table", where: "class", is: "payback"))
    let cells = S.elements(table, "td").map { $0.stringValue ?? "" }
    #expect(Array(cells.prefix(3)) == ["< 0,1 %", "> 99,9 %", "< 0,1 %"])
    for format in [OutputFormat.table, .markdown] {
      let text = Renderer.render(summary, as: format)
      #expect(text.contains("< 0,1 %") && text.contains("> 99,9 %"))
      #expect(!text.contains("100,0 %") && !text.contains(" 0,0 %"))
    }
    #expect(AmountFormatting.probability(0.0004) == "< 0,1 %")
    #expect(AmountFormatting.probability(0.0005) == "0,1 %")
    #expect(AmountFormatting.probability(0.9994) == "99,9 %")
    #expect(AmountFormatting.probability(0.9995) == "> 99,9 %")
  }

  // MARK: - Danish

  @Test func theDanishReportHasNoEnglishLeft() throws {
    let summary = try S.summary()
    let html = Renderer.render(summary, as: .html, options: Self.danish)
    let document = try S.document(html)
    let facts = try #require(S.element(document, "dl", where: "class", is: "facts"))
    let pairs = Dictionary(
      uniqueKeysWithValues: zip(
        S.elements(facts, "dt").map { $0.stringValue ?? "" },
        S.elements(facts, "dd").map { $0.stringValue ?? "" }))
    #expect(pairs["Parring"] == "koblet")
    #expect(pairs["Beregningskerne"] == "individuel")
    #expect(pairs["Simulerede forløb"] == "2.000")
    let register = try #require(S.element(document, "table", where: "class", is: "register"))
    let scopes = S.elements(register, "tr").compactMap { row -> String? in
      guard S.attribute(row, "data-parameter") != nil else { return nil }
      return S.elements(row, "td")[2].stringValue
    }
    #expect(scopes == ["forløb", "person", "forløb"])
    // Distributions in Danish number style, as the base column writes its numbers.
    #expect(register.stringValue?.contains("Beta(30; 20)") == true)
    #expect(register.stringValue?.contains("Diskret(11.000: 0,5; 15.000: 0,5)") == true)
    #expect(register.stringValue?.contains("PERT(300.000; 400.000; 600.000)") == true)
    // (The method note's command may say "--kernel individual": a value to type, not prose.)
    for english in [
      "coupled", ">individual<", ">iteration<", "Saving", "Loss", "Underskud", "Besparelse (",
      "tilbagebetalt", "iterationer", "Andel af iterationer",
    ] {
      #expect(!html.contains(english), "\(english)")
    }
    for danish in ["Merudgift (&gt; 0)", "Mindreudgift (≤ 0)", "tjent hjem", "simulerede forløb"] {
      #expect(html.contains(danish), "\(danish)")
    }
  }

  @Test func labelsNameOutcomesAreasAndPaybackDefinitions() throws {
    var summary = Fixtures.summary(.montecarlo)
    summary.scenario.labels = [
      "employed": "År i ordinært job", "Overførsler": "Overførsler (netto)",
      "Totaløkonomi": "Samlet økonomi",
    ]
    for format in [OutputFormat.table, .markdown, .html] {
      let text = Renderer.render(summary, as: format)
      for label in ["År i ordinært job", "Overførsler (netto)", "Samlet økonomi"] {
        #expect(text.contains(label), "\(format): \(label)")
      }
      #expect(!text.contains("employed "), "\(format)")
    }
    // Programs keep the names.
    let json = Renderer.render(summary, as: .json)
    #expect(json.contains("\"employed\"") && !json.contains("År i ordinært job"))
    let html = try S.document(Renderer.render(summary, as: .html))
    #expect(S.element(html, "tr", where: "data-outcome", is: "employed") != nil)
  }

  // MARK: - Print and layout

  @Test func theStylesheetKeepsRowsTogetherAndNeverBreaksWordsInside() {
    let css = HTMLStyle.css
    #expect(!css.contains("anywhere"))
    #expect(!css.contains("table-layout: fixed"))
    #expect(css.contains("thead { display: table-header-group; }"))
    #expect(css.contains("tr, tbody.parameter { break-inside: avoid;"))
    #expect(css.contains(".keep { break-inside: avoid;"))
    #expect(css.contains("thead th.num { white-space: normal; }"))
    #expect(css.contains("@media (max-width: 760px)"))
    #expect(css.contains("@page { size: A4;"))
  }

  @Test func smallTablesOpenWithTheirHeadingAndTheRegisterKeepsEachParameterWhole() throws {
    let document = try S.document(Renderer.render(try S.summary(), as: .html))
    let yearly = try #require(Self.section(document, "yearly"))
    let block = try #require(S.element(yearly, "div", where: "class", is: "keep"))
    #expect(S.elements(block, "h2").count == 1 && S.elements(block, "table").count == 1)
    let register = try #require(S.element(document, "table", where: "class", is: "register"))
    let bodies = S.elements(register, "tbody")
    #expect(bodies.count == 3)
    // The parameter with a note and a source ("share") has them on one full-width line.
    for (index, body) in bodies.enumerated() {
      #expect(S.attribute(body, "class") == "parameter")
      let about = S.elements(body, "td").filter { S.attribute($0, "colspan") == "5" }
      #expect(about.count == (index == 0 ? 1 : 0))
    }
    // Five columns: the note and the source no longer squeeze the numbers.
    let head = try #require(S.elements(register, "thead").first)
    #expect(S.elements(head, "th").count == 5)
  }

  // MARK: - Payback chart

  @Test func smallProbabilitiesZoomTheAxisAndPutTheTableFirst() throws {
    var summary = try S.summary()
    for index in summary.payback.indices {
      summary.payback[index].probabilityByYear = [0, 0.004, 0.012]
    }
    #expect(PaybackChart.axisTop(summary) == 0.02)
    let document = try S.document(Renderer.render(summary, as: .html))
    let section = try #require(Self.section(document, "payback"))
    let children = (section.children ?? []).compactMap { $0 as? XMLElement }
    #expect(children.map(\.localName) == ["div", "figure"])
    #expect(section.stringValue?.contains(Labels.english.paybackAxisZoomed("2 %")) == true)
    let svg = try #require(S.element(section, "svg", where: "id", is: PaybackChart.id))
    let texts = S.elements(svg, "text").map { $0.stringValue ?? "" }
    #expect(texts.contains("2,0 %") && !texts.contains("100 %"))
    #expect(texts.contains(Labels.english.probabilityAxisTo("2 %")))
    // Large probabilities keep the full axis and the chart first.
    let full = try S.document(Renderer.render(try S.summary(), as: .html))
    let plain = try #require(Self.section(full, "payback"))
    let first = (plain.children ?? []).compactMap { $0 as? XMLElement }.first?.localName
    if PaybackChart.axisTop(try S.summary()) == 1 { #expect(first == "h2") }
    #expect(PaybackChart.axisTop(Fixtures.summary(.montecarlo)) == 1)
  }

  @Test func markersThatMeetAreSetSideBySide() {
    let offsets = PaybackChart.dodge([[300, 200, 100], [300, 250, 101], [300, 200, 50]], spacing: 7)
    #expect(offsets.map { $0[0] } == [-7, 0, 7])
    #expect(offsets.map { $0[1] } == [-3.5, 0, 3.5])
    #expect(offsets.map { $0[2] } == [-3.5, 3.5, 0])
  }

  @Test func endLabelsStackUpFromTheFloor() {
    let labels: [(y: Double, text: String, colour: String)] = (0..<4).map { _ in
      (y: 300.0, text: "< 0,1 %", colour: "#000000")
    }
    let spread = PaybackChart.spread(labels, gap: 13, within: (50, 297))
    let ys: [Double] = spread.map { $0.y }
    #expect(ys.allSatisfy { $0 <= 297 && $0 >= 50 })
    for (a, b) in zip(ys, ys.dropFirst()) { #expect(b - a >= 13 - 1e-9) }
  }

  // MARK: - Charts alone

  @Test(arguments: ReportChart.allCases)
  func aChartAloneCarriesTheScenarioTitleAndCaption(chart: ReportChart) throws {
    let summary = try S.summary()
    guard let svg = Renderer.renderChart(summary, chart) else {
      #expect(chart == .tornado)
      return
    }
    let root = try #require(try S.document(svg).rootElement())
    #expect(S.attribute(root, "id") == "standalone-chart")
    let outer = (root.children ?? []).compactMap { $0 as? XMLElement }
    let texts = outer.filter { $0.localName == "text" }.map { $0.stringValue ?? "" }
    #expect(texts.first == ReportText.singleLine(summary.scenario.name))
    let inner = try #require(outer.first { $0.localName == "svg" })
    #expect(S.attribute(inner, "y") == "50.0")
    // The caption's lines fit the chart's width and sit below it.
    let captionWords = texts.dropFirst(2).joined(separator: " ")
    #expect(!captionWords.isEmpty)
    let height = try #require(SVGBuilder.size(of: svg)?.height)
    let chartHeight = try #require(SVGBuilder.size(of: inner.xmlString)?.height)
    #expect(height > 50 + chartHeight)
    for text in outer.filter({ $0.localName == "text" }).dropFirst(2) {
      let y = try #require(S.attribute(text, "y").flatMap(Double.init))
      #expect(y > 50 + chartHeight && y < height)
      #expect(SVGBuilder.textWidth(text.stringValue ?? "", size: 11) <= 720 - 12)
    }
  }

  @Test func aDeterministicRunDrawsNoProbabilityCharts() throws {
    let summary = try Self.deterministic()
    #expect(Renderer.renderChart(summary, .payback) == nil)
    #expect(Renderer.renderChart(summary, .histogram) == nil)
    let fan = try #require(Renderer.renderChart(summary, .fan))
    #expect(fan.contains(XMLText.escape(Labels.english.fanCaptionDeterministic.prefix(40).description)))
  }

  // MARK: - Method

  @Test func theMethodNoteReproducesTheRunWithTheFile() {
    let summary = Fixtures.summary(.montecarlo)
    #expect(
      Labels.english.reproduceCommand(summary, scenarioPath: "scenarios/rebild-ips-2022.json")
        == "effectsim run scenarios/rebild-ips-2022.json --iterations 10000 --seed 42"
        + " --kernel individual")
    #expect(
      Labels.english.reproduceCommand(summary, scenarioPath: "my case.json")
        == "effectsim run 'my case.json' --iterations 10000 --seed 42 --kernel individual")
    // A what-if run is reproduced with its --set values, quoted for the shell.
    var whatIf = summary
    whatIf.settings.overrides = [
      ScenarioOverride(parameter: "citizens", value: .number(30), text: "30"),
      ScenarioOverride(parameter: "share", value: .string("0.5 * x"), text: "0.5 * x"),
    ]
    #expect(
      Labels.english.reproduceCommand(whatIf, scenarioPath: "a.json")
        == "effectsim run a.json --iterations 10000 --seed 42 --kernel individual"
        + " --set citizens=30 --set 'share=0.5 * x'")
    #expect(
      Labels.english.reproduceCommand(Fixtures.summary(.deterministic), scenarioPath: "a.json")
        == "effectsim run a.json --deterministic")
    #expect(Labels.shellWord("it's") == "'it'\\''s'")
  }
}
