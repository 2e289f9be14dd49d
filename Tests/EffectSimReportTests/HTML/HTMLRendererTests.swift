import EffectSim
import Foundation
import FoundationXML
import Testing

@testable import EffectSimReport

@Suite("HTML decision report")
struct HTMLRendererTests {
  typealias S = HTMLTestSupport

  @Test func wellFormedSelfContainedAndInTheIssuesOrder() throws {
    let summary = try S.summary()
    let html = Renderer.render(summary, as: .html)
    let document = try S.document(html)
    #expect(document.rootElement()?.localName == "html")
    let body = try #require(S.elements(document, "body").first)
    let top = (body.children ?? []).compactMap { $0 as? XMLElement }.map {
      S.attribute($0, "id") ?? ""
    }
    #expect(
      top == [
        "facts", "verdict", "fan", "payback", "histogram", "drivers", "yearly", "outcomes",
        "assumptions", "method",
      ])
    // Nothing to fetch, nothing to run.
    #expect(!html.contains("<script"))
    #expect(!html.contains("src="))
    #expect(!html.contains("href="))
    #expect(!html.contains("url("))
    // Scenario text is escaped, not markup.
    #expect(html.contains("Small &lt;IPS&gt; &amp; &quot;case&quot;"))
  }

  @Test func headerHasTheFactsToReproduceTheRun() throws {
    let summary = try S.summary()
    let date = Date(timeIntervalSince1970: 1_700_000_000)
    let html = Renderer.render(summary, as: .html, options: RenderOptions(generated: date))
    let facts = try #require(S.element(try S.document(html), "dl", where: "class", is: "facts"))
    let terms = S.elements(facts, "dt").map { $0.stringValue ?? "" }
    let values = S.elements(facts, "dd").map { $0.stringValue ?? "" }
    let pairs = Dictionary(uniqueKeysWithValues: zip(terms, values))
    #expect(pairs["Source"] == "test")
    #expect(pairs["Price level"] == "2020 p/l (DKK)")
    #expect(pairs["Iterations"] == "2.000")
    #expect(pairs["Seed"] == "9")
    #expect(pairs["Engine version"] == EffectSimVersion.string)
    #expect(pairs["Date"]?.hasPrefix("2023-11-") == true)
  }

  @Test func yearlyTableEqualsTheJSONOutput() throws {
    let summary = try S.summary()
    let json = try S.json(summary)
    let document = try S.document(Renderer.render(summary, as: .html))
    let table = try #require(S.element(document, "table", where: "class", is: "yearly"))
    func expectRow(_ kind: String, _ series: [[String: Any]]) throws {
      let row = try #require(S.element(table, "tr", where: "data-row", is: kind))
      let cells = S.elements(row, "td")
      #expect(cells.count == series.count)
      for (cell, statistic) in zip(cells, series) {
        let percentiles = try #require(statistic["percentiles"] as? [String: Double])
        for (attribute, level) in [("data-value", "50"), ("data-low", "5"), ("data-high", "95")] {
          let shown = try #require(S.attribute(cell, attribute).flatMap(Double.init))
          #expect(shown == percentiles[level], "\(kind) \(attribute)")
        }
        // The visible text is the same numbers in thousands.
        let median = try #require(percentiles["50"])
        #expect(
          cell.stringValue?.hasPrefix(AmountFormatting.thousands(median, minus: .sign)) == true)
      }
    }
    let net = try #require(json["netImpact"] as? [String: Any])
    let cumulative = try #require(json["cumulativeNetImpact"] as? [String: Any])
    try expectRow("total", try #require(net["total"] as? [[String: Any]]))
    try expectRow("cumulative", try #require(cumulative["total"] as? [[String: Any]]))
    let areaRows = S.elements(table, "tr").filter { S.attribute($0, "data-row") == "area" }
    #expect(areaRows.count == (json["areas"] as? [String])?.count)
  }

  @Test func paybackVerdictAndCalibrationEqualTheJSONOutput() throws {
    let summary = try S.summary()
    let json = try S.json(summary)
    let html = Renderer.render(summary, as: .html)
    let document = try S.document(html)
    let paybacks = try #require(json["payback"] as? [[String: Any]])
    let table = try #require(S.element(document, "table", where: "class", is: "payback"))
    let rows = S.elements(table, "tr").dropFirst()
    #expect(rows.count == paybacks.count)
    for (row, payback) in zip(rows, paybacks) {
      let probabilities = try #require(payback["probabilityByYear"] as? [Double])
      let cells = S.elements(row, "td").prefix(probabilities.count)
      #expect(cells.compactMap { S.attribute($0, "data-value").flatMap(Double.init) } == probabilities)
    }
    // The verdict quotes the headline definition's last-year probability.
    let verdict = try #require(S.element(document, "section", where: "id", is: "verdict"))
    let last = try #require((paybacks[0]["probabilityByYear"] as? [Double])?.last)
    #expect(verdict.stringValue?.contains(AmountFormatting.percent(last)) == true)
    let loss = try #require(summary.horizon?.probabilityOfLoss)
    #expect(verdict.stringValue?.contains(AmountFormatting.percent(loss)) == true)

    let occupancy = try #require((json["occupancy"] as? [[String: Any]])?.first)
    let shares = try #require(occupancy["intervention"] as? [String: [String: Any]])
    let calibration = try #require(S.element(document, "table", where: "data-cycle", is: "18"))
    for (state, statistic) in shares {
      let row = try #require(S.element(calibration, "tr", where: "data-state", is: state))
      let cell = try #require(S.element(row, "td", where: "data-arm", is: "intervention"))
      #expect(S.attribute(cell, "data-value").flatMap(Double.init) == statistic["mean"] as? Double)
    }
  }

  @Test func registerListsEveryParameterWithItsRange() throws {
    let summary = try S.summary()
    let document = try S.document(Renderer.render(summary, as: .html))
    let register = try #require(S.element(document, "table", where: "class", is: "register"))
    for parameter in summary.parameters {
      let row = try #require(S.element(register, "tr", where: "data-parameter", is: parameter.name))
      let text = row.stringValue ?? ""
      // The distribution in the report's number style; note and source on the line below,
      // in the same tbody, which print keeps together.
      let distribution = try #require(parameter.distribution)
      #expect(text.contains(Labels.english.notation(distribution)))
      let body = try #require(row.parent as? XMLElement)
      #expect(body.localName == "tbody" && S.attribute(body, "class") == "parameter")
      if let note = parameter.note { #expect(body.stringValue?.contains(note) == true) }
      if let source = parameter.source { #expect(body.stringValue?.contains(source) == true) }
      if let range = parameter.range {
        let cell = try #require(S.elements(row, "td").first { S.attribute($0, "data-low") != nil })
        #expect(S.attribute(cell, "data-low").flatMap(Double.init) == range.low)
        #expect(S.attribute(cell, "data-high").flatMap(Double.init) == range.high)
      }
    }
    #expect(summary.parameters.map(\.name) == ["share", "level", "team"])
  }

  @Test func danishReport() throws {
    let html = Renderer.render(try S.summary(), as: .html, options: RenderOptions(language: .da))
    _ = try S.document(html)
    #expect(html.contains("lang=\"da\""))
    #expect(html.contains("Samlet økonomisk påvirkning"))
    #expect(html.contains("Forudsætninger"))
    #expect(!html.contains("Assumptions register"))
  }

  @Test(arguments: [RunSettings.Mode.montecarlo, .deterministic])
  func fixtureSummariesRenderToo(mode: RunSettings.Mode) throws {
    // No horizon, register or deterministic reading: the report leaves those parts out.
    let html = Renderer.render(Fixtures.summary(mode, years: 5), as: .html)
    let document = try S.document(html)
    #expect(S.element(document, "section", where: "id", is: "histogram") == nil)
    #expect(S.element(document, "section", where: "id", is: "fan") != nil)
  }
}
