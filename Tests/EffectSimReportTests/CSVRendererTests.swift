import Foundation
import EffectSim
import Testing

@testable import EffectSimReport

@Suite("CSV renderer")
struct CSVRendererTests {
  /// Rows the fixture must produce, counted from the layout documented on `CSVRenderer`.
  func expectedRows(_ summary: RunSummary) -> Int {
    let years = summary.years.count
    let areas = summary.areas.count
    let perStatistic = 3 + summary.settings.percentileLevels.count
    let outcomes = summary.outcomes.count
    let occupancy = summary.occupancy.reduce(0) { $0 + $1.intervention.count + $1.control.count }
    let statistics =
      2 * (1 + areas) * years  // netImpact, cumulativeNetImpact
      + 2 * years  // armCosts
      + 3 * outcomes  // outcome.<name>.<arm>
      + (1 + areas) + 2 + 3 * outcomes  // presentValue
      + occupancy
    let payback = summary.payback.reduce(0) { total, payback in
      total + 2 * years + 2 + (payback.deterministicYear == nil ? 0 : 1)
    }
    return 1 + perStatistic * statistics + payback
  }

  @Test(arguments: [RunSettings.Mode.montecarlo, .deterministic])
  func rowCountMatchesTheLayout(mode: RunSettings.Mode) {
    let summary = Fixtures.summary(mode)
    let records = CSVParsing.records(Renderer.render(summary, as: .csv))
    #expect(records.count == expectedRows(summary))
    #expect(records.count == (mode == .montecarlo ? 194 : 193))
    #expect(
      records.first == [
        "metric", "name", "area", "arm", "state", "cycle", "year", "statistic", "value",
      ])
    #expect(records.allSatisfy { $0.count == 9 })
    // One column per dimension: no metric name carries a dimension after a dot.
    #expect(records.dropFirst().allSatisfy { !$0[0].contains(".") })
  }

  /// A record by its dimensions; the columns not given are empty.
  func row(
    _ metric: String, name: String = "", area: String = "", arm: String = "", state: String = "",
    cycle: String = "", year: String = "", _ statistic: String, _ value: String
  ) -> [String] {
    [metric, name, area, arm, state, cycle, year, statistic, value]
  }

  @Test func valuesKeepFullPrecision() {
    let records = CSVParsing.records(Renderer.render(Fixtures.summary(.montecarlo), as: .csv))
    #expect(records.contains(row("netImpact", area: "total", year: "2018", "p50", "2073000")))
    #expect(
      records.contains(row("netImpact", area: "Overførsler", year: "2019", "p95", "-2489000")))
    #expect(
      records.contains(
        row("cumulativeNetImpact", area: "total", year: "2019", "mean", "1376000")))
    #expect(
      records.contains(
        row("armCosts", area: "total", arm: "control", year: "2019", "p5", "3679000")))
    let sd = records.first { $0[0] == "netImpact" && $0[7] == "sd" }?[8]
    #expect(sd.flatMap(Double.init) == 500_000 / 1.645)
    let name = "Totaløkonomi"
    #expect(
      records.contains(
        row("paybackProbability", name: name, area: "total", year: "2019", "mean", "0.45")))
    #expect(
      records.contains(row("paybackNotWithinHorizon", name: name, area: "total", "mean", "0.55")))
    #expect(records.contains(row("paybackMedianYear", name: name, area: "total", "value", "")))
    #expect(
      records.contains(row("paybackDeterministicYear", name: name, area: "total", "value", "2")))
    #expect(
      records.contains(row("outcome", name: "employed", arm: "difference", "p50", "20.25")))
    #expect(
      records.contains(row("presentValueNetImpact", area: "Indsats (EI)", "p50", "4300000")))
    #expect(
      records.contains(
        row("presentValueArmCosts", area: "total", arm: "control", "p50", "4700000")))
    #expect(
      records.contains(
        row("presentValueOutcome", name: "employed", arm: "control", "p50", "100.25")))
    #expect(
      records.contains(
        row("occupancy", arm: "control", state: "job", cycle: "12", "p50", "0.45")))
  }

  @Test func fieldsWithCommasQuotesAndLineBreaksAreQuoted() {
    #expect(CSVWriter.field("plain") == "plain")
    #expect(CSVWriter.field("a,b") == "\"a,b\"")
    #expect(CSVWriter.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
    #expect(CSVWriter.field("two\nlines") == "\"two\nlines\"")
    #expect(CSVWriter.field("cr\rhere") == "\"cr\rhere\"")

    let name = "job, \"paid\"\nor education"
    let summary = Fixtures.summary(.montecarlo, outcomeName: name)
    let text = Renderer.render(summary, as: .csv)
    #expect(
      text.contains("outcome,\"job, \"\"paid\"\"\nor education\",,difference,,,,mean,20.35\n"))
    let records = CSVParsing.records(text)
    #expect(records.count == expectedRows(summary))
    #expect(records.contains(row("outcome", name: name, arm: "intervention", "p5", "110.5")))
  }

  @Test func nonFiniteValuesUseTheSpellingsOfRAndPandas() {
    #expect(CSVRenderer.number(.nan) == "NaN")
    #expect(CSVRenderer.number(.infinity) == "Inf")
    #expect(CSVRenderer.number(-.infinity) == "-Inf")
    #expect(CSVRenderer.number(0.1) == "0.1")
    #expect(CSVRenderer.percentileName(97.5) == "p97.5")
  }
}

@Suite("CSV for Excel (Danish)")
struct ExcelCSVTests {
  @Test(arguments: [RunSettings.Mode.montecarlo, .deterministic])
  func sameRecordsWithSemicolonsDecimalCommasAndAByteOrderMark(mode: RunSettings.Mode) {
    let summary = Fixtures.summary(mode)
    let tidy = CSVParsing.records(Renderer.render(summary, as: .csv))
    let text = Renderer.render(
      summary, as: .csv, options: RenderOptions(csvStyle: .excelDanish))
    #expect(text.hasPrefix("\u{FEFF}metric;name;area;arm;state;cycle;year;statistic;value\r\n"))
    let excel = CSVParsing.records(String(text.dropFirst()), separator: ";")
    #expect(excel.count == tidy.count)
    for (row, original) in zip(excel, tidy) {
      #expect(row.count == 9)
      #expect(Array(row.prefix(8)) == Array(original.prefix(8)))
      #expect(row[8] == original[8].replacingOccurrences(of: ".", with: ","))
    }
    #expect(excel.contains { $0[8].contains(",") } == tidy.contains { $0[8].contains(".") })
  }

  @Test func danishHeadersWithDanishLanguageInExcel() {
    let summary = Fixtures.summary(.montecarlo)
    let danish = Renderer.render(
      summary, as: .csv, options: RenderOptions(language: .da, csvStyle: .excelDanish))
    #expect(
      danish.hasPrefix(
        "\u{FEFF}nøgletal;navn;område;arm;tilstand;cyklus;år;statistik;værdi\r\n"))
    // The rows stay the same keys; a tidy file stays English for programs.
    let english = Renderer.render(summary, as: .csv, options: RenderOptions(csvStyle: .excelDanish))
    #expect(
      danish.split(separator: "\r\n").dropFirst() == english.split(separator: "\r\n").dropFirst())
    let tidy = Renderer.render(summary, as: .csv, options: RenderOptions(language: .da))
    #expect(tidy.hasPrefix("metric,name,"))
  }

  @Test func fieldsHoldingTheSeparatorAreQuoted() {
    #expect(CSVWriter.field("a;b", separator: ";") == "\"a;b\"")
    #expect(CSVWriter.field("a,b", separator: ";") == "a,b")
  }
}
