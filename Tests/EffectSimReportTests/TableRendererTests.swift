import EffectSim
import Testing

@testable import EffectSimReport

@Suite("Table renderer")
struct TableRendererTests {
  /// The line that starts with `label`, split into its cells.
  func cells(_ text: String, startingWith label: String) -> [String]? {
    text.split(separator: "\n").first { $0.hasPrefix(label) }.map { line in
      line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    }
  }

  @Test func deterministicTableIsTheBusinessCaseTable() throws {
    let text = Renderer.render(Fixtures.summary(.deterministic), as: .table)
    #expect(text.contains("1.000 kr. 2018 p/l"))
    let header = try #require(cells(text, startingWith: "1.000 kr."))
    #expect(header.suffix(2) == ["2018", "2019"])
    #expect(cells(text, startingWith: "Net impact  ") == ["Net", "impact", "2.073", "-709"])
    #expect(cells(text, startingWith: "Cumulative") == ["Cumulative", "2.073", "1.364"])
    #expect(cells(text, startingWith: "Overførsler") == ["Overførsler", "-157", "-2.939"])
    #expect(text.contains("not within the horizon"))
    #expect(text.hasSuffix("\n"))
  }

  @Test func monteCarloShowsTheMedianAndTheInterval() throws {
    let text = Renderer.render(Fixtures.summary(.montecarlo), as: .table)
    #expect(text.contains("median and 90 % interval (5 %-95 %)"))
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let index = try #require(lines.firstIndex { $0.hasPrefix("Net impact  ") })
    #expect(
      cells(lines[index], startingWith: "Net") == ["Net", "impact", "median", "2.073", "-709"])
    #expect(lines[index + 1].split(separator: " ") == ["5", "%", "1.573", "-1.209"])
    #expect(lines[index + 2].split(separator: " ") == ["95", "%", "2.573", "-209"])
    // Payback probabilities per year, the share not within the horizon, median and
    // deterministic year.
    let payback = try #require(cells(text, startingWith: "Totaløkonomi"))
    #expect(
      payback == [
        "Totaløkonomi", "(all", "areas)", "10,0", "%", "45,0", "%", "55,0", "%", "after", "2019",
        "2", "(2019)",
      ])
  }

  @Test func numbersAreRightAligned() throws {
    let text = Renderer.render(Fixtures.summary(.deterministic), as: .table)
    let lines = text.split(separator: "\n").map(String.init)
    let header = try #require(lines.first { $0.hasPrefix("1.000 kr.") })
    let net = try #require(lines.first { $0.hasPrefix("Net impact  ") })
    #expect(header.count == net.count)
    #expect(net.hasSuffix(" -709"))
  }

  @Test func outcomesOccupancyAndPresentValue() throws {
    let text = Renderer.render(Fixtures.summary(.deterministic), as: .table)
    #expect(cells(text, startingWith: "employed") == ["employed", "120,5", "100,3", "20,3"])
    #expect(text.contains("Occupancy 12 months after entry"))
    #expect(
      cells(text, startingWith: "benefit") == ["benefit", "40,0", "%", "55,0", "%", "-15,0", "pp"])
    let presentValue = try #require(text.range(of: "Present value (discounted")).lowerBound
    #expect(
      cells(String(text[presentValue...]), startingWith: "Net impact  ") == [
        "Net", "impact", "1.300",
      ])
  }

  @Test func otherLevelsAreNamed() {
    let summary = Fixtures.summary(.montecarlo, levels: [10, 50, 90])
    let text = Renderer.render(summary, as: .table)
    // The caption wraps at 100 columns; unwrapped it names the levels that stand in.
    #expect(
      text.replacingOccurrences(of: "\n", with: " ")
        .contains("80 % interval (10 %-90 %); the 5 % and 95 % percentiles were not requested"))
    #expect(text.contains("\n                    10 %  "))
  }

  @Test func fiveYearsFitInAHundredColumns() {
    for mode in [RunSettings.Mode.montecarlo, .deterministic] {
      let text = Renderer.render(Fixtures.summary(mode, years: 5), as: .table)
      let widest = text.split(separator: "\n").map(\.count).max() ?? 0
      #expect(widest <= 100)
    }
  }

  @Test func aNameWithALineBreakStaysOnTheTitleLine() {
    let text = Renderer.render(Fixtures.summary(.montecarlo, name: "A\nB"), as: .table)
    #expect(text.hasPrefix("A B\n===\n"))
  }
}
