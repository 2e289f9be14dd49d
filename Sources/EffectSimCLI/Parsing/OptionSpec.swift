/// One option a command accepts: a flag (`--quiet`) or an option with a value (`--seed S`).
///
/// Declared as data so that parsing, usage lines, help texts and "did you mean" hints all read
/// from one description and cannot disagree.
public struct OptionSpec: Sendable, Equatable {
  /// The long name without dashes: `iterations` for `--iterations`.
  public var name: String
  /// The one-letter alias used as `-n`, if any.
  public var short: Character?
  /// The placeholder shown for the value, e.g. `N` or `FILE`; `nil` makes the option a flag.
  public var valueName: String?
  /// One line saying what the option does.
  public var help: String
  /// The only values accepted, when the value is an enumeration; checked while parsing,
  /// with a suggestion for a misspelt value.
  public var allowedValues: [String]?
  /// What applies when the option is absent, as shown in the help text.
  public var defaultDescription: String?
  /// Whether the option may be given more than once (`--set a=1 --set b=2`); each value is
  /// kept, in order (`ParsedArguments.values(_:)`).
  public var repeatable: Bool

  /// Declares an option.
  /// - Parameters:
  ///   - name: the long name without dashes.
  ///   - short: a one-letter alias; none by default.
  ///   - valueName: the value's placeholder; `nil` (the default) declares a flag.
  ///   - help: one line for the help text.
  ///   - allowedValues: the accepted values of an enumeration; any value by default.
  ///   - defaultDescription: the behaviour when absent; not shown by default.
  ///   - repeatable: whether it may be given more than once; `false` by default.
  public init(
    name: String, short: Character? = nil, valueName: String? = nil, help: String,
    allowedValues: [String]? = nil, defaultDescription: String? = nil, repeatable: Bool = false
  ) {
    self.repeatable = repeatable
    self.name = name
    self.short = short
    self.valueName = valueName
    self.help = help
    self.allowedValues = allowedValues
    self.defaultDescription = defaultDescription
  }

  /// Whether the option consumes a value; flags do not.
  public var takesValue: Bool { valueName != nil }

  /// `--name`, as the user types it and as messages quote it.
  public var displayName: String { Self.dashed(name) }

  /// `--name` for a long name.
  static func dashed(_ name: String) -> String { "--" + name }
}
