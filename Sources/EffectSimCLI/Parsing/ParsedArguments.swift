/// What `ArgumentParser` found on a command line: positionals in order, option values by
/// name, and flags.
///
/// Values stay strings until a command asks for a type (`int`, `uint64`, `double`,
/// `doubleList`), so each conversion error can name the option and the text that failed.
public struct ParsedArguments: Sendable, Equatable {
  /// The positional arguments in the order given; `-` stands for standard input.
  public var positionals: [String]
  /// Whether `--help` or `-h` was given: the caller shows help and ignores everything else.
  public var helpRequested: Bool
  /// Option values by long name.
  var values: [String: String]
  /// Values of repeatable options by long name, in the order given.
  var lists: [String: [String]] = [:]
  /// The flags given, by long name.
  var flags: Set<String>
  /// The usage line that conversion errors carry.
  var usage: String

  /// Parsed arguments, built by hand (tests) or by `ArgumentParser`.
  /// - Parameters:
  ///   - positionals: the positional arguments; none by default.
  ///   - values: option values by long name; none by default.
  ///   - flags: the long names of the flags given; none by default.
  ///   - helpRequested: whether help was asked for; `false` by default.
  ///   - usage: the usage line for conversion errors; empty by default.
  public init(
    positionals: [String] = [], values: [String: String] = [:], flags: Set<String> = [],
    helpRequested: Bool = false, usage: String = ""
  ) {
    self.positionals = positionals
    self.values = values
    self.flags = flags
    self.helpRequested = helpRequested
    self.usage = usage
  }

  /// Whether the flag `--name` was given.
  /// - Complexity: O(1) expected.
  public func flag(_ name: String) -> Bool {
    flags.contains(name)
  }

  /// The value of `--name`, or `nil` when it was not given.
  /// - Complexity: O(1) expected.
  public func value(_ name: String) -> String? {
    values[name]
  }

  /// Every value of the repeatable option `--name`, in the order given; empty when absent.
  /// - Complexity: O(1) expected.
  public func values(_ name: String) -> [String] {
    lists[name] ?? []
  }
}
