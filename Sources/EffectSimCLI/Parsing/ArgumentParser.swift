import EffectSim

/// Parses a subcommand's arguments against its `CommandSpec`.
///
/// The rules, which the tests pin one by one:
/// - `--name value` and `--name=value`; `-x value` for a declared short alias;
/// - a flag takes no value (`--quiet=yes` is an error); a flag given twice is harmless, but an
///   option with a value given twice is an error (`--seed given twice`), since silently
///   keeping one of two different seeds would make a run irreproducible by surprise; an
///   option declared repeatable (`--set`) keeps every value, in order;
/// - the token after an option is its value unless it looks like another option (starts with
///   `-` and is neither `-` nor a number), so `--output --quiet` reports a missing value
///   while `--seed -1` reaches the integer check and is reported there;
/// - `--` ends the options; a lone `-` is a positional (standard input); anything else that
///   starts with `-` is an option, so a file named `-x` needs `-- -x`;
/// - `--help` or `-h` before `--` requests help, unless the command declares them itself;
///   the result then has `helpRequested` set and nothing else is checked;
/// - unknown options and enumerated values get a "did you mean" suggestion;
/// - the number of positionals is checked against the declaration.
public enum ArgumentParser {
  /// Parses `arguments` (the words after the subcommand) for `spec`.
  /// - Parameters:
  ///   - arguments: the command line words after the subcommand's name.
  ///   - spec: the command's declaration.
  /// - Returns: the positionals, option values and flags found.
  /// - Throws: `UsageError` naming the offending word, with `spec.usage()`.
  /// - Complexity: O(*n* · *k*) for *n* words and *k* declared options.
  public static func parse(
    _ arguments: [String], for spec: CommandSpec
  ) throws(UsageError) -> ParsedArguments {
    let usage = spec.usage()
    func failure(_ message: String) -> UsageError {
      UsageError(message: message, usage: usage)
    }

    if wantsHelp(arguments, spec: spec) {
      return ParsedArguments(helpRequested: true, usage: usage)
    }

    var parsed = ParsedArguments(usage: usage)
    var index = arguments.startIndex
    var optionsEnded = false
    while index < arguments.endIndex {
      let word = arguments[index]
      index += 1
      if optionsEnded || word == "-" || !word.hasPrefix("-") {
        parsed.positionals.append(word)
        continue
      }
      if word == "--" {
        optionsEnded = true
        continue
      }

      let (option, inline) = try resolve(word, spec: spec, usage: usage)
      guard option.takesValue else {
        if inline != nil {
          throw failure("\(option.displayName) is a flag and takes no value, got '\(word)'")
        }
        parsed.flags.insert(option.name)
        continue
      }
      let value: String
      if let inline, !inline.isEmpty {
        value = inline
      } else if inline == nil, index < arguments.endIndex, isValue(arguments[index]) {
        value = arguments[index]
        index += 1
      } else {
        throw failure(
          "\(option.displayName) needs a value: \(option.displayName) \(option.valueName ?? "")")
      }
      if option.repeatable {
        parsed.lists[option.name, default: []].append(value)
        continue
      }
      if parsed.values[option.name] != nil {
        throw failure("\(option.displayName) given twice")
      }
      if let allowed = option.allowedValues, !allowed.contains(value) {
        throw failure(unknownValue(value, of: option, allowed: allowed))
      }
      parsed.values[option.name] = value
    }
    try checkPositionals(parsed.positionals, spec: spec, usage: usage)
    return parsed
  }

  /// Whether `--help` or `-h` appears before `--`, where the command does not declare them.
  private static func wantsHelp(_ arguments: [String], spec: CommandSpec) -> Bool {
    let builtIn = spec.hasBuiltInHelp
    for word in arguments {
      if word == "--" { return false }
      if builtIn.long, word == "--help" { return true }
      if builtIn.short, word == "-h" { return true }
    }
    return false
  }

  /// The declared option that `word` names, and the text after `=` if any.
  private static func resolve(
    _ word: String, spec: CommandSpec, usage: String
  ) throws(UsageError) -> (option: OptionSpec, inline: String?) {
    if word.hasPrefix("--") {
      let body = word.dropFirst(2)
      let name: Substring
      let inline: String?
      if let equals = body.firstIndex(of: "=") {
        name = body[..<equals]
        inline = String(body[body.index(after: equals)...])
      } else {
        name = body
        inline = nil
      }
      if let option = spec.option(named: String(name)) { return (option, inline) }
      throw unknownOption("--" + name, spec: spec, usage: usage)
    }
    let body = word.dropFirst()
    if body.count == 1, let letter = body.first, let option = spec.option(short: letter) {
      return (option, nil)
    }
    throw unknownOption(word, spec: spec, usage: usage)
  }

  /// Whether the word after an option is its value rather than the next option.
  private static func isValue(_ word: String) -> Bool {
    word == "-" || !word.hasPrefix("-") || Double(word) != nil
  }

  private static func unknownOption(
    _ word: String, spec: CommandSpec, usage: String
  ) -> UsageError {
    var message = "unknown option '\(word)'"
    // Compared with their dashes, so that '-iterations' still suggests '--iterations'.
    let typed = String(word.prefix { $0 != "=" })
    var names = spec.options.map { OptionSpec.dashed($0.name) }
    if spec.hasBuiltInHelp.long { names.append(OptionSpec.dashed("help")) }
    if typed.drop(while: { $0 == "-" }).count > 1,
      let guess = Suggestion.closest(to: typed, among: names)
    {
      message += " — did you mean '\(guess)'?"
    } else if spec.options.isEmpty {
      message += "; '\(spec.name)' takes no options"
    }
    return UsageError(message: message, usage: usage)
  }

  private static func unknownValue(
    _ value: String, of option: OptionSpec, allowed: [String]
  ) -> String {
    var message = "\(option.displayName): unknown value '\(value)'"
    if let guess = Suggestion.closest(to: value, among: allowed) {
      message += " — did you mean '\(guess)'?"
    }
    return message + " (\(allowed.joined(separator: ", ")))"
  }

  private static func checkPositionals(
    _ positionals: [String], spec: CommandSpec, usage: String
  ) throws(UsageError) {
    let required = spec.positionals.filter { !$0.optional }
    if positionals.count < required.count {
      let missing = required[positionals.count]
      throw UsageError(
        message: "missing argument \(missing.name) (\(missing.help))", usage: usage)
    }
    let repeats = spec.positionals.last?.repeating ?? false
    if !repeats, positionals.count > spec.positionals.count {
      let extra = positionals[spec.positionals.count]
      let message =
        spec.positionals.isEmpty
        ? "unexpected argument '\(extra)': '\(spec.name)' takes no arguments"
        : "unexpected argument '\(extra)'"
      throw UsageError(message: message, usage: usage)
    }
  }
}
