/// The shapes of every object of scenario format version 1 (docs/scenario-format.md).
public enum ScenarioFormat {
  /// The value of the top-level `format` key.
  public static let version = "effectsim/1"
  public static let identifierPattern = "^[A-Za-z_][A-Za-z0-9_]*$"
  public static let stateIDPattern = "^[A-Za-z_][A-Za-z0-9_-]*$"
  public static let yearPattern = "^[0-9]{4}$"
  /// Any non-empty name: the keys of `labels`, which name areas (free text) as well.
  public static let namePattern = "^.+$"
  /// Names that expressions reserve: a parameter may not shadow them.
  public static let reservedNames: Set<String> = [
    "min", "max", "abs", "exp", "ln", "sqrt", "clamp", "reach", "perCycle", "cyclesPerYear",
  ]

  static let cycleWindow = ValueShape.array(
    of: .integer(minimum: 0), minItems: 1, maxItems: 2)

  static let cost = ObjectShape(title: "Cost", keys: [
    KeyShape("area", .string(), required: true, "budget area charged, e.g. \"Overførsler\""),
    KeyShape("perCycle", .expression, required: true, "amount per cycle spent in the state"),
    KeyShape("arm", .string(enumeration: ["intervention", "control"]), "apply in this arm only"),
    KeyShape("cycles", cycleWindow, "[from, to): cycles since entry when the cost applies"),
    KeyShape("refusion", .string(enumeration: [Refusion.staircase.rawValue]),
      "staircase: the amount is the gross benefit; the municipality pays 20/60/70/80 % by"
        + " the person's weeks on covered benefits (1–4/5–26/27–52/53+)"),
  ])

  static let state = ObjectShape(title: "State", keys: [
    KeyShape("id", .string(pattern: stateIDPattern), required: true, "unique state id"),
    KeyShape("label", .string(), "name shown in reports"),
    KeyShape("costs", .array(of: .object(cost)), "amounts per cycle in this state"),
    KeyShape("outcomes", .map(of: .expression, keyPattern: identifierPattern),
      "outcome name → weight per cycle in this state"),
    KeyShape("covered", .boolean,
      "time here counts on the refusion staircase (a covered benefit); default false"),
    KeyShape("selfSupport", .boolean,
      "false: time here (subsidised work) neither advances nor resets the staircase clock;"
        + " default true for a state that is not covered"),
  ])

  static let transitionCost = ObjectShape(title: "TransitionCost", keys: [
    KeyShape("area", .string(), required: true, "budget area charged"),
    KeyShape("amount", .expression, required: true,
      "amount per person moving (iteration scope), in the year of the move"),
  ])

  static let transition = ObjectShape(title: "Transition", keys: [
    KeyShape("from", .string(pattern: stateIDPattern), required: true, "state left"),
    KeyShape("to", .string(pattern: stateIDPattern), required: true, "state entered"),
    KeyShape("p", .expression, required: true, "probability per cycle"),
    KeyShape("cycles", cycleWindow, "[from, to): cycles since entry when the move is possible"),
    KeyShape("cost", .array(of: .object(transitionCost)),
      "amounts charged once per person moving along the transition"),
    KeyShape("outcomes", .map(of: .expression, keyPattern: identifierPattern),
      "outcome name → weight counted once per move (e.g. jobs started)"),
  ])

  static let arm = ObjectShape(title: "Arm", keys: [
    KeyShape("label", .string(), "name shown in reports"),
    KeyShape("initial", .map(of: .expression, keyPattern: stateIDPattern),
      "state id → weight of the state at entry (normalised); default: the first state"),
    KeyShape("transitions", .array(of: .object(transition)), "moves between states"),
  ])

  static let arms = ObjectShape(title: "Arms", keys: [
    KeyShape("intervention", .object(arm), required: true, "the arm with the intervention"),
    KeyShape("control", .object(arm), required: true, "the counterfactual"),
  ])

  static let intake = ObjectShape(title: "Intake", keys: [
    KeyShape("year", .integer(), required: true, "calendar year of entry"),
    KeyShape("count", .expression, required: true, "number of people entering"),
    KeyShape("spread", .string(enumeration: ["start", "even"]),
      "all at the year's first cycle (start, default) or spread evenly over the year"),
  ])

  static let cohort = ObjectShape(title: "Cohort", keys: [
    KeyShape("intake", .array(of: .object(intake), minItems: 1), required: true,
      "who enters when"),
    KeyShape("weeksOnBenefitAtEntry", .expression,
      "each person's weeks on covered benefits at entry (the refusion staircase clock);"
        + " person-scope parameters allowed; default 0"),
  ])

  static let lineItem = ObjectShape(title: "LineItem", keys: [
    KeyShape("label", .string(), required: true, "name of the investment or saving"),
    KeyShape("area", .string(), required: true, "budget area"),
    KeyShape("committee", .string(), "committee responsible (free text)"),
    KeyShape("byYear", .map(of: .expression, keyPattern: yearPattern), required: true,
      "calendar year → amount (expenses positive, savings negative)"),
  ])

  static let payback = ObjectShape(title: "Payback", keys: [
    KeyShape("name", .string(), required: true, "name of the definition"),
    KeyShape("areas", .oneOf([.string(enumeration: ["all"]), .array(of: .string(), minItems: 1)]),
      "\"all\" (default) or the budget areas summed"),
    KeyShape("discounted", .boolean, "use discounted amounts (default false)"),
  ])

  static let report = ObjectShape(title: "Report", keys: [
    KeyShape("percentiles", .array(of: .number, minItems: 1),
      "percentile levels in percent; default [5,10,25,50,75,90,95]"),
    KeyShape("occupancyAt", .array(of: .integer(minimum: 0)),
      "cycles since entry at which to report the share in each state"),
  ])

  static let discount = ObjectShape(title: "Discount", keys: [
    KeyShape("costs", .number, "annual discount rate of amounts"),
    KeyShape("outcomes", .number, "annual discount rate of outcomes"),
    KeyShape(
      "firstYear", .integer(minimum: 0, maximum: 1), "exponent of the first year: 0 (default) or 1"),
  ])

  /// Any non-empty key: the names of payback definitions are free text.
  public static let anyNamePattern = "^.+$"

  static let claim = ObjectShape(title: "Claim", keys: [
    KeyShape("netImpact", .map(of: .number, keyPattern: yearPattern),
      "calendar year → the document's net impact, all areas (expenses positive, savings"
        + " negative); years not listed count as 0"),
    KeyShape("payback", .map(of: .integer(minimum: 1), keyPattern: anyNamePattern),
      "payback definition name → the payback time the document claims, in years"),
    KeyShape("source", .string(), "where the figures stand in the document, e.g. \"Tabel 1.1\""),
  ])

  /// Fields of each distribution, in the order the format page lists them.
  public static let distributionFields: [(name: String, fields: [String])] = [
    ("uniform", ["min", "max"]),
    ("triangular", ["min", "mode", "max"]),
    ("pert", ["min", "mode", "max", "lambda"]),
    ("normal", ["mean", "sd", "min", "max"]),
    ("lognormal", ["mean", "sd"]),
    ("beta", ["alpha", "beta", "mean", "sd", "successes", "trials"]),
    ("gamma", ["shape", "scale", "mean", "sd"]),
    ("discrete", ["values", "weights"]),
  ]

  static let distributedParameter: ObjectShape = {
    var keys = distributionFields.map { entry in
      KeyShape(entry.name, .object(ObjectShape(
        title: entry.name,
        keys: entry.fields.map { field in
          KeyShape(field, entry.name == "discrete" ? .array(of: .number, minItems: 1) : .number,
            "distribution field")
        })), "\(entry.name) distribution")
    }
    keys += [
      KeyShape("base", .number, "value in deterministic mode; default the mean"),
      KeyShape("scope", .string(enumeration: ["iteration", "person"]),
        "iteration: uncertainty, one draw per iteration (default); person: one draw per person"),
      KeyShape("note", .string(), "what the assumption stands for"),
      KeyShape("source", .string(), "where the number comes from"),
    ]
    return ObjectShape(
      title: "DistributedParameter", keys: keys,
      exactlyOneOf: distributionFields.map(\.name))
  }()

  static let correlation = ObjectShape(title: "Correlation", keys: [
    KeyShape("parameters", .array(of: .string(pattern: identifierPattern), minItems: 2,
      maxItems: 2), required: true, "the two iteration-scope distribution parameters"),
    KeyShape("rank", .number, required: true,
      "Spearman rank correlation, strictly between -1 and 1"),
    KeyShape("note", .string(), "why the two move together"),
    KeyShape("source", .string(), "where the correlation comes from"),
  ])

  static let parameter = ValueShape.oneOf([.number, .string(), .object(distributedParameter)])

  /// The top-level object of a scenario file.
  public static let scenario = ObjectShape(title: "Scenario", keys: [
    KeyShape("$schema", .string(), "JSON Schema reference for editors; ignored"),
    KeyShape("format", .string(enumeration: [version]), required: true, "format version"),
    KeyShape("name", .string(), required: true, "title shown in reports"),
    KeyShape("description", .string(), "free text"),
    KeyShape("source", .string(), "the document the numbers come from"),
    KeyShape("currency", .string(), "default \"DKK\""),
    KeyShape("priceLevel", .string(), "e.g. \"2018 p/l\""),
    KeyShape(
      "start",
      .integer(
        minimum: ScenarioLimits.calendarYears.lowerBound,
        maximum: ScenarioLimits.calendarYears.upperBound),
      required: true, "first calendar year"),
    KeyShape("years", .integer(minimum: 1), required: true, "horizon in calendar years"),
    KeyShape("cycle", .string(enumeration: ["month", "year"]), "cycle length; default month"),
    KeyShape("occupancy", .string(enumeration: ["start", "end", "average"]),
      "which state a cycle is counted in; default start"),
    KeyShape("discount", .object(discount), "annual discount rates"),
    KeyShape("parameters", .map(of: parameter, keyPattern: identifierPattern),
      "name → number, expression or distribution"),
    KeyShape("correlations", .array(of: .object(correlation)),
      "rank correlations between iteration-scope distribution parameters (Gaussian copula)"),
    KeyShape("states", .array(of: .object(state), minItems: 1), required: true, "the states"),
    KeyShape("arms", .object(arms), required: true, "intervention and control"),
    KeyShape("cohort", .object(cohort), required: true, "intake"),
    KeyShape("lineItems", .array(of: .object(lineItem)), "fixed yearly amounts"),
    KeyShape("payback", .array(of: .object(payback)), "payback definitions"),
    KeyShape("report", .object(report), "report options"),
    KeyShape("pairing", .string(enumeration: ["coupled", "independent"]),
      "common random numbers for the two arms (coupled, default) or not"),
    KeyShape("labels", .map(of: .string(), keyPattern: namePattern),
      "outcome, area or payback definition name → the text reports show for it"),
    KeyShape("claim", .object(claim),
      "the business case's own figures, held against the simulated futures in reports"),
  ])
}
