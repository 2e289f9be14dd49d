/// One positional argument of a command, such as `SCENARIO`.
public struct PositionalSpec: Sendable, Equatable {
  /// The placeholder shown in usage lines, conventionally upper case.
  public var name: String
  /// One line for the help text.
  public var help: String
  /// Whether it takes one or more values (`SCENARIO...`); only the last positional may.
  public var repeating: Bool
  /// Whether it may be left out; optional positionals follow the required ones.
  public var optional: Bool

  /// Declares a positional argument.
  /// - Parameters:
  ///   - name: the placeholder, e.g. `SCENARIO`.
  ///   - help: one line for the help text.
  ///   - repeating: whether it accepts several values; `false` by default.
  ///   - optional: whether it may be absent; `false` by default.
  public init(name: String, help: String, repeating: Bool = false, optional: Bool = false) {
    self.name = name
    self.help = help
    self.repeating = repeating
    self.optional = optional
  }

  /// `SCENARIO`, `SCENARIO...`, `[COMMAND]` or `[FILE...]`, as usage lines show it.
  var usageElement: String {
    let element = repeating ? name + "..." : name
    return optional ? "[\(element)]" : element
  }
}
