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
    #expect(
      result.out.hasPrefix("\u{FEFF}metric;name;area;arm;state;cycle;year;statistic;value\r\n"))
    let danish = effectsim(
      ["run", "-", "--deterministic", "--csv-style", "excel-da", "--lang", "da"],
      input: smallScenario)
    #expect(danish.out.hasPrefix("\u{FEFF}nøgletal;navn;område;"))
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
    #expect(
      chart.out.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"standalone-chart\""))
    #expect(chart.out.contains("id=\"fan-chart\""))
    let both = effectsim(
      ["run", "-", "-n", "200", "--chart", "fan", "--format", "html"], input: smallScenario)
    #expect(both.code == 64)
    #expect(both.err.contains("--chart"))
  }

  /// Every mismatch is refused before the run, with exit 64 and the file's name, and nothing
  /// is written.
  @Test(arguments: [
    (["--chart", "fan", "-o", "fan.png"], "fan.svg"),
    (["--chart", "payback", "--csv-style", "excel-da", "-o", "p.svg"], "--csv-style"),
    (["--format", "csv", "-o", "report.html"], "report.html"),
    (["--csv-style", "excel-da", "-o", "report.json"], "--csv-style"),
    (["-o", "fan.svg"], "--chart"),
    (["--format", "html", "-o", "x.svg"], "--chart"),
  ])
  func mismatchedOutputsAreUsageErrors(arguments: [String], named: String) throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    var args = ["run", "-", "-n", "100"]
    for argument in arguments {
      let isFile = argument.contains(".") && !argument.hasPrefix("-")
      args.append(isFile ? dir.path + "/" + argument : argument)
    }
    let result = effectsim(args, input: smallScenario)
    #expect(result.code == 64, "\(args)")
    #expect(result.err.contains(named), "\(result.err)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
  }

  @Test func csvStyleImpliesCSV() {
    let result = effectsim(
      ["run", "-", "--deterministic", "--csv-style", "excel-da"], input: smallScenario)
    #expect(result.code == 0, "\(result.err)")
    #expect(result.out.hasPrefix("\u{FEFF}metric;"))
  }

  @Test func aChartWithoutExtensionOrAnSVGNameIsFine() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    for name in ["fan.svg", "FAN.SVG", "fan"] {
      let path = dir.appendingPathComponent(name).path
      let result = effectsim(
        ["run", "-", "-n", "100", "--chart", "fan", "-o", path], input: smallScenario)
      #expect(result.code == 0, "\(name): \(result.err)")
    }
  }

  @Test func aDeterministicRunHasNoProbabilityCharts() {
    for chart in ["payback", "histogram"] {
      let result = effectsim(
        ["run", "-", "--deterministic", "--chart", chart], input: smallScenario)
      #expect(result.code == 64)
      #expect(result.err.contains("drop --deterministic"))
    }
    let fan = effectsim(["run", "-", "--deterministic", "--chart", "fan"], input: smallScenario)
    #expect(fan.code == 0, "\(fan.err)")
  }

  @Test func theMethodNoteReproducesTheRunWithTheScenarioFile() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let scenario = dir.appendingPathComponent("my case.json")
    try smallScenario.write(to: scenario, atomically: true, encoding: .utf8)
    let report = dir.appendingPathComponent("r.html")
    let result = effectsim(["run", scenario.path, "-n", "150", "-s", "4", "-o", report.path])
    #expect(result.code == 0, "\(result.err)")
    let html = try String(contentsOf: report, encoding: .utf8)
    // The path is quoted for the shell (it holds a space); XML writes ' as &#39;.
    let quoted = "&#39;\(scenario.path)&#39;"
    #expect(html.contains("effectsim run \(quoted) --iterations 150 --seed 4"))
    #expect(!html.contains("effectsim run SCENARIO"))
    let deterministic = effectsim(
      ["run", scenario.path, "--deterministic", "-f", "html", "-o", report.path])
    #expect(deterministic.code == 0)
    let text = try String(contentsOf: report, encoding: .utf8)
    #expect(text.contains("effectsim run \(quoted) --deterministic"))
  }
}
