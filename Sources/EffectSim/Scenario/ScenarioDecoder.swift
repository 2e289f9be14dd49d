import Foundation

/// Turns a scenario document into a checked `Scenario`, collecting every problem with its path.
///
/// Runs after `ShapeValidator`, so JSON types are known to be right; what remains is meaning:
/// references between states, parameters and areas, windows and years inside the horizon,
/// distribution fields, expressions and the order of derived parameters.
///
/// Two phases, in this order by construction: `Names` collects what every check refers to
/// (parameter names and scopes, state ids, the horizon, `cyclesPerYear`); `Reader` is made
/// from those names and checks the document against them. No check depends on which part of
/// the document another check read first.
public enum ScenarioDecoder {
  /// Decodes a scenario from the bytes of a JSON file.
  /// - Parameter overrides: parameters replaced before anything is checked (`--set`); none
  ///   by default.
  /// - Throws: `ScenarioErrors` listing every problem found (syntax, shape, meaning).
  public static func decode(
    _ bytes: [UInt8], overrides: [ScenarioOverride] = []
  ) throws(ScenarioErrors) -> Scenario {
    try decode(document: parse(bytes), overrides: overrides)
  }

  /// The JSON document of a scenario file, not yet checked.
  /// - Throws: `ScenarioErrors` with the syntax error's line and column, or when the file is
  ///   larger than `ScenarioLimits.fileBytes`.
  public static func parse(_ bytes: [UInt8]) throws(ScenarioErrors) -> JSONValue {
    guard bytes.count <= ScenarioLimits.fileBytes else {
      throw ScenarioErrors([
        ScenarioError(
          path: "", message: "the file has \(bytes.count) bytes; EffectSim reads scenarios of at"
            + " most \(ScenarioLimits.fileBytes) bytes (see docs/limits.md)")
      ])
    }
    do throws(JSONSyntaxError) {
      return try JSONParser.parse(bytes)
    } catch {
      throw ScenarioErrors([ScenarioError(path: "", message: error.description)])
    }
  }

  /// Decodes a parsed scenario document, with `overrides` applied first (see
  /// `ScenarioOverride`): searches that try many values of one parameter parse the file once.
  /// Limits are checked right after the overrides, before the shape check, so that an
  /// oversized document costs one pass.
  /// - Throws: `ScenarioErrors` listing every problem found; problems inside an overridden
  ///   parameter say so.
  public static func decode(
    document: JSONValue, overrides: [ScenarioOverride] = []
  ) throws(ScenarioErrors) -> Scenario {
    let document = try ScenarioOverride.apply(overrides, to: document)
    let overLimits = ScenarioLimits.check(document)
    guard overLimits.isEmpty else {
      throw ScenarioErrors(ScenarioOverride.attribute(overLimits, to: overrides))
    }
    var shapes = ShapeValidator()
    shapes.check(document, against: .object(ScenarioFormat.scenario), at: "")
    guard shapes.errors.isEmpty else {
      throw ScenarioErrors(ScenarioOverride.attribute(shapes.errors, to: overrides))
    }
    let top = Members(document, path: "")
    var reader = Reader(names: Names(top))
    reader.fixedByOverrides = CorrelationReader.fixed(by: overrides)
    let scenario = reader.scenario(top)
    guard reader.errors.isEmpty, var scenario else {
      throw ScenarioErrors(ScenarioOverride.attribute(reader.errors, to: overrides))
    }
    scenario.overrides = overrides
    return scenario
  }

  public static func decode(_ text: String) throws(ScenarioErrors) -> Scenario {
    try decode(Array(text.utf8))
  }
}

/// Member access on an object whose shape has been checked.
private struct Members {
  let pairs: [(key: String, value: JSONValue)]
  let path: String

  init(_ value: JSONValue, path: String) {
    if case .object(let pairs) = value { self.pairs = pairs } else { self.pairs = [] }
    self.path = path
  }

  subscript(key: String) -> JSONValue? { pairs.first { $0.key == key }?.value }

  func string(_ key: String) -> String? {
    if case .string(let text)? = self[key] { return text }
    return nil
  }

  func number(_ key: String) -> Double? {
    if case .number(let value)? = self[key] { return value }
    return nil
  }

  func int(_ key: String) -> Int? { number(key).map { Int($0) } }

  func bool(_ key: String) -> Bool? {
    if case .bool(let value)? = self[key] { return value }
    return nil
  }

  func array(_ key: String) -> [JSONValue] {
    if case .array(let elements)? = self[key] { return elements }
    return []
  }

  /// Name map members without the `comment` entry.
  func map(_ key: String) -> [(key: String, value: JSONValue)] {
    if case .object(let pairs)? = self[key] { return pairs.filter { $0.key != "comment" } }
    return []
  }

  func path(_ key: String) -> String { path.jsonPath(key) }
}

/// The first phase: every name and fact a check refers to, read from the document before any
/// check runs. Reads only; reports nothing (the second phase reports what is wrong).
private struct Names {
  let start: Int
  let years: Int
  let cycle: CycleLength
  /// The value of `cyclesPerYear` in this scenario's expressions: a constant is checked with
  /// the value the run will use.
  let cyclesPerYear: Double
  /// Parameter names in file order, and the slot of each.
  let parameters: [String]
  let slots: [String: Int]
  /// Parameters drawn per person, and derived parameters that read one (at any depth).
  let personScoped: Set<String>
  let states: [String]

  init(_ top: Members) {
    start = top.int("start") ?? 0
    years = top.int("years") ?? 1
    cycle = CycleLength(rawValue: top.string("cycle") ?? "month") ?? .month
    cyclesPerYear = Double(cycle.cyclesPerYear)
    let entries = top.map("parameters")
    parameters = entries.map(\.key)
    var slots: [String: Int] = [:]
    for (index, name) in parameters.enumerated() { slots[name] = index }
    self.slots = slots
    personScoped = Self.personScoped(entries)
    states = top.array("states").map { Members($0, path: "").string("id") ?? "" }
  }

  /// The parameters declared `"scope": "person"`, and every derived parameter that reads one
  /// directly or through other derived parameters. Expressions that do not parse, are over
  /// the length limit, and cycles are skipped here; the second phase reports them.
  /// - Complexity: O(parameters + references), without recursion.
  private static func personScoped(_ entries: [(key: String, value: JSONValue)]) -> Set<String> {
    var person = Set<String>()
    var references: [String: [String]] = [:]
    for (name, value) in entries {
      switch value {
      case .string(let text):
        // Beyond the limit the second phase refuses it unparsed; so does this one.
        let expression = text.utf8.count <= ScenarioLimits.expressionLength
          ? try? Expression.parse(text) : nil
        references[name] = expression.map { $0.referencedNames.sorted() } ?? []
      case .object:
        if Members(value, path: "").string("scope") == "person" { person.insert(name) }
      default:
        break
      }
    }
    // Depth-first over the derived parameters, each finished once its references are.
    var finished = Set<String>()
    for root in entries.map(\.key) where references[root] != nil && !finished.contains(root) {
      var path: [(name: String, next: Int)] = [(root, 0)]
      var onPath: Set<String> = [root]
      while let (name, next) = path.last {
        let reads = references[name] ?? []
        if next < reads.count {
          path[path.count - 1].next += 1
          let read = reads[next]
          if references[read] != nil, !finished.contains(read), !onPath.contains(read) {
            path.append((read, 0))
            onPath.insert(read)
          }
          continue
        }
        if reads.contains(where: person.contains) { person.insert(name) }
        finished.insert(name)
        onPath.remove(name)
        path.removeLast()
      }
    }
    return person
  }
}

/// The second phase: checks the document against `names` and builds the `Scenario`.
private struct Reader {
  let names: Names
  var errors: [ScenarioError] = []
  /// Parameters that `--set` made a number or an expression: their correlations are dropped.
  var fixedByOverrides: Set<String> = []

  init(names: Names) { self.names = names }

  mutating func fail(_ path: String, _ message: String) {
    errors.append(ScenarioError(path: path, message: message))
  }

  mutating func scenario(_ top: Members) -> Scenario? {
    let parameters = self.parameters(top.map("parameters"))
    let (correlations, correlationErrors) = CorrelationReader.read(
      top["correlations"], parameters: parameters, knownErrors: errors,
      fixedByOverrides: fixedByOverrides)
    errors += correlationErrors
    let states = self.states(top.array("states"))
    let armMembers = Members(top["arms"] ?? .null, path: "arms")
    let arms = Arm.Kind.allCases.map { kind in
      arm(Members(armMembers[kind.name] ?? .null, path: armMembers.path(kind.name)))
    }
    let cohort = Members(top["cohort"] ?? .null, path: "cohort")
    let intake = self.intake(cohort)
    let entryClock = weeksOnBenefitAtEntry(cohort)
    let lineItems = self.lineItems(top.array("lineItems"))
    var areas = Set(states.flatMap { $0.costs.map(\.area) })
    areas.formUnion(lineItems.map(\.area))
    areas.formUnion(arms.flatMap { $0.transitions.flatMap { $0.costs.map(\.area) } })
    let payback = self.payback(top.array("payback"), areas: areas)
    let claim = top["claim"].map { self.claim(Members($0, path: "claim"), payback: payback) }
    let report = self.report(Members(top["report"] ?? .null, path: "report"))
    let discountMembers = Members(top["discount"] ?? .null, path: "discount")
    let discount = Discount(
      costs: rate(discountMembers, "costs"), outcomes: rate(discountMembers, "outcomes"),
      firstYear: discountMembers.int("firstYear") ?? 0)
    if discount.firstYear > 1 {
      fail(discountMembers.path("firstYear"), "must be 0 or 1, found \(discount.firstYear)")
    }
    let labels = self.labels(
      top.map("labels"),
      outcomes: states.flatMap { $0.outcomes.map(\.name) }
        + arms.flatMap { $0.transitions.flatMap { $0.outcomes.map(\.name) } },
      areas: areas.sorted(), payback: payback.map(\.name))
    guard errors.isEmpty else { return nil }
    return Scenario(
      name: top.string("name") ?? "", description: top.string("description"),
      source: top.string("source"), currency: top.string("currency") ?? "DKK",
      priceLevel: top.string("priceLevel"), start: names.start, years: names.years,
      cycle: names.cycle,
      occupancy: OccupancyConvention(rawValue: top.string("occupancy") ?? "start") ?? .start,
      discount: discount, parameters: parameters, states: states, arms: arms, intake: intake,
      lineItems: lineItems, payback: payback, report: report,
      pairing: Pairing(rawValue: top.string("pairing") ?? "coupled") ?? .coupled,
      weeksOnBenefitAtEntry: entryClock, labels: labels, claim: claim,
      correlations: correlations)
  }

  /// `labels`: each key must name an outcome, an area or a payback definition, so a typo
  /// cannot leave a raw name in a report unnoticed.
  mutating func labels(
    _ entries: [(key: String, value: JSONValue)], outcomes: [String], areas: [String],
    payback: [String]
  ) -> [String: String] {
    var labels: [String: String] = [:]
    let names = outcomes + areas + payback
    for (name, value) in entries {
      let path = "labels".jsonPath(name)
      guard case .string(let text) = value else { continue }
      if text.trimmingCharacters(in: .whitespaces).isEmpty {
        fail(path, "a label needs text")
      }
      guard names.contains(name) else {
        var message = "\"\(name)\" is not an outcome, area or payback definition of this scenario"
        if let guess = Suggestion.closest(to: name, among: names) {
          message += " (did you mean \"\(guess)\"?)"
        }
        fail(path, message)
        continue
      }
      labels[name] = text
    }
    return labels
  }

  mutating func rate(_ members: Members, _ key: String) -> Double {
    let value = members.number(key) ?? 0
    if value <= -1 || value > 1 {
      fail(members.path(key), "an annual rate must lie in (-1, 1], found \(JSONValue.format(value))")
    }
    return value
  }

  // MARK: - Parameters

  mutating func parameters(_ entries: [(key: String, value: JSONValue)]) -> [Parameter] {
    var result: [Parameter] = []
    var derived: [(index: Int, path: String)] = []
    for (name, value) in entries {
      let path = "parameters".jsonPath(name)
      if ScenarioFormat.reservedNames.contains(name) {
        fail(path, "\"\(name)\" is a function or constant of the expression language; rename it")
      }
      switch value {
      case .number(let number):
        result.append(Parameter(name: name, definition: .fixed(number), scope: .iteration))
      case .string(let text):
        let expression = self.expression(text, at: path)
        let scope: Parameter.Scope = names.personScoped.contains(name) ? .person : .iteration
        result.append(Parameter(
          name: name, definition: .derived(expression ?? .constant(0)), scope: scope))
        derived.append((result.count - 1, path))
      default:
        let members = Members(value, path: path)
        guard let (distribution, field) = self.distribution(members) else {
          result.append(Parameter(name: name, definition: .fixed(0), scope: .iteration))
          continue
        }
        let scope = Parameter.Scope(rawValue: members.string("scope") ?? "iteration") ?? .iteration
        let base = members.number("base") ?? distribution.mean
        if !base.isFinite {
          fail(members.path(field), "the distribution has no finite mean; give a \"base\"")
        } else if !distribution.support.contains(base) {
          let range = distribution.support
          fail(members.path("base"), "base \(JSONValue.format(base)) lies outside the values"
            + " the \(field) distribution can take [\(JSONValue.format(range.lowerBound)),"
            + " \(JSONValue.format(range.upperBound))]")
        }
        result.append(Parameter(
          name: name, definition: .distributed(distribution, base: base), scope: scope,
          note: members.string("note"), source: members.string("source")))
      }
    }
    findCycles(result, derived)
    return result
  }

  /// Reports the first cycle among derived parameters (`Names` has marked person scope).
  ///
  /// A depth-first search with an explicit stack: a chain of thousands of derived parameters
  /// neither overflows the call stack nor copies the path at every step.
  /// - Complexity: O(*n* + *e* log *e*) for *n* parameters and *e* references.
  mutating func findCycles(_ parameters: [Parameter], _ derived: [(index: Int, path: String)]) {
    let indexByName = Dictionary(
      parameters.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
    let pathByIndex = Dictionary(
      derived.map { ($0.index, $0.path) }, uniquingKeysWith: { first, _ in first })
    // 0 unvisited, 1 on the current path, 2 done.
    var mark = [UInt8](repeating: 0, count: parameters.count)
    var reported = false
    var path: [(index: Int, dependencies: [Int], next: Int)] = []
    func enter(_ index: Int) {
      guard case .derived(let expression) = parameters[index].definition else {
        mark[index] = 2
        return
      }
      mark[index] = 1
      let dependencies = expression.referencedNames.sorted().compactMap { indexByName[$0] }
      path.append((index, dependencies, 0))
    }
    for entry in derived where mark[entry.index] == 0 {
      enter(entry.index)
      while let top = path.last {
        if top.next < top.dependencies.count {
          let dependency = top.dependencies[top.next]
          path[path.count - 1].next += 1
          if mark[dependency] == 0 {
            enter(dependency)
          } else if mark[dependency] == 1, !reported, let at = pathByIndex[dependency] {
            reported = true
            let names = path.map { parameters[$0.index].name }
            let cycleStart = path.firstIndex { $0.index == dependency } ?? 0
            let loop = (names[cycleStart...] + [parameters[dependency].name])
              .joined(separator: " → ")
            errors.append(ScenarioError(
              path: at, message: "derived parameters depend on each other in a cycle: \(loop)"))
          }
          continue
        }
        mark[top.index] = 2
        path.removeLast()
      }
    }
  }

  mutating func distribution(_ members: Members) -> (Distribution, String)? {
    guard let entry = ScenarioFormat.distributionFields.first(where: { members[$0.name] != nil })
    else { return nil }
    let fieldsPath = members.path(entry.name)
    let fields = Members(members[entry.name] ?? .null, path: fieldsPath)
    func need(_ names: String...) -> [Double]? {
      let missing = names.filter { fields.number($0) == nil }
      if !missing.isEmpty {
        fail(fieldsPath, "\(entry.name) needs " + missing.map { "\"\($0)\"" }.joined(separator: " and "))
        return nil
      }
      return names.compactMap { fields.number($0) }
    }
    func has(_ name: String) -> Bool { fields[name] != nil }
    do throws(DistributionError) {
      let distribution: Distribution
      switch entry.name {
      case "uniform":
        guard let v = need("min", "max") else { return nil }
        distribution = try Distribution.makeUniform(min: v[0], max: v[1])
      case "triangular":
        guard let v = need("min", "mode", "max") else { return nil }
        distribution = try Distribution.makeTriangular(min: v[0], mode: v[1], max: v[2])
      case "pert":
        guard let v = need("min", "mode", "max") else { return nil }
        distribution = try Distribution.makePERT(
          min: v[0], mode: v[1], max: v[2], lambda: fields.number("lambda") ?? 4)
      case "normal":
        guard let v = need("mean", "sd") else { return nil }
        distribution = try Distribution.makeNormal(
          mean: v[0], sd: v[1], min: fields.number("min"), max: fields.number("max"))
      case "lognormal":
        guard let v = need("mean", "sd") else { return nil }
        distribution = try Distribution.makeLognormal(mean: v[0], sd: v[1])
      case "beta":
        let sets = [["alpha", "beta"], ["mean", "sd"], ["successes", "trials"]]
        let used = sets.filter { $0.contains(where: has) }
        guard used.count == 1, let set = used.first else {
          fail(fieldsPath, "beta takes one pair: alpha and beta, mean and sd, or successes and trials")
          return nil
        }
        guard let v = need(set[0], set[1]) else { return nil }
        switch set[0] {
        case "alpha": distribution = try Distribution.makeBeta(alpha: v[0], beta: v[1])
        case "mean": distribution = try Distribution.makeBeta(mean: v[0], sd: v[1])
        default: distribution = try Distribution.makeBeta(successes: v[0], trials: v[1])
        }
      case "gamma":
        let sets = [["shape", "scale"], ["mean", "sd"]]
        let used = sets.filter { $0.contains(where: has) }
        guard used.count == 1, let set = used.first else {
          fail(fieldsPath, "gamma takes one pair: shape and scale, or mean and sd")
          return nil
        }
        guard let v = need(set[0], set[1]) else { return nil }
        distribution = set[0] == "shape"
          ? try Distribution.makeGamma(shape: v[0], scale: v[1])
          : try Distribution.makeGamma(mean: v[0], sd: v[1])
      default:
        let values = numbers(fields.array("values"))
        let weights = numbers(fields.array("weights"))
        guard has("values"), has("weights") else {
          fail(fieldsPath, "discrete needs \"values\" and \"weights\"")
          return nil
        }
        distribution = try Distribution.makeDiscrete(values: values, weights: weights)
      }
      return (distribution, entry.name)
    } catch {
      fail(fieldsPath.jsonPath(error.field), error.message)
      return nil
    }
  }

  func numbers(_ values: [JSONValue]) -> [Double] {
    values.compactMap { if case .number(let x) = $0 { return x } else { return nil } }
  }

  // MARK: - Expressions

  /// Parses an expression and checks its names and function calls.
  /// - Parameters:
  ///   - allowPerson: whether person-scope parameters may appear.
  ///   - personReason: why they may not, for the message.
  mutating func expression(
    _ text: String, at path: String, allowPerson: Bool = true,
    personReason: String = Reader.beforePersons
  ) -> Expression? {
    guard text.utf8.count <= ScenarioLimits.expressionLength else {
      fail(path, "the expression has \(text.utf8.count) characters; EffectSim accepts at most"
        + " \(ScenarioLimits.expressionLength) (see docs/limits.md)")
      return nil
    }
    let expression: Expression
    do throws(ExpressionError) {
      expression = try Expression.parse(text)
    } catch {
      fail(path, error.description)
      return nil
    }
    let compiled: CompiledExpression
    do throws(ExpressionError) {
      compiled = try expression.compile(slots: names.slots, cyclesPerYear: names.cyclesPerYear)
    } catch {
      fail(path, error.description)
      return nil
    }
    // An expression without names that did not fold to a constant fails on every evaluation
    // (1 / 0, ln(0)): say so now rather than in the middle of a run.
    if compiled.slots.isEmpty, compiled.constantValue == nil {
      do throws(EvaluationError) {
        _ = try compiled.evaluate(UnsafeBufferPointer(start: nil, count: 0))
      } catch {
        fail(path, error.description)
        return nil
      }
    }
    if !allowPerson, let name = expression.referencedNames.sorted().first(where: names.personScoped.contains) {
      fail(path, "cannot depend on the person-scope parameter \"\(name)\": \(personReason)")
    }
    return expression
  }

  static let beforePersons = "it is drawn once per iteration, before there are persons"

  mutating func expression(
    _ value: JSONValue?, at path: String, allowPerson: Bool = true,
    personReason: String = Reader.beforePersons
  ) -> Expression? {
    switch value {
    case .number(let number)?: return .constant(number)
    case .string(let text)?:
      return expression(text, at: path, allowPerson: allowPerson, personReason: personReason)
    default: return nil
    }
  }

  // MARK: - States and arms

  mutating func states(_ elements: [JSONValue]) -> [State] {
    var seen: [String: Int] = [:]
    return elements.enumerated().map { index, element in
      let members = Members(element, path: "states".jsonPath(index))
      let id = members.string("id") ?? ""
      if let first = seen[id] {
        fail(members.path("id"), "duplicate state id \"\(id)\" (also states[\(first)])")
      } else {
        seen[id] = index
      }
      let costs = members.array("costs").enumerated().compactMap { costIndex, costValue in
        cost(Members(costValue, path: members.path("costs").jsonPath(costIndex)))
      }
      let outcomes = members.map("outcomes").compactMap { name, weight in
        expression(weight, at: members.path("outcomes").jsonPath(name)).map { (name, $0) }
      }
      let covered = members.bool("covered") ?? false
      let selfSupport = members.bool("selfSupport")
      if covered, selfSupport == true {
        fail(members.path("selfSupport"), "a covered state is time on benefits, not"
          + " self-support; leave out \"selfSupport\" or set \"covered\" to false")
      }
      for (costIndex, costValue) in members.array("costs").enumerated() where !covered {
        if Members(costValue, path: "").string("refusion") != nil {
          fail(members.path("costs").jsonPath(costIndex).jsonPath("refusion"),
            "the refusion staircase needs a state whose time counts on it: mark the state"
              + " \"\(id)\" \"covered\": true")
        }
      }
      return State(
        id: id, label: members.string("label"), costs: costs, outcomes: outcomes,
        covered: covered, selfSupport: covered ? false : selfSupport ?? true)
    }
  }

  mutating func cost(_ members: Members) -> Cost? {
    let area = members.string("area") ?? ""
    if area.trimmingCharacters(in: .whitespaces).isEmpty {
      fail(members.path("area"), "an area needs a name")
    }
    let perCycle = expression(members["perCycle"], at: members.path("perCycle"))
    let window = self.window(members)
    guard let perCycle else { return nil }
    return Cost(
      area: area, perCycle: perCycle, arm: members.string("arm").flatMap(armKind),
      cycles: window, path: members.path("perCycle"),
      refusion: members.string("refusion").flatMap(Refusion.init(rawValue:)))
  }

  func armKind(_ name: String) -> Arm.Kind? { Arm.Kind.allCases.first { $0.name == name } }

  mutating func window(_ members: Members) -> CycleWindow {
    let bounds = members.array("cycles").compactMap { value -> Int? in
      if case .number(let x) = value { return Int(x) }
      return nil
    }
    guard let from = bounds.first else { return .always }
    let window = CycleWindow(from: from, to: bounds.count > 1 ? bounds[1] : nil)
    if let to = window.to, to <= from {
      fail(members.path("cycles"), "the window [\(from), \(to)) is empty: \"to\" must exceed \"from\"")
    }
    return window
  }

  mutating func stateIndex(_ id: String?, at path: String) -> Int? {
    guard let id else { return nil }
    if let index = names.states.firstIndex(of: id) { return index }
    var message = "unknown state \"\(id)\""
    if let guess = Suggestion.closest(to: id, among: names.states) {
      message += " (did you mean \"\(guess)\"?)"
    } else {
      message += "; states are " + names.states.joined(separator: ", ")
    }
    fail(path, message)
    return nil
  }

  mutating func arm(_ members: Members) -> Arm {
    var initial: [(state: Int, weight: Expression)] = []
    for (id, weight) in members.map("initial") {
      let path = members.path("initial").jsonPath(id)
      let state = stateIndex(id, at: path)
      if let state, let weight = expression(weight, at: path, allowPerson: false) {
        if let constant = constantValue(weight), constant < 0 {
          fail(path, "a weight must not be negative, found \(JSONValue.format(constant))")
        }
        initial.append((state, weight))
      }
    }
    if !initial.isEmpty, initial.allSatisfy({ constantValue($0.weight) == 0 }) {
      fail(members.path("initial"), "the weights sum to zero")
    }
    var transitions: [Transition] = []
    for (index, value) in members.array("transitions").enumerated() {
      let transitionMembers = Members(value, path: members.path("transitions").jsonPath(index))
      let from = stateIndex(transitionMembers.string("from"), at: transitionMembers.path("from"))
      let to = stateIndex(transitionMembers.string("to"), at: transitionMembers.path("to"))
      if let from, let to, from == to {
        fail(transitionMembers.path("to"), "a transition must lead to another state"
          + " (staying is what remains when no transition fires)")
      }
      let p = expression(transitionMembers["p"], at: transitionMembers.path("p"))
      if let p, let constant = constantValue(p), !(0...1).contains(constant) {
        fail(transitionMembers.path("p"), "a probability must lie in [0, 1], found \(JSONValue.format(constant))")
      }
      let window = self.window(transitionMembers)
      let (costs, outcomes) = transitionCharges(transitionMembers)
      if let from, let to, let p {
        transitions.append(Transition(
          from: from, to: to, p: p, cycles: window, path: transitionMembers.path("p"),
          costs: costs, outcomes: outcomes))
      }
    }
    return Arm(label: members.string("label"), initial: initial, transitions: transitions)
  }

  /// The costs and outcomes counted once per move along a transition: iteration scope, because
  /// moves are counted per year and priced after the simulation.
  mutating func transitionCharges(_ members: Members) -> (
    [TransitionCost], [(name: String, weight: Expression, path: String)]
  ) {
    let reason = "amounts on a transition are iteration scope (moves are counted, then priced)"
    var costs: [TransitionCost] = []
    for (index, value) in members.array("cost").enumerated() {
      let entry = Members(value, path: members.path("cost").jsonPath(index))
      let area = entry.string("area") ?? ""
      if area.trimmingCharacters(in: .whitespaces).isEmpty {
        fail(entry.path("area"), "an area needs a name")
      }
      if let amount = expression(
        entry["amount"], at: entry.path("amount"), allowPerson: false, personReason: reason)
      {
        costs.append(TransitionCost(area: area, amount: amount, path: entry.path("amount")))
      }
    }
    let outcomes = members.map("outcomes").compactMap { name, weight in
      let path = members.path("outcomes").jsonPath(name)
      return expression(weight, at: path, allowPerson: false, personReason: reason).map {
        (name: name, weight: $0, path: path)
      }
    }
    return (costs, outcomes)
  }

  func constantValue(_ expression: Expression) -> Double? {
    (try? expression.compile(slots: [:], cyclesPerYear: names.cyclesPerYear))?.constantValue
  }

  // MARK: - Cohort, line items, payback, report

  mutating func checkYear(_ year: Int, at path: String) -> Bool {
    let (start, years) = (names.start, names.years)
    guard year >= start, year < start + years else {
      fail(path, "year \(year) lies outside the horizon \(start)–\(start + years - 1)")
      return false
    }
    return true
  }

  mutating func intake(_ cohort: Members) -> [Intake] {
    cohort.array("intake").enumerated().compactMap { index, value in
      let members = Members(value, path: cohort.path("intake").jsonPath(index))
      let year = members.int("year") ?? 0
      let yearOK = checkYear(year, at: members.path("year"))
      if case .number(let literal)? = members["count"], literal < 0 || literal.rounded() != literal {
        fail(members.path("count"), "a count must be a whole number of people ≥ 0, found \(JSONValue.format(literal))")
        return nil
      }
      guard let count = expression(members["count"], at: members.path("count"), allowPerson: false),
        yearOK
      else { return nil }
      return Intake(
        year: year, count: count,
        spread: Intake.Spread(rawValue: members.string("spread") ?? "start") ?? .start,
        path: members.path("count"))
    }
  }

  /// `cohort.weeksOnBenefitAtEntry`, checked for a negative constant.
  mutating func weeksOnBenefitAtEntry(_ cohort: Members) -> Expression? {
    let path = cohort.path("weeksOnBenefitAtEntry")
    guard let clock = expression(cohort["weeksOnBenefitAtEntry"], at: path) else { return nil }
    if let constant = constantValue(clock), constant < 0 {
      fail(path, "weeks on benefits cannot be negative, found \(JSONValue.format(constant))")
    }
    return clock
  }

  mutating func lineItems(_ elements: [JSONValue]) -> [LineItem] {
    elements.enumerated().map { index, value in
      let members = Members(value, path: "lineItems".jsonPath(index))
      var byYear: [(year: Int, amount: Expression, path: String)] = []
      for (key, amount) in members.map("byYear") {
        let path = members.path("byYear").jsonPath(key)
        guard let year = Int(key), checkYear(year, at: path) else { continue }
        if let amount = expression(amount, at: path, allowPerson: false) {
          byYear.append((year, amount, path))
        }
      }
      let area = members.string("area") ?? ""
      if area.trimmingCharacters(in: .whitespaces).isEmpty {
        fail(members.path("area"), "an area needs a name")
      }
      return LineItem(
        label: members.string("label") ?? "", area: area, committee: members.string("committee"),
        byYear: byYear)
    }
  }

  mutating func payback(_ elements: [JSONValue], areas: Set<String>) -> [PaybackDefinition] {
    guard !elements.isEmpty else {
      return [PaybackDefinition(name: "Total", areas: nil, discounted: false)]
    }
    var names = Set<String>()
    return elements.enumerated().map { index, value in
      let members = Members(value, path: "payback".jsonPath(index))
      let name = members.string("name") ?? ""
      if !names.insert(name).inserted {
        fail(members.path("name"), "duplicate payback name \"\(name)\"")
      }
      var selected: [String]? = nil
      if case .array(let list)? = members["areas"] {
        selected = []
        for (areaIndex, entry) in list.enumerated() {
          guard case .string(let area) = entry else { continue }
          if !areas.contains(area) {
            var message = "no cost or line item is charged to the area \"\(area)\""
            if let guess = Suggestion.closest(to: area, among: areas.sorted()) {
              message += " (did you mean \"\(guess)\"?)"
            }
            fail(members.path("areas").jsonPath(areaIndex), message)
          }
          selected?.append(area)
        }
      }
      return PaybackDefinition(
        name: name, areas: selected,
        discounted: { if case .bool(true)? = members["discounted"] { return true }; return false }())
    }
  }

  /// The document's own figures: years inside the horizon, payback names that exist.
  mutating func claim(_ members: Members, payback: [PaybackDefinition]) -> Claim {
    var netImpact: [(year: Int, amount: Double)] = []
    for (key, value) in members.map("netImpact") {
      guard let year = Int(key), checkYear(year, at: members.path("netImpact").jsonPath(key)),
        case .number(let amount) = value
      else { continue }
      netImpact.append((year, amount))
    }
    let names = payback.map(\.name)
    var claimed: [(name: String, years: Int)] = []
    for (name, value) in members.map("payback") {
      guard case .number(let years) = value else { continue }
      guard names.contains(name) else {
        var message = "no payback definition is named \"\(name)\""
        if let guess = Suggestion.closest(to: name, among: names) {
          message += " (did you mean \"\(guess)\"?)"
        } else {
          message += "; the definitions are " + names.map { "\"\($0)\"" }.joined(separator: ", ")
        }
        fail(members.path("payback").jsonPath(name), message)
        continue
      }
      claimed.append((name, Int(years)))
    }
    return Claim(netImpact: netImpact, payback: claimed, source: members.string("source"))
  }

  mutating func report(_ members: Members) -> ReportOptions {
    var percentiles = ReportOptions.defaultPercentiles
    if members["percentiles"] != nil {
      percentiles = numbers(members.array("percentiles"))
      for (index, level) in percentiles.enumerated() where !(0...100).contains(level) {
        fail(members.path("percentiles").jsonPath(index), "a percentile lies in [0, 100], found \(JSONValue.format(level))")
      }
    }
    let horizon = names.years * names.cycle.cyclesPerYear
    let occupancyAt = numbers(members.array("occupancyAt")).map { Int($0) }
    for (index, c) in occupancyAt.enumerated() where c > horizon - 1 {
      fail(members.path("occupancyAt").jsonPath(index),
        "cycle \(c) lies beyond the horizon of \(horizon) cycles (last: \(horizon - 1))")
    }
    return ReportOptions(percentiles: percentiles, occupancyAt: occupancyAt)
  }
}
