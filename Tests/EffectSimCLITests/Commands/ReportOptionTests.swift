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
