@testable import EffectSimCLI

/// Command declarations shaped like effectsim's own, independent of `Commands`.
enum ParsingFixtures {
  static let run = CommandSpec(
    name: "run", summary: "Simulate a scenario and print its business case.",
    positionals: [PositionalSpec(name: "SCENARIO", help: "scenario file (JSON), or - for stdin")],
    options: [
      OptionSpec(
        name: "iterations", short: "n", valueName: "N", help: "Monte Carlo iterations",
        defaultDescription: "10000"),
      OptionSpec(name: "seed", short: "s", valueName: "S", help: "random seed"),
      OptionSpec(name: "threads", short: "t", valueName: "T", help: "worker threads"),
      OptionSpec(name: "deterministic", help: "every parameter at its base value"),
      OptionSpec(
        name: "format", short: "f", valueName: "FORMAT", help: "output format",
        allowedValues: ["table", "markdown", "csv", "json"], defaultDescription: "table"),
      OptionSpec(name: "output", short: "o", valueName: "FILE", help: "write to FILE"),
      OptionSpec(name: "quiet", short: "q", help: "no progress line"),
      OptionSpec(name: "percentiles", valueName: "LIST", help: "percentile levels, e.g. 5,50,95"),
      OptionSpec(name: "scale", valueName: "X", help: "a factor"),
    ])

  static let validate = CommandSpec(
    name: "validate", summary: "Check scenario files.",
    positionals: [PositionalSpec(name: "SCENARIO", help: "scenario files", repeating: true)])

  static let help = CommandSpec(
    name: "help", summary: "Show the help of a command.",
    positionals: [PositionalSpec(name: "COMMAND", help: "a command", optional: true)])

  /// Parses, or returns the error's message.
  static func message(_ arguments: [String], for spec: CommandSpec = run) -> String? {
    do {
      _ = try ArgumentParser.parse(arguments, for: spec)
      return nil
    } catch {
      return error.message
    }
  }
}
