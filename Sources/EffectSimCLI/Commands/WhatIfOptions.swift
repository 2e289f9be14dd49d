import EffectSim

import EffectSimReport

/// `--set NAME=VALUE`, shared by `run`, `breakeven` and `compare`, and the options that
/// `breakeven` and `compare` share.
enum WhatIfOptions {
  /// `--iterations`, `--seed` and `--threads`, with the command's own words for the first two.
  static func monteCarlo(iterations: String, seed: String) -> [OptionSpec] {
    [
      OptionSpec(
        name: "iterations", short: "n", valueName: "N", help: iterations,
        defaultDescription: "10000"),
      OptionSpec(name: "seed", short: "s", valueName: "S", help: seed, defaultDescription: "1"),
      OptionSpec(
        name: "threads", short: "t", valueName: "T",
        help: "worker threads; never changes the numbers", defaultDescription: "all cores"),
    ]
  }

  /// `--output`, `--lang`, `--quiet`, `--kernel` and `--set`.
  static let common = [
    OptionSpec(
      name: "output", short: "o", valueName: "FILE",
      help: "write to FILE (atomically) instead of stdout"),
    OptionSpec(
      name: "lang", valueName: "LANG", help: "language of the words; numbers are Danish in both",
      allowedValues: ReportLanguage.allCases.map(\.rawValue), defaultDescription: "en"),
    OptionSpec(name: "quiet", short: "q", help: "no progress line on stderr"),
    Commands.kernelOption,
    set,
  ]

  /// The Monte Carlo settings of `monteCarlo(iterations:seed:)` and `--kernel`.
  static func runOptions(_ arguments: ParsedArguments, usage: String) throws -> RunOptions {
    RunOptions(
      iterations: try arguments.int("iterations", in: 1...100_000_000) ?? 10_000,
      seed: try arguments.uint64("seed") ?? 1,
      threads: try arguments.int("threads", in: 1...1024),
      kernel: try RunCommand.kernelChoice(arguments, usage: usage))
  }

  /// `--lang`; the parser has already rejected values outside the list.
  static func renderOptions(_ arguments: ParsedArguments) -> RenderOptions {
    RenderOptions(language: arguments.value("lang").flatMap(ReportLanguage.init) ?? .en)
  }

  static let set = OptionSpec(
    name: "set", valueName: "NAME=VALUE",
    help: "replace a parameter for this run: a number, an expression over other parameters,"
      + " or a distribution in the scenario's JSON form; the file is not changed",
    repeatable: true)

  /// The `--set` values in the order given.
  /// - Throws: `UsageError` for a value that is not NAME=VALUE, or a parameter set twice.
  static func overrides(
    _ arguments: ParsedArguments, usage: String
  ) throws(UsageError) -> [ScenarioOverride] {
    try parse(arguments.values("set"), option: "--set", usage: usage)
  }

  /// Parses `NAME=VALUE` texts; `option` names where they came from in messages.
  static func parse(
    _ texts: [String], option: String, usage: String
  ) throws(UsageError) -> [ScenarioOverride] {
    var overrides: [ScenarioOverride] = []
    for text in texts {
      let override: ScenarioOverride
      do throws(ScenarioOverride.SyntaxError) {
        override = try ScenarioOverride(parsing: text)
      } catch {
        throw UsageError(message: "\(option): \(error.message)", usage: usage)
      }
      if overrides.contains(where: { $0.parameter == override.parameter }) {
        throw UsageError(message: "\(option): \(override.parameter) given twice", usage: usage)
      }
      overrides.append(override)
    }
    return overrides
  }
}
