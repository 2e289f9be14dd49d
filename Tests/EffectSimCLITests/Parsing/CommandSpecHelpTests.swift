import EffectSim
import Testing

@testable import EffectSimCLI

@Suite("CommandSpec usage and help")
struct CommandSpecHelpTests {
  @Test("The usage line lists arguments, options and enumerations")
  func usage() {
    #expect(
      ParsingFixtures.run.usage()
        == "effectsim run SCENARIO [--iterations N] [--seed S] [--threads T] [--deterministic]"
        + " [--format table|markdown|csv|json] [--output FILE] [--quiet] [--percentiles LIST]"
        + " [--scale X]")
    #expect(ParsingFixtures.validate.usage() == "effectsim validate SCENARIO...")
    #expect(ParsingFixtures.help.usage() == "effectsim help [COMMAND]")
  }

  @Test("Help has usage, summary, arguments and aligned options with defaults")
  func help() {
    let text = ParsingFixtures.run.help()
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines[0].hasPrefix("USAGE: effectsim run SCENARIO [--iterations N]"))
    #expect(lines[1].hasPrefix(String(repeating: " ", count: 21) + "["), "\(text)")
    #expect(lines.allSatisfy { $0.count <= 80 }, "\(text)")
    #expect(text.contains("\nSimulate a scenario and print its business case.\n"))
    #expect(text.contains("\nARGUMENTS:\n  SCENARIO  "))
    #expect(text.contains("  -n, --iterations N      Monte Carlo iterations (default: 10000)\n"))
    #expect(text.contains("      --percentiles LIST  percentile levels, e.g. 5,50,95\n"))
    #expect(
      text.contains(
        "  -f, --format FORMAT     output format; one of: table, markdown, csv, json\n"
          + String(repeating: " ", count: 26) + "(default: table)\n"))
    #expect(text.contains("  -h, --help              show this help\n"))
    #expect(text.hasSuffix("\n"))
  }

  @Test("Long labels put their description on the next line; long descriptions wrap")
  func longLabels() {
    let spec = CommandSpec(
      name: "bench", summary: "Measure throughput.",
      options: [
        OptionSpec(
          name: "a-very-long-option-name", valueName: "VALUE",
          help: String(repeating: "word ", count: 30))
      ])
    let lines = spec.help().split(separator: "\n").map(String.init)
    let label = lines.firstIndex { $0.hasPrefix("      --a-very-long-option-name VALUE") }
    #expect(label != nil)
    if let label {
      #expect(lines[label] == "      --a-very-long-option-name VALUE")
      #expect(lines[label + 1].hasPrefix(String(repeating: " ", count: 28) + "word"))
    }
    #expect(lines.allSatisfy { $0.count <= 80 })
  }

  @Test("A usage error's description wraps the usage line")
  func errorDescription() {
    let error = UsageError(message: "--seed given twice", usage: ParsingFixtures.run.usage())
    let lines = error.description.split(separator: "\n").map(String.init)
    #expect(lines[0] == "--seed given twice")
    #expect(lines[1].hasPrefix("Usage: effectsim run SCENARIO"))
    #expect(lines.count == 4 && lines.allSatisfy { $0.count <= 80 }, "\(error.description)")
    #expect(lines[2].hasPrefix(String(repeating: " ", count: 21) + "["))
    #expect(UsageError(message: "bad", usage: "").description == "bad")
  }

  @Test(
    "Suggestions: typos, transpositions and case; nothing for unrelated words",
    arguments: [
      ("iteratons", "iterations"), ("itreations", "iterations"), ("SEED", "seed"),
      ("jsn", "json"), ("csvv", "csv"), ("colour", nil), ("x", nil),
    ] as [(String, String?)])
  func suggestions(text: String, expected: String?) {
    let names = ["iterations", "seed", "threads", "json", "csv", "table"]
    #expect(Suggestion.closest(to: text, among: names) == expected)
  }
}
