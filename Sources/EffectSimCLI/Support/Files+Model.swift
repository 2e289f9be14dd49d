import EffectSim

extension Files {
  /// Reads and compiles a scenario; an invalid one is a data error listing every problem.
  static func loadModel(_ path: String, console: Console) throws -> Model {
    let bytes = try readScenario(path, console: console)
    do {
      return try Model.load(bytes)
    } catch {
      let name = path == "-" ? "<stdin>" : path
      let lines = error.errors.map { "  \($0)" }.joined(separator: "\n")
      throw CommandFailure(code: .dataError, message: "\(name) is not a valid scenario:\n\(lines)")
    }
  }
}
