import EffectSim

/// The `effectsim` command line: dispatches to a command and maps failures to exit codes.
public enum EffectSimCommand {
  /// Runs the command line `arguments` (without the program name).
  /// - Returns: the exit status; every failure has been explained on `console` already.
  public static func main(_ arguments: [String], console: Console) -> ExitCode {
    let code = run(arguments, console: console)
    // Like a C program checking ferror(stdout) before it exits: output that was lost is a
    // failure even when everything else went well.
    if let failure = console.outputFailure() {
      console.writeError("effectsim: cannot write to standard output: \(failure)\n")
      return code == .success ? .ioError : code
    }
    return code
  }

  private static func run(_ arguments: [String], console: Console) -> ExitCode {
    do {
      try dispatch(arguments, console: console)
      return .success
    } catch let failure as CommandFailure {
      console.writeError("effectsim: \(failure.message)\n")
      return failure.code
    } catch let usage as UsageError {
      console.writeError("effectsim: \(usage.description)\n")
      return .usage
    } catch {
      console.writeError("effectsim: internal error: \(error)\n")
      return .software
    }
  }

  static var overview: String {
    let commands = Commands.all.map { spec in
      "  " + spec.name.padding(toLength: 10, withPad: " ", startingAt: 0) + spec.summary
    }.joined(separator: "\n")
    return """
      effectsim \(EffectSimVersion.string) — Monte Carlo business cases for employment interventions

      USAGE: effectsim COMMAND [OPTIONS]

      COMMANDS:
      \(commands)

      OPTIONS:
        --help      show this help (or: effectsim help COMMAND)
        --version   show the version

      EXAMPLE:
        effectsim run scenarios/rebild-ips-2022.json --iterations 20000 --seed 7

      EXIT CODES: 0 ok, 64 usage, 65 invalid scenario or run error, 66 input missing,
      70 internal error, 73 output not writable, 74 read or write error, 130 interrupted
      (SIGINT), 143 terminated (SIGTERM).

      """
  }

  private static func dispatch(_ arguments: [String], console: Console) throws {
    guard let first = arguments.first else {
      console.writeOut(overview)
      return
    }
    let rest = Array(arguments.dropFirst())
    let wantsHelp = rest.contains("--help") || rest.contains("-h")
    switch first {
    case "--help", "-h":
      console.writeOut(overview)
    case "--version":
      console.writeOut("effectsim \(EffectSimVersion.string)\n")
    case "run":
      if wantsHelp { return console.writeOut(Commands.run.help()) }
      try RunCommand.execute(try ArgumentParser.parse(rest, for: Commands.run), console: console)
    case "merge":
      if wantsHelp { return console.writeOut(Commands.merge.help()) }
      try MergeCommand.execute(
        try ArgumentParser.parse(rest, for: Commands.merge), console: console)
    case "breakeven":
      if wantsHelp { return console.writeOut(BreakEvenCommand.spec.help()) }
      try BreakEvenCommand.execute(
        try ArgumentParser.parse(rest, for: BreakEvenCommand.spec), console: console)
    case "compare":
      if wantsHelp { return console.writeOut(CompareCommand.spec.help()) }
      try CompareCommand.execute(
        try ArgumentParser.parse(rest, for: CompareCommand.spec), console: console)
    case "validate":
      if wantsHelp { return console.writeOut(Commands.validate.help()) }
      try ValidateCommand.execute(
        try ArgumentParser.parse(rest, for: Commands.validate), console: console)
    case "bench":
      if wantsHelp { return console.writeOut(Commands.bench.help()) }
      try BenchCommand.execute(try ArgumentParser.parse(rest, for: Commands.bench), console: console)
    case "schema":
      if wantsHelp { return console.writeOut(Commands.schema.help()) }
      SchemaCommand.execute(
        try ArgumentParser.parse(rest, for: Commands.schema), console: console)
    case "help":
      let parsed = try ArgumentParser.parse(rest, for: Commands.help)
      guard let name = parsed.positionals.first else { return console.writeOut(overview) }
      guard let spec = Commands.all.first(where: { $0.name == name }) else {
        throw unknownCommand(name)
      }
      console.writeOut(spec.help())
    default:
      throw unknownCommand(first)
    }
  }

  private static func unknownCommand(_ name: String) -> CommandFailure {
    var message = "unknown command '\(name)'"
    let known = Commands.all.map(\.name) + ["--help", "--version"]
    if let guess = Suggestion.closest(to: name, among: known) {
      message += " — did you mean '\(guess)'?"
    }
    message += "\nUsage: effectsim COMMAND [OPTIONS]; see effectsim --help"
    return CommandFailure(code: .usage, message: message)
  }
}
