import EffectSim
import Testing

@testable import EffectSimReport

@Suite("Markdown renderer")
struct MarkdownRendererTests {
  /// The cells of a markdown table row, trimmed.
  func cells(_ line: Substring) -> [String] {
    line.split(separator: "|").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
  }

  @Test func yearlyTableHasAHeaderRowWithTheYears() throws {
    let text = Renderer.render(Fixtures.summary(.montecarlo), as: .markdown)
    let lines = text.split(separator: "\n")
    let index = try #require(lines.firstIndex { $0.hasPrefix("| 1.000 kr. 2018 p/l") })
    #expect(cells(lines[index]) == ["1.000 kr. 2018 p/l", "2018", "2019"])
    #expect(lines[index + 1].allSatisfy { "|-: ".contains($0) })
    #expect(lines[index + 1].hasSuffix(": |"))
    let net = try #require(lines.first { $0.hasPrefix("| **Net impact**") })
    // Negative amounts carry the minus sign U+2212, never a hyphen.
    #expect(
      cells(net) == [
        "**Net impact**", "**2.073** [1.573; 2.573]",
        "**\u{2212}709** [\u{2212}1.209; \u{2212}209]",
      ])
    #expect(!text.contains("-709"))
  }

  @Test func theYearlyTableSaysMediansDoNotAddUp() throws {
    let monteCarlo = Renderer.render(Fixtures.summary(.montecarlo), as: .markdown)
    let yearly = try #require(monteCarlo.range(of: "## Net impact per year"))
    let payback = try #require(monteCarlo.range(of: "## Payback"))
    let note = try #require(monteCarlo.range(of: "Medians do not add up"))
    #expect(yearly.upperBound < note.lowerBound && note.upperBound < payback.lowerBound)
    // Means add up, and a deterministic table shows single values: no note.
    let mean = Renderer.render(Fixtures.summary(.montecarlo, levels: [5, 95]), as: .markdown)
    #expect(!mean.contains("Medians do not add up"))
    let deterministic = Renderer.render(Fixtures.summary(.deterministic), as: .markdown)
    #expect(!deterministic.contains("Medians do not add up"))
  }

  @Test func headingFactsPaybackAndOutcomes() throws {
    let text = Renderer.render(Fixtures.summary(.montecarlo), as: .markdown)
    #expect(text.hasPrefix("# IPS og misbrug\n\n**Source:** Københavns Kommune"))
    #expect(text.contains("**Mode:** Monte Carlo · **Iterations:** 10.000 · **Seed:** 42"))
    let lines = text.split(separator: "\n")
    let payback = try #require(lines.first { $0.hasPrefix("| Definition") })
    #expect(
      cells(payback) == [
        "Definition", "1 yr (2018)", "2 yrs (2019)", "Not within horizon", "Median year",
        "Deterministic year",
      ])
    let outcome = try #require(lines.first { $0.hasPrefix("| employed") })
    #expect(cells(outcome)[3] == "20,4 [15,3; 25,3]")
  }

  @Test func deterministicCellsHoldSingleValues() throws {
    let text = Renderer.render(Fixtures.summary(.deterministic), as: .markdown)
    let lines = text.split(separator: "\n")
    let cumulative = try #require(lines.first { $0.hasPrefix("| Cumulative") })
    #expect(cells(cumulative) == ["Cumulative", "2.073", "1.364"])
    #expect(text.contains("| not within the horizon |"))
  }

  @Test func pipesInScenarioTextAreEscaped() {
    #expect(MarkdownTable.escape("a|b\nc") == "a\\|b c")
    var summary = Fixtures.summary(.deterministic)
    summary.areas[0] = "Service | EO"
    summary.netImpact.byArea[0].area = "Service | EO"
    let text = Renderer.render(summary, as: .markdown)
    #expect(text.contains("| Service \\| EO "))
  }
}

extension Substring {
  fileprivate var trimmingSpaces: String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}
