/// Reads and checks a scenario's `correlations`: which pairs of parameters move together, and
/// whether the stated rank correlations can all hold at once.
///
/// Runs inside `ScenarioDecoder` after the parameters are known, and after `ShapeValidator`
/// has checked that each entry has two names and a number. Every message names the pair.
enum CorrelationReader {
  /// - Parameters:
  ///   - value: the top-level `correlations` member, if any.
  ///   - parameters: the scenario's parameters as decoded.
  ///   - knownErrors: the problems found so far; a pair naming a parameter that already has
  ///     one is skipped, so a bad distribution is not reported a second time as "fixed".
  ///   - fixedByOverrides: parameters that `--set` replaced by a number or an expression
  ///     (`fixed(by:)`); a pair naming one is dropped: a value fixed for the run does not vary,
  ///     so there is nothing to correlate (this is what lets `breakeven` fix a correlated
  ///     parameter at each value it tries).
  /// - Returns: the valid correlations in file order, and a problem per invalid one.
  static func read(
    _ value: JSONValue?, parameters: [Parameter], knownErrors: [ScenarioError],
    fixedByOverrides: Set<String> = []
  ) -> (correlations: [Correlation], errors: [ScenarioError]) {
    guard case .array(let entries)? = value else { return ([], []) }
    var errors: [ScenarioError] = []
    var correlations: [Correlation] = []
    let byName = Dictionary(
      parameters.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    let broken = Set(parameters.map(\.name).filter { name in
      let path = "parameters".jsonPath(name)
      return knownErrors.contains { error in
        error.path == path || error.path.hasPrefix(path + ".") || error.path.hasPrefix(path + "[")
      }
    })
    for (index, entry) in entries.enumerated() {
      let path = "correlations".jsonPath(index)
      guard let (names, rank, note, source) = fields(entry) else { continue }
      let pair = "\"\(names[0])\"–\"\(names[1])\""
      if names.contains(where: broken.contains) { continue }
      if names.contains(where: fixedByOverrides.contains) { continue }
      var valid = true
      for (position, name) in names.enumerated() {
        let namePath = path.jsonPath("parameters").jsonPath(position)
        if let problem = problem(name, byName: byName, parameters: parameters) {
          errors.append(ScenarioError(path: namePath, message: problem + " (pair \(pair))"))
          valid = false
        }
      }
      if valid, names[0] == names[1] {
        errors.append(ScenarioError(
          path: path.jsonPath("parameters"),
          message: "\"\(names[0])\" is named twice; a parameter cannot be correlated with itself"))
        valid = false
      }
      if !(rank > -1 && rank < 1) {
        errors.append(ScenarioError(
          path: path.jsonPath("rank"),
          message: "the rank correlation of \(pair) must lie strictly between -1 and 1, found "
            + JSONValue.format(rank)))
        valid = false
      }
      let earlier = correlations.first { Set([$0.first, $0.second]) == Set(names) }
      if valid, let earlier {
        errors.append(ScenarioError(
          path: path,
          message: "the pair \(pair) is already correlated in \(earlier.path);"
            + " give each pair once"))
        valid = false
      }
      if valid {
        correlations.append(Correlation(
          first: names[0], second: names[1], rank: rank, path: path, note: note, source: source))
      }
    }
    if let problem = consistency(correlations) { errors.append(problem) }
    return (errors.isEmpty ? correlations : [], errors)
  }

  /// The parameters that `overrides` leave without a distribution: those whose last override
  /// is a number or an expression.
  static func fixed(by overrides: [ScenarioOverride]) -> Set<String> {
    var last: [String: JSONValue] = [:]
    for override in overrides { last[override.parameter] = override.value }
    return Set(last.compactMap { name, value in
      if case .object = value { return nil }
      return name
    })
  }

  /// The names, rank, note and source of an entry whose shape has been checked.
  private static func fields(_ entry: JSONValue)
    -> (names: [String], rank: Double, note: String?, source: String?)?
  {
    guard case .object(let members) = entry else { return nil }
    func member(_ key: String) -> JSONValue? { members.first { $0.key == key }?.value }
    guard case .array(let list)? = member("parameters"), case .number(let rank)? = member("rank")
    else { return nil }
    let names = list.compactMap { value -> String? in
      if case .string(let name) = value { return name }
      return nil
    }
    guard names.count == 2 else { return nil }
    func text(_ key: String) -> String? {
      if case .string(let value)? = member(key) { return value }
      return nil
    }
    return (names, rank, text("note"), text("source"))
  }

  /// Why `name` cannot be correlated, or `nil` when it is an iteration-scope distribution.
  private static func problem(
    _ name: String, byName: [String: Parameter], parameters: [Parameter]
  ) -> String? {
    guard let parameter = byName[name] else {
      let candidates = parameters.filter(isCorrelatable).map(\.name)
      var message = "unknown parameter \"\(name)\""
      if let guess = Suggestion.closest(to: name, among: parameters.map(\.name)) {
        message += " (did you mean \"\(guess)\"?)"
      } else if !candidates.isEmpty {
        message += "; the parameters that can be correlated are "
          + candidates.map { "\"\($0)\"" }.joined(separator: ", ")
      }
      return message
    }
    switch parameter.definition {
    case .fixed(let value):
      return "\"\(name)\" is the fixed number \(JSONValue.format(value)); only a parameter with"
        + " a distribution can be correlated"
    case .derived:
      return "\"\(name)\" is derived from other parameters; correlate the distribution"
        + " parameters it is computed from"
    case .distributed:
      guard parameter.scope == .iteration else {
        return "\"\(name)\" has person scope (a new draw per person); correlations hold between"
          + " iteration-scope parameters, drawn once per simulated future"
      }
      return nil
    }
  }

  private static func isCorrelatable(_ parameter: Parameter) -> Bool {
    if case .distributed = parameter.definition { return parameter.scope == .iteration }
    return false
  }

  /// A problem when the correlations cannot hold together (their normal correlation matrix is
  /// not positive definite), naming the pair with which that first happens and the pairs it
  /// conflicts with.
  private static func consistency(_ correlations: [Correlation]) -> ScenarioError? {
    let members = Correlation.members(of: correlations)
    let pairs = Correlation.indexedPairs(correlations, members: members)
    guard let bad = GaussianCopula.firstInconsistentPair(size: members.count, pairs: pairs)
    else { return nil }
    // The earlier pairs linked to the bad one through shared parameters are the ones it
    // contradicts.
    var linked: Set<String> = [correlations[bad].first, correlations[bad].second]
    var grew = true
    while grew {
      grew = false
      for correlation in correlations[..<bad]
      where linked.contains(correlation.first) != linked.contains(correlation.second) {
        linked.formUnion([correlation.first, correlation.second])
        grew = true
      }
    }
    let others = correlations[..<bad].filter { linked.contains($0.first) }
      .map { "\($0.pairName) \(JSONValue.format($0.rank))" }
    let pair = correlations[bad]
    let stated = "the pair \(pair.pairName) with rank \(JSONValue.format(pair.rank))"
    guard !others.isEmpty else {
      return ScenarioError(
        path: pair.path,
        message: stated + " is too close to ±1 to draw: one parameter would be an exact"
          + " function of the other")
    }
    return ScenarioError(
      path: pair.path,
      message: stated + " cannot hold together with " + others.joined(separator: ", ")
        + " (pairs not listed are independent, rank 0): the correlations contradict each other"
        + " (their matrix of normal correlations, 2·sin(π·rank/6), is not positive definite);"
        + " weaken one of them or state the missing pair")
  }
}
