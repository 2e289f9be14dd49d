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
    #expect(records.first == ["metric", "area", "year", "statistic", "value"])
    #expect(records.allSatisfy { $0.count == 5 })
  }

  @Test func valuesKeepFullPrecision() {
    let records = CSVParsing.records(Renderer.render(Fixtures.summary(.montecarlo), as: .csv))
    #expect(records.contains(["netImpact", "total", "2018", "p50", "2073000"]))
    #expect(records.contains(["netImpact", "Overførsler", "2019", "p95", "-2489000"]))
    #expect(records.contains(["cumulativeNetImpact", "total", "2019", "mean", "1376000"]))
    #expect(records.contains(["armCosts.control", "total", "2019", "p5", "3679000"]))
    let sd = records.first { $0[0] == "netImpact" && $0[3] == "sd" }?[4]
    #expect(sd.flatMap(Double.init) == 500_000 / 1.645)
    let payback = "payback.Totaløkonomi."
    #expect(records.contains([payback + "probability", "total", "2019", "mean", "0.45"]))
    #expect(records.contains([payback + "notWithinHorizon", "total", "", "mean", "0.55"]))
    #expect(records.contains([payback + "medianYear", "total", "", "value", ""]))
    #expect(records.contains([payback + "deterministicYear", "total", "", "value", "2"]))
    #expect(records.contains(["outcome.employed.difference", "", "", "p50", "20.25"]))
    #expect(records.contains(["presentValue.netImpact", "Indsats (EI)", "", "p50", "4300000"]))
    #expect(records.contains(["presentValue.armCosts.control", "total", "", "p50", "4700000"]))
    #expect(records.contains(["presentValue.outcome.employed.control", "", "", "p50", "100.25"]))
    #expect(records.contains(["occupancy.12.control.job", "", "", "p50", "0.45"]))
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
    #expect(text.contains("\"outcome.job, \"\"paid\"\"\nor education.difference\",,,mean,20.35\n"))
    let records = CSVParsing.records(text)
    #expect(records.count == expectedRows(summary))
    #expect(records.contains(["outcome.\(name).intervention", "", "", "p5", "110.5"]))
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
    #expect(text.hasPrefix("\u{FEFF}metric;area;year;statistic;value\r\n"))
    let excel = CSVParsing.records(String(text.dropFirst()), separator: ";")
    #expect(excel.count == tidy.count)
    for (row, original) in zip(excel, tidy) {
      #expect(row.count == 5)
      #expect(Array(row.prefix(4)) == Array(original.prefix(4)))
      #expect(row[4] == original[4].replacingOccurrences(of: ".", with: ","))
    }
    #expect(excel.contains { $0[4].contains(",") } == tidy.contains { $0[4].contains(".") })
  }

  @Test func fieldsHoldingTheSeparatorAreQuoted() {
    #expect(CSVWriter.field("a;b", separator: ";") == "\"a;b\"")
    #expect(CSVWriter.field("a,b", separator: ";") == "a,b")
  }
}
