/// The largest scenario EffectSim accepts, checked before anything is built from the file.
///
/// Scenario files arrive by mail; a limit keeps a hostile or mistaken file (a hundred million
/// years, a hundred thousand states) from exhausting memory or time, and says so in a message
/// that names the limit, instead of aborting somewhere inside the engine. Each limit is far
/// above any municipal or national business case: the largest realistic case, 100,000 citizens
/// a year over 30 years with a few dozen states, uses a small fraction of every one of them.
/// docs/limits.md lists them with the reasons.
public enum ScenarioLimits {
  /// Bytes of a scenario file. The bundled business cases are under 50 kB.
  public static let fileBytes = 10_000_000
  /// Calendar years of the horizon; with monthly cycles at most 1,200 cycles.
  public static let years = 100
  /// The first and last calendar year a horizon may touch: the years of `byYear` have four
  /// digits.
  public static let calendarYears = 1000...9999
  public static let parameters = 10_000
  public static let states = 200
  /// Transitions of one arm.
  public static let transitionsPerArm = 10_000
  /// Cost entries and outcome weights of all states together: each is priced every iteration.
  public static let charges = 10_000
  /// Cost entries and outcome weights of all transitions together: each is priced every
  /// iteration, and each adds a move count per year.
  public static let transitionCharges = 10_000
  /// Distinct budget areas (of costs, transition costs and line items together).
  public static let areas = 1_000
  /// Distinct outcome names.
  public static let outcomes = 1_000
  public static let lineItems = 10_000
  /// Entries of `cohort.intake`.
  public static let intakes = 1_000
  /// People entering in one iteration, all intake entries together.
  public static let cohortSize = 10_000_000
  public static let paybackDefinitions = 100
  public static let percentiles = 100
  /// Entries of `report.occupancyAt`.
  public static let occupancyCycles = 100
  /// Values of one `discrete` distribution.
  public static let discreteValues = 10_000
  /// Characters of one expression.
  public static let expressionLength = 10_000
  /// Arguments of one function call in an expression (`min`, `max`).
  public static let functionArguments = ExpressionParser.maximumArguments

  /// Checks the counts of a document, before anything else looks at it.
  ///
  /// Runs right after parsing, before the shape check and the decoder, so that their work is
  /// bounded by these numbers. Only counts, names and a few numbers are read, and a value of
  /// an unexpected type is skipped: the shape check reports it.
  /// - Returns: one error per limit exceeded, naming the place, the limit and what was found.
  /// - Complexity: O(*n*) in the size of the document.
  static func check(_ document: JSONValue) -> [ScenarioError] {
    var errors: [ScenarioError] = []
    func over(_ path: String, _ found: Int, _ limit: Int, _ what: String) {
      guard found > limit else { return }
      errors.append(
        ScenarioError(
          path: path,
          message: "\(found) \(what); EffectSim accepts at most \(limit) (see docs/limits.md)"))
    }
    let top = document
    if case .number(let years)? = top["years"], years > Double(Self.years) {
      errors.append(
        ScenarioError(
          path: "years", message: "a horizon of \(JSONValue.format(years)) years is longer than"
            + " the \(Self.years) years EffectSim accepts (see docs/limits.md)"))
    } else if case .number(let years)? = top["years"], years >= 1,
      case .number(let start)? = top["start"],
      start >= Double(calendarYears.lowerBound), start <= Double(calendarYears.upperBound),
      start + years - 1 > Double(calendarYears.upperBound)
    {
      // A start outside the calendar years is the shape check's to report.
      errors.append(
        ScenarioError(
          path: "start", message: "the horizon \(JSONValue.format(start))–"
            + JSONValue.format(start + years - 1) + " must lie within the calendar years"
            + " \(calendarYears.lowerBound)–\(calendarYears.upperBound)"))
    }
    let parameters = top["parameters"]?.nameMap ?? []
    over("parameters", parameters.count, Self.parameters, "parameters")
    for (name, value) in parameters {
      guard case .array(let values)? = value["discrete"]?["values"] else {
        continue
      }
      over(
        "parameters".jsonPath(name).jsonPath("discrete").jsonPath("values"), values.count,
        discreteValues, "values")
    }

    let states = top["states"]?.elements ?? []
    over("states", states.count, Self.states, "states")
    var charges = 0
    var areas = Set<String>()
    var outcomes = Set<String>()
    for state in states {
      let costs = state["costs"]?.elements ?? []
      charges += costs.count
      for cost in costs {
        if case .string(let area)? = cost["area"] { areas.insert(area) }
      }
      let weights = state["outcomes"]?.nameMap ?? []
      charges += weights.count
      for (name, _) in weights { outcomes.insert(name) }
    }
    over("states", charges, Self.charges, "cost entries and outcome weights")

    var transitionCharges = 0
    for arm in ["intervention", "control"] {
      let transitions = top["arms"]?[arm]?["transitions"]?.elements ?? []
      over("arms".jsonPath(arm).jsonPath("transitions"), transitions.count,
        transitionsPerArm, "transitions")
      for transition in transitions {
        let costs = transition["cost"]?.elements ?? []
        transitionCharges += costs.count
        for cost in costs {
          if case .string(let area)? = cost["area"] { areas.insert(area) }
        }
        let weights = transition["outcomes"]?.nameMap ?? []
        transitionCharges += weights.count
        for (name, _) in weights { outcomes.insert(name) }
      }
    }
    over(
      "arms", transitionCharges, Self.transitionCharges,
      "cost entries and outcome weights on transitions")
    over("states", outcomes.count, Self.outcomes, "distinct outcomes")
    let intake = top["cohort"]?["intake"]?.elements ?? []
    over("cohort.intake", intake.count, intakes, "intake entries")
    var people = 0.0
    for entry in intake {
      if case .number(let count)? = entry["count"] { people += count }
    }
    if people > Double(cohortSize) {
      errors.append(
        ScenarioError(
          path: "cohort.intake", message: "the intake counts add up to"
            + " \(JSONValue.format(people)) people; EffectSim accepts at most"
            + " \(cohortSize) per iteration (see docs/limits.md)"))
    }

    let items = top["lineItems"]?.elements ?? []
    over("lineItems", items.count, lineItems, "line items")
    for item in items {
      if case .string(let area)? = item["area"] { areas.insert(area) }
    }
    over(
      "states", areas.count, Self.areas,
      "distinct budget areas (of costs, transition costs and line items)")
    over("payback", top["payback"]?.elements.count ?? 0, paybackDefinitions, "definitions")
    let report = top["report"]
    over(
      "report.percentiles", report?["percentiles"]?.elements.count ?? 0, percentiles,
      "percentile levels")
    over(
      "report.occupancyAt", report?["occupancyAt"]?.elements.count ?? 0, occupancyCycles,
      "cycles")
    return errors
  }
}

extension JSONValue {
  /// Entries of an object used as a name map, without its `comment`.
  fileprivate var nameMap: [(key: String, value: JSONValue)] {
    members.filter { $0.key != "comment" }
  }
}
