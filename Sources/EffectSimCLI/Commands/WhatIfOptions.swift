import EffectSim

/// `--set NAME=VALUE`, shared by `run`, `breakeven` and `compare`.
enum WhatIfOptions {
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
