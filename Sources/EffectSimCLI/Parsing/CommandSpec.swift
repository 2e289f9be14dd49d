/// Everything the parser and the help text need to know about one subcommand.
///
/// A command is described once, as a value; `ArgumentParser` parses against it, and
/// `usage()` and `help()` render it, so the documentation cannot drift from the behaviour.
public struct CommandSpec: Sendable, Equatable {
  /// The subcommand as typed: `run`.
  public var name: String
  /// One sentence for the overview and the help text.
  public var summary: String
  /// The positional arguments in order; only the last may repeat, optional ones come last.
  public var positionals: [PositionalSpec]
  /// The options, in the order the help text lists them.
  public var options: [OptionSpec]
  /// The program name that usage lines start with.
  public var program: String

  /// Declares a command.
  /// - Parameters:
  ///   - name: the subcommand as typed.
  ///   - summary: one sentence.
  ///   - positionals: the positional arguments; none by default.
  ///   - options: the options; none by default.
  ///   - program: the program name for usage lines; `effectsim` by default.
  public init(
    name: String, summary: String, positionals: [PositionalSpec] = [],
    options: [OptionSpec] = [], program: String = "effectsim"
  ) {
    assert(
      positionals.dropLast().allSatisfy { !$0.repeating }, "only the last positional repeats")
    assert(Set(options.map(\.name)).count == options.count, "option names must be unique")
    self.name = name
    self.summary = summary
    self.positionals = positionals
    self.options = options
    self.program = program
  }

  /// The option called `--name`, if declared.
  /// - Complexity: O(*k*) for *k* options.
  public func option(named name: String) -> OptionSpec? {
    options.first { $0.name == name }
  }

  /// The option whose alias is `-short`, if declared.
  /// - Complexity: O(*k*) for *k* options.
  public func option(short: Character) -> OptionSpec? {
    options.first { $0.short == short }
  }

  /// Whether `--help` and `-h` are the parser's built-in help request rather than options
  /// the command declares itself.
  var hasBuiltInHelp: (long: Bool, short: Bool) {
    (option(named: "help") == nil, option(short: "h") == nil)
  }
}
