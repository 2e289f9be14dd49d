/// A named set of overrides of one scenario file: `--variant "230 pladser: places=230"`.
public struct ScenarioVariant: Sendable, Equatable {
  public var name: String
  public var overrides: [ScenarioOverride]

  public init(name: String, overrides: [ScenarioOverride]) {
    self.name = name
    self.overrides = overrides
  }

  /// Parses `NAME: k=v, k2=v2`.
  ///
  /// The overrides are split at commas outside brackets and quotes, so a value may be an
  /// expression with a function call (`min(a, b)`) or a distribution in JSON.
  /// - Throws: `ScenarioOverride.SyntaxError` when the name is missing or empty, an override
  ///   is not NAME=VALUE, or a parameter appears twice.
  public init(parsing text: String) throws(ScenarioOverride.SyntaxError) {
    guard let colon = text.firstIndex(of: ":") else {
      throw ScenarioOverride.SyntaxError("'\(text)' is not \"NAME: k=v, ...\"")
    }
    let name = String(text[..<colon]).trimmingCharacters(in: [" ", "\t"])
    guard !name.isEmpty else { throw ScenarioOverride.SyntaxError("'\(text)' has no name") }
    var overrides: [ScenarioOverride] = []
    for part in Self.topLevelParts(text[text.index(after: colon)...]) {
      let override = try ScenarioOverride(parsing: part)
      if overrides.contains(where: { $0.parameter == override.parameter }) {
        throw ScenarioOverride.SyntaxError("\(name): \(override.parameter) given twice")
      }
      overrides.append(override)
    }
    guard !overrides.isEmpty else {
      throw ScenarioOverride.SyntaxError("\(name): no k=v to change")
    }
    self.init(name: name, overrides: overrides)
  }

  /// `text` split at commas that are not inside `()`, `[]`, `{}` or a string; blank parts
  /// are dropped.
  static func topLevelParts(_ text: Substring) -> [String] {
    var parts: [String] = []
    var current = ""
    var depth = 0
    var inString = false
    var escaped = false
    for character in text {
      if inString {
        if escaped { escaped = false } else if character == "\\" { escaped = true }
        else if character == "\"" { inString = false }
      } else {
        switch character {
        case "\"": inString = true
        case "(", "[", "{": depth += 1
        case ")", "]", "}": depth -= 1
        case "," where depth == 0:
          parts.append(current)
          current = ""
          continue
        default: break
        }
      }
      current.append(character)
    }
    parts.append(current)
    return parts.filter { !$0.allSatisfy { $0 == " " || $0 == "\t" } }
  }
}

extension String {
  fileprivate func trimmingCharacters(in set: Set<Character>) -> String {
    String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
  }
}
