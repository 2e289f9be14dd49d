import EffectSim

/// Wording shared by the human formats (table and markdown), so both say the same thing.
enum ReportText {
  /// The unit line of the business cases: "1.000 kr. 2018 p/l"; other currencies by code.
  static func unit(_ scenario: ScenarioInfo) -> String {
    let currency = scenario.currency == "DKK" ? "kr." : scenario.currency
    let unit = "1.000 " + currency
    guard let priceLevel = scenario.priceLevel, !priceLevel.isEmpty else { return unit }
    return unit + " " + priceLevel
  }

  /// "Monte Carlo" or "Deterministic (base values, expected cohort trace)".
  static func modeName(_ mode: RunSettings.Mode, _ labels: Labels) -> String {
    switch mode {
    case .montecarlo: labels.monteCarlo
    case .deterministic: labels.deterministicMode
    }
  }

  /// "2018-2022 (5 years, monthly cycles)".
  /// The facts a reader needs to reproduce a run, in the order every format shows them; the
  /// values are raw text, for each format to escape its own way.
  static func facts(_ summary: RunSummary, _ labels: Labels) -> [(term: String, value: String)] {
    let scenario = summary.scenario
    let settings = summary.settings
    var facts: [(term: String, value: String)] = []
    if let source = scenario.source { facts.append((labels.source, source)) }
    let priceLevel = scenario.priceLevel ?? labels.notStated
    facts.append((labels.priceLevel, "\(priceLevel) (\(scenario.currency))"))
    facts.append((labels.horizon, horizon(summary, labels)))
    facts.append((labels.mode, modeName(settings.mode, labels)))
    let deterministic = settings.mode == .deterministic
    facts.append(
      (labels.iterations, deterministic ? "–" : AmountFormatting.grouped(settings.iterations)))
    if let precision = settings.precision {
      facts.append((labels.precision, labels.precisionOutcome(precision)))
    }
    facts.append((labels.seed, seed(settings)))
    facts.append((labels.pairing, labels.pairingName(settings.pairing)))
    if !deterministic { facts.append((labels.kernel, labels.kernelName(summary.run.kernel))) }
    facts.append((labels.engineVersion, summary.run.engineVersion))
    if let overrides = overrides(settings.overrides) { facts.append((labels.overrides, overrides)) }
    return facts
  }

  /// "places=230; ipsShare=0.55": the `--set` values as typed; `nil` when there are none.
  static func overrides(_ overrides: [ScenarioOverride]) -> String? {
    overrides.isEmpty ? nil : overrides.map(\.description).joined(separator: "; ")
  }

  /// The seed as a reader should see it: a deterministic run draws no random numbers, so it
  /// has no seed to reproduce (and no count of simulated futures: it follows one expected
  /// path).
  static func seed(_ settings: RunSettings) -> String {
    settings.mode == .deterministic ? "–" : String(settings.seed)
  }

  static func horizon(_ summary: RunSummary, _ labels: Labels) -> String {
    let first = summary.years.first ?? summary.scenario.start
    let last = summary.years.last ?? first
    let span = first == last ? String(first) : "\(first)-\(last)"
    let cycles = summary.scenario.cycle == "year" ? labels.yearlyCycles : labels.monthlyCycles
    return "\(span) (\(labels.years(summary.years.count)), \(cycles))"
  }

  /// A payback year count with its calendar year: "4 (2021)"; "after 2025" when absent, the
  /// one wording for a median year and a deterministic year that fall beyond the horizon.
  static func paybackYear(_ year: Int?, years: [Int], _ labels: Labels) -> String {
    let start = years.first ?? 0
    guard let year else { return labels.after(years.last ?? start) }
    return "\(year) (\(start + year - 1))"
  }

  /// The deterministic reading: "4 years (end of 2021)" or "not within the horizon".
  static func paybackSentence(_ year: Int?, start: Int, _ labels: Labels) -> String {
    guard let year else { return labels.notWithinTheHorizon }
    return labels.paybackSentence(year, calendarYear: start + year - 1)
  }

  /// The definition's name: the scenario's label for it, else its name; the engine's default
  /// definition ("Total", all areas) in the report's language, since the scenario did not
  /// choose that name.
  static func paybackName(
    _ payback: PaybackSummary, _ scenario: ScenarioInfo, _ labels: Labels
  ) -> String {
    if let label = scenario.labels[payback.name] { return label }
    return payback.name == "Total" && payback.areas == nil
      ? labels.defaultPaybackName : payback.name
  }

  /// "Totaløkonomi (all areas)", "Service (Service, discounted)"; areas by their labels.
  static func paybackLabel(
    _ payback: PaybackSummary, _ scenario: ScenarioInfo, _ labels: Labels
  ) -> String {
    var scope = payback.areas?.map(scenario.displayName).joined(separator: ", ")
      ?? labels.allAreas
    if payback.discounted { scope += ", " + labels.discounted }
    return "\(paybackName(payback, scenario, labels)) (\(scope))"
  }

  /// The deterministic payback year: the engine's deterministic reading, else the median
  /// (which, with a single trace, is the same thing).
  static func deterministicYear(_ payback: PaybackSummary) -> Int? {
    payback.deterministicYear ?? payback.medianYear
  }

  /// Occupancy rows: every state of either arm, intervention's order first, with each arm's
  /// share (`nil` when the arm does not list the state).
  static func occupancyRows(
    _ entry: OccupancySummary
  ) -> [(state: String, intervention: Statistic?, control: Statistic?)] {
    var rows = entry.intervention.map { item in
      (
        state: item.state, intervention: Optional(item.share),
        control: entry.control.first { $0.state == item.state }?.share
      )
    }
    let listed = Set(entry.intervention.map(\.state))
    for item in entry.control where !listed.contains(item.state) {
      rows.append((state: item.state, intervention: nil, control: item.share))
    }
    return rows
  }

  /// The largest Monte Carlo standard error of a payback table, as a sentence, written as
  /// the verdict writes one; `nil` when 0 (every probability is 0 or 1, which the table's
  /// "< 0,1 %" and "> 99,9 %" already qualify).
  static func paybackMCSENote(_ payback: [PaybackSummary], _ labels: Labels) -> String? {
    let largest = payback.flatMap(\.probabilityMCSE).filter(\.isFinite).max() ?? 0
    guard largest > 0 else { return nil }
    return labels.paybackMCSENote(AmountFormatting.standardErrorPoints(largest))
  }
}

extension ReportText {
  /// Whether a parameter holds one value: a number, or a distribution with a single value
  /// (a one-value `discrete`, which scenarios use to give a fixed number a note).
  static func isFixed(_ parameter: ParameterSummary) -> Bool {
    if parameter.kind == .fixed { return true }
    if case .discrete(let values, _)? = parameter.distribution { return values.count == 1 }
    return false
  }

  /// Text from the scenario on one line: a line break inside a name would break a table.
  static func singleLine(_ text: String) -> String {
    String(text.map { $0.isNewline ? " " : $0 })
  }
}
