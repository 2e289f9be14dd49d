import EffectSim

extension Files {
  /// Reads and compiles a scenario; an invalid one is a data error listing every problem.
  /// - Parameter overrides: parameters replaced on the command line (`--set`); none by default.
  static func loadModel(
    _ path: String, overrides: [ScenarioOverride] = [], console: Console
  ) throws -> Model {
    try loadModel(readScenario(path, console: console), path: path, overrides: overrides)
  }

  /// Compiles the scenario `bytes` read from `path`.
  static func loadModel(
    _ bytes: [UInt8], path: String, overrides: [ScenarioOverride] = []
  ) throws(CommandFailure) -> Model {
    do {
      return try Model.load(bytes, overrides: overrides)
    } catch {
      throw invalidScenario(path, overrides: overrides, error)
    }
  }

  /// The parsed document of a scenario file, for commands that decode it several times.
  static func loadDocument(_ path: String, console: Console) throws -> JSONValue {
    let bytes = try readScenario(path, console: console)
    do {
      return try ScenarioDecoder.parse(bytes)
    } catch {
      throw invalidScenario(path, overrides: [], error)
    }
  }

  /// The data error for a scenario that does not decode: every problem, one per line.
  static func invalidScenario(
    _ path: String, overrides: [ScenarioOverride], _ error: ScenarioErrors
  ) -> CommandFailure {
    let name = path == "-" ? "<stdin>" : path
    let lines = error.errors.map { "  \($0)" }.joined(separator: "\n")
    let subject = overrides.isEmpty ? name : "\(name) with the --set values"
    return CommandFailure(
      code: .dataError, message: "\(subject) is not a valid scenario:\n\(lines)")
  }
}
