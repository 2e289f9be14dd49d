import Foundation
import Testing

@testable import EffectSimCLI

@Suite("run --lang and --csv-style")
struct ReportOptionTests {
  @Test(arguments: [["--lang", "fr"], ["--lang=dk"], ["--csv-style", "excel"]])
  func unknownValuesAreUsageErrorsNamingTheOption(option: [String]) {
    let result = effectsim(["run", "-", "--deterministic"] + option, input: smallScenario)
    #expect(result.code == 64)
    let name = String(option[0].prefix { $0 != "=" })
    #expect(result.err.contains("\(name): unknown value"), "\(result.err)")
    #expect(result.out.isEmpty)
  }

  @Test func danishLabelsOnTheTable() {
    let english = effectsim(["run", "-", "--deterministic"], input: smallScenario)
    let danish = effectsim(["run", "-", "--deterministic", "--lang", "da"], input: smallScenario)
    #expect(danish.code == 0, "\(danish.err)")
    #expect(english.out.contains("Net impact"))
    #expect(danish.out.contains("Samlet økonomisk påvirkning"))
    #expect(!danish.out.contains("Net impact"))
  }

  @Test func excelCSVHasTheByteOrderMarkAndSemicolons() {
    let result = effectsim(
      ["run", "-", "--deterministic", "--format", "csv", "--csv-style", "excel-da"],
      input: smallScenario)
    #expect(result.code == 0, "\(result.err)")
    #expect(result.out.hasPrefix("\u{FEFF}metric;area;year;statistic;value\r\n"))
  }
}

@Suite("run --format html and --chart")
struct HTMLCommandTests {
  @Test(arguments: ["report.html", "REPORT.HTM"])
  func htmlIsInferredFromTheOutputExtension(name: String) throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent(name)
    let result = effectsim(["run", "-", "-n", "200", "-o", file.path], input: smallScenario)
    #expect(result.code == 0, "\(result.err)")
    let html = try String(contentsOf: file, encoding: .utf8)
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    // A Monte Carlo report draws the base-value line: the deterministic run was attached.
    #expect(html.contains("Model at base values"))
  }

  @Test func chartWritesOneSVGAndRefusesAFormat() {
    let chart = effectsim(["run", "-", "-n", "200", "--chart", "fan"], input: smallScenario)
    #expect(chart.code == 0, "\(chart.err)")
    #expect(chart.out.hasPrefix("<?xml"))
    #expect(chart.out.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"fan-chart\""))
    let both = effectsim(
      ["run", "-", "-n", "200", "--chart", "fan", "--format", "html"], input: smallScenario)
    #expect(both.code == 64)
    #expect(both.err.contains("--chart"))
  }
}
