import EffectSim

/// `effectsim validate SCENARIO...`: one line per file, ok or its errors.
enum ValidateCommand {
  static func execute(_ arguments: ParsedArguments, console: Console) throws(CommandFailure) {
    var worst = ExitCode.success
    for path in arguments.positionals {
      let name = path == "-" ? "<stdin>" : path
      let bytes: [UInt8]
      do {
        bytes = try Files.readScenario(path, console: console)
      } catch {
        // The message names the file already ("x.json: no such file").
        console.writeOut(path == "-" ? "\(name): \(error.message)\n" : "\(error.message)\n")
        if worst == .success { worst = error.code }
        continue
      }
      if isJSONSchema(bytes) {
        // `validate scenarios/*.json` also matches the schema kept beside the scenarios.
        console.writeOut("\(name): skipped (a JSON Schema, not a scenario)\n")
        continue
      }
      do {
        _ = try Model.load(bytes)
        console.writeOut("\(name): ok\n")
      } catch {
        let count = error.errors.count
        console.writeOut("\(name): \(count) error\(count == 1 ? "" : "s")\n")
        for problem in error.errors { console.writeOut("  \(problem)\n") }
        worst = .dataError
      }
    }
    if worst != .success {
      throw CommandFailure(code: worst, message: "some scenarios are not valid")
    }
  }

  /// Whether `bytes` hold a JSON Schema document: an object whose `$schema` names a
  /// json-schema.org meta-schema. A scenario's `$schema` names a schema file instead
  /// (`"effectsim.schema.json"`), and a scenario with a typo still fails as one.
  static func isJSONSchema(_ bytes: [UInt8]) -> Bool {
    guard case .object(let members)? = try? JSONParser.parse(bytes),
      case .string(let schema)? = members.first(where: { $0.key == "$schema" })?.value
    else { return false }
    return schema.hasPrefix("https://json-schema.org/")
      || schema.hasPrefix("http://json-schema.org/")
  }
}
