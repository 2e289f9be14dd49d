/// One `--set NAME=VALUE`: a parameter replaced for one run, the file untouched.
///
/// The value is the parameter's definition in the scenario's own JSON form — a number, an
/// expression over other parameters, or a distribution object — and it replaces the whole
/// definition, `note`, `source`, `base` and `scope` included, exactly as if the file had been
/// edited. It is applied to the parsed document before the document is checked, so an
/// override is validated like the file and a run with it is byte for byte the run of the
/// edited file (apart from the list of overrides the outputs show).
public struct ScenarioOverride: Sendable, Equatable {
  /// The parameter replaced.
  public var parameter: String
  /// The new definition: `.number`, `.string` (an expression) or `.object` (a distribution).
  public var value: JSONValue
  /// The value as typed, for messages and reports.
  public var text: String

  /// An override of `parameter` with `value`.
  /// - Parameters:
  ///   - parameter: the parameter's name.
  ///   - value: its new definition in the scenario's JSON form.
  ///   - text: the value as the user typed it; default `value` as compact JSON.
  public init(parameter: String, value: JSONValue, text: String? = nil) {
    self.parameter = parameter
    self.value = value
    self.text = text ?? Self.compact(value)
  }

  /// A parameter fixed at a number: what break-even searches try.
  public init(parameter: String, fixedAt value: Double) {
    self.init(parameter: parameter, value: .number(value), text: JSONValue.format(value))
  }

  /// Parses `NAME=VALUE` as typed after `--set`.
  ///
  /// VALUE is read as JSON when it is JSON (`0.55`, `{"beta": {...}}`, `"a * b"`); any other
  /// text is an expression (`places * 0.9`). Whether the value makes sense is decided when it
  /// is applied to a scenario.
  /// - Throws: `SyntaxError` when there is no `=`, NAME is not a name, VALUE is empty, VALUE
  ///   starts like JSON (`{`, `[`, `"`) but is not, or VALUE is a number with a decimal comma.
  public init(parsing argument: String) throws(SyntaxError) {
    guard let equals = argument.firstIndex(of: "=") else {
      throw SyntaxError("'\(argument)' is not NAME=VALUE")
    }
    let name = String(argument[..<equals]).trimmingSpaces
    let text = String(argument[argument.index(after: equals)...]).trimmingSpaces
    guard Self.isName(name) else {
      throw SyntaxError("'\(name)' in '\(argument)' is not a parameter name")
    }
    guard !text.isEmpty else { throw SyntaxError("'\(argument)' gives \(name) no value") }
    if Self.hasDecimalComma(text) {
      throw SyntaxError(
        "\(name)=\(text): write numbers with a decimal point (\(text.replacing(",", with: ".")))")
    }
    let value: JSONValue
    do throws(JSONSyntaxError) {
      value = try JSONParser.parse(text)
    } catch {
      guard let first = text.first, !"{[\"".contains(first) else {
        throw SyntaxError("\(name)=\(text): \(error.description)")
      }
      value = .string(text)
    }
    self.init(parameter: name, value: value, text: text)
  }

  /// Why a `--set` argument cannot be read.
  public struct SyntaxError: Error, Sendable, CustomStringConvertible {
    public var message: String
    init(_ message: String) { self.message = message }
    public var description: String { message }
  }

  /// `NAME=VALUE`, as typed.
  public var description: String { "\(parameter)=\(text)" }

  private static func isName(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first,
      first == "_" || ("A"..."Z").contains(first) || ("a"..."z").contains(first)
    else { return false }
    return name.unicodeScalars.allSatisfy {
      $0 == "_" || ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0)
    }
  }

  /// `0,55`: a Danish decimal comma, which would otherwise fail later as an expression.
  private static func hasDecimalComma(_ text: String) -> Bool {
    let parts = text.split(separator: ",", omittingEmptySubsequences: false)
    guard parts.count == 2 else { return false }
    let digits = { (part: Substring) in
      !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isNumber }
    }
    let whole = parts[0].first == "-" ? parts[0].dropFirst() : parts[0]
    return digits(whole) && digits(parts[1])
  }

  /// `value` on one line: numbers plainly, everything else as JSON without line breaks.
  static func compact(_ value: JSONValue) -> String {
    switch value {
    case .number(let number): return JSONValue.format(number)
    case .string(let text): return text
    default:
      return value.serialized().split(separator: "\n").map { $0.trimmingSpaces }
        .joined(separator: " ")
    }
  }
}

extension ScenarioOverride {
  /// `document` with each override's parameter replaced, or every problem found.
  ///
  /// Later overrides of the same parameter win, so variants can refine a shared `--set`.
  /// - Throws: `ScenarioErrors` naming each override whose parameter the scenario does not
  ///   define, with the closest defined name.
  static func apply(
    _ overrides: [ScenarioOverride], to document: JSONValue
  ) throws(ScenarioErrors) -> JSONValue {
    guard !overrides.isEmpty, case .object(var top) = document else { return document }
    let index = top.firstIndex { $0.key == "parameters" }
    var parameters: [(key: String, value: JSONValue)] = []
    if let index, case .object(let members) = top[index].value { parameters = members }
    let names = parameters.map(\.key).filter { $0 != "comment" }
    var errors: [ScenarioError] = []
    for override in overrides {
      guard let slot = parameters.firstIndex(where: { $0.key == override.parameter }),
        override.parameter != "comment"
      else {
        var message = "--set \(override.description): the scenario has no parameter"
          + " \"\(override.parameter)\""
        if let guess = Suggestion.closest(to: override.parameter, among: names) {
          message += " (did you mean \"\(guess)\"?)"
        } else if !names.isEmpty {
          message += "; its parameters are " + names.joined(separator: ", ")
        }
        errors.append(ScenarioError(path: "", message: message))
        continue
      }
      parameters[slot].value = override.value
    }
    guard errors.isEmpty else { throw ScenarioErrors(errors) }
    if let index { top[index].value = .object(parameters) }
    return .object(top)
  }

  /// `errors` with each problem inside an overridden parameter marked as coming from `--set`,
  /// so the reader looks at the command line, not at the file.
  static func attribute(
    _ errors: [ScenarioError], to overrides: [ScenarioOverride]
  ) -> [ScenarioError] {
    guard !overrides.isEmpty else { return errors }
    return errors.map { error in
      // The last override of a parameter is the one in effect.
      guard let override = overrides.last(where: { override in
        let path = "parameters".jsonPath(override.parameter)
        return error.path == path || error.path.hasPrefix(path + ".")
          || error.path.hasPrefix(path + "[")
      }) else { return error }
      var attributed = error
      attributed.message += " (from --set \(override.description))"
      return attributed
    }
  }
}

extension StringProtocol {
  /// Without leading and trailing spaces and tabs.
  fileprivate var trimmingSpaces: String {
    String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
  }
}
