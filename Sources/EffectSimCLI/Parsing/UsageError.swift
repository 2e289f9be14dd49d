/// A command line that cannot be understood: what is wrong, and the usage line to fix it.
///
/// Thrown by `ArgumentParser` and by the typed accessors of `ParsedArguments`; the command
/// layer maps it to exit status 64 (`EX_USAGE`).
public struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What is wrong, naming the option or argument and the offending text.
  public var message: String
  /// The command's usage line (`CommandSpec.usage()`); empty when there is none to show.
  public var usage: String

  /// - Parameters:
  ///   - message: what is wrong, e.g. `--seed given twice`.
  ///   - usage: the usage line of the command, or empty.
  public init(message: String, usage: String) {
    self.message = message
    self.usage = usage
  }

  /// The message, then `Usage:` and the usage line wrapped to 80 columns, as in the help text.
  public var description: String {
    guard !usage.isEmpty else { return message }
    return message + "\n"
      + CommandSpec.wrap(usage: usage, prefix: "Usage: ", width: CommandSpec.helpWidth)
  }
}
