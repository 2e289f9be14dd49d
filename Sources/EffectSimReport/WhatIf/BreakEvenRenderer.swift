import EffectSim
import Foundation

/// The outputs of `effectsim breakeven`: table, markdown and JSON.
///
/// Values of the parameter print with about four significant digits (`AmountFormatting
/// .general`), amounts in thousands as in the run report, probabilities as fractions with a
/// decimal comma ("P is 0,12 at 1"), as the analyst states the target.
enum BreakEvenRenderer {
  static func render(_ answer: BreakEvenAnswer, as format: OutputFormat, labels: Labels) -> String {
    switch format {
    case .json: return json(answer).serialized()
    case .markdown: return markdown(answer, labels)
    default: return table(answer, labels)
    }
  }

  // MARK: - Words shared by table and markdown

  static func facts(_ answer: BreakEvenAnswer, _ labels: Labels) -> [(String, String)] {
    let value: (Double) -> String = { AmountFormatting.general($0) }
    var payback = answer.payback
    var scope = answer.paybackAreas?.joined(separator: ", ") ?? labels.allAreas
    if answer.discounted { scope += ", " + labels.discounted }
    if answer.payback == "Total", answer.paybackAreas == nil { payback = labels.defaultPaybackName }
    var facts: [(String, String)] = [
      (labels.scenario, answer.scenario.name),
      (labels.paybackDefinition, "\(payback) (\(scope))"),
      (labels.byTheEndOf, labels.yearOfHorizon(answer.year, calendarYear: answer.calendarYear)),
      (
        labels.searchRange,
        labels.searchRangeText(
          low: value(answer.range.low), high: value(answer.range.high), origin: answer.range.origin)
      ),
    ]
    for narrowing in answer.range.narrowed {
      facts.append(("", labels.rangeNarrowed(value(narrowing.failedAt), reason: narrowing.reason)))
    }
    if let overrides = ReportText.overrides(answer.overrides) {
      facts.append((labels.overrides, overrides))
    }
    facts.append((labels.engineVersion, answer.engineVersion))
    return facts
  }

  static func deterministicSentence(_ answer: BreakEvenAnswer, _ labels: Labels) -> String {
    let value: (Double) -> String = { AmountFormatting.general($0) }
    let result = answer.deterministic
    if let root = result.value {
      return labels.deterministicBreakEven(answer.parameter, value(root), year: answer.calendarYear)
    }
    // The end nearer zero says how far off the case stays.
    let atHigh = abs(result.atHigh) <= abs(result.atLow)
    return labels.deterministicNotReached(
      low: value(answer.range.low), high: value(answer.range.high), year: answer.calendarYear,
      amount: AmountFormatting.general((atHigh ? result.atHigh : result.atLow) / 1000),
      at: value(atHigh ? answer.range.high : answer.range.low),
      unit: ReportText.unit(answer.scenario))
  }

  static func probabilisticLines(
    _ result: BreakEvenAnswer.Probabilistic, _ answer: BreakEvenAnswer, _ labels: Labels
  ) -> (heading: String, facts: String, sentence: String) {
    let value: (Double) -> String = { AmountFormatting.general($0) }
    let heading = labels.probabilisticHeading(
      AmountFormatting.percent(result.probability, decimals: 0), years: answer.year)
    let facts = labels.searchFacts(
      iterations: AmountFormatting.grouped(result.iterations), seed: result.seed,
      steps: result.steps, kernel: result.kernel)
    guard let root = result.value else {
      let atHigh = abs(result.atHigh - result.probability) <= abs(result.atLow - result.probability)
      let sentence = labels.probabilisticNotReached(
        low: value(answer.range.low), high: value(answer.range.high),
        p: AmountFormatting.decimal(atHigh ? result.atHigh : result.atLow, decimals: 2),
        at: value(atHigh ? answer.range.high : answer.range.low))
      return (heading, facts, sentence)
    }
    // One number of decimals for the answer and its interval, enough to show the interval's
    // width to two digits.
    let (low, high) = result.interval
    let spread =
      switch (low, high) {
      case (let low?, let high?): high - low
      case (let end?, nil), (nil, let end?): 2 * abs(root - end)
      default: (answer.range.high - answer.range.low) / 1000
      }
    let decimals = spread > 0 ? min(max(1 - Int(log10(spread).rounded(.down)), 0), 6) : 4
    let fixed = { (number: Double) in AmountFormatting.decimal(number, decimals: decimals) }
    let end = { (bound: Double?) in bound.map(fixed) ?? labels.beyondTheRange }
    let sentence = labels.probabilisticBreakEven(
      answer.parameter, fixed(root),
      confidence: AmountFormatting.percent(result.confidence, decimals: 0),
      low: end(low), high: end(high))
    return (heading, facts, sentence + " " + labels.intervalExplanation)
  }

  // MARK: - Table and markdown

  static func table(_ answer: BreakEvenAnswer, _ labels: Labels) -> String {
    let title = labels.breakEvenTitle(answer.parameter)
    var rows = TextTable(alignments: [.left, .left])
    for (term, value) in facts(answer, labels) { rows.add([term, ReportText.singleLine(value)]) }
    var text = title + "\n" + String(repeating: "=", count: title.count) + "\n" + rows.render()
    text += "\n" + labels.deterministicHeading + "\n  " + deterministicSentence(answer, labels)
      + "\n"
    if let result = answer.probabilistic {
      let lines = probabilisticLines(result, answer, labels)
      text += "\n" + lines.heading + "\n  " + lines.facts + "\n  " + lines.sentence + "\n"
    }
    return text
  }

  static func markdown(_ answer: BreakEvenAnswer, _ labels: Labels) -> String {
    let inline = MarkdownTable.escape
    let facts = facts(answer, labels).map { term, value in
      term.isEmpty ? inline(value) : "**\(term):** " + inline(value)
    }
    var text = "# \(inline(labels.breakEvenTitle(answer.parameter)))\n\n"
    text += facts.joined(separator: " · ") + "\n\n"
    text += "## \(labels.deterministicHeading)\n\n" + deterministicSentence(answer, labels) + "\n"
    if let result = answer.probabilistic {
      let lines = probabilisticLines(result, answer, labels)
      text += "\n## \(lines.heading)\n\n\(lines.sentence)\n\n_\(lines.facts)._\n"
    }
    return text
  }

  // MARK: - JSON

  /// `{parameter, payback, year, deterministic: {value}, probabilistic: {probability, value,
  /// interval: [lo, hi], iterations}}` as the issue fixes it, then what else the search knew;
  /// the time taken under `run`, last.
  static func json(_ answer: BreakEvenAnswer) -> JSONValue {
    let number = { (value: Double?) in value.map(JSONValue.number) ?? .null }
    let deterministic = JSONValue.object([
      ("value", number(answer.deterministic.value)),
      (
        "cumulativeNetImpactAtRange",
        .array([.number(answer.deterministic.atLow), .number(answer.deterministic.atHigh)])
      ),
      ("evaluations", .int(answer.deterministic.evaluations)),
    ])
    let probabilistic = answer.probabilistic.map { result in
      JSONValue.object([
        ("probability", .number(result.probability)),
        ("value", number(result.value)),
        (
          "interval",
          result.value == nil
            ? .null : .array([number(result.interval.low), number(result.interval.high)])
        ),
        ("iterations", .int(result.iterations)),
        ("confidence", .number(result.confidence)),
        ("probabilityAtRange", .array([.number(result.atLow), .number(result.atHigh)])),
        ("steps", .int(result.steps)),
        ("seed", .uint(result.seed)),
        ("kernel", .string(result.kernel)),
      ])
    }
    return .object([
      ("parameter", .string(answer.parameter)),
      ("payback", .string(answer.payback)),
      ("year", .int(answer.year)),
      ("deterministic", deterministic),
      ("probabilistic", probabilistic ?? .null),
      ("calendarYear", .int(answer.calendarYear)),
      ("scenario", .object([("name", .string(answer.scenario.name))])),
      (
        "range",
        .object([
          ("low", .number(answer.range.low)), ("high", .number(answer.range.high)),
          ("origin", .string(answer.range.origin.rawValue)),
          (
            "narrowed",
            .array(answer.range.narrowed.map { narrowing in
              .object([
                ("failedAt", .number(narrowing.failedAt)), ("reason", .string(narrowing.reason)),
              ])
            })
          ),
        ])
      ),
      ("settings", .object([("overrides", JSONRenderer.overrides(answer.overrides))])),
      (
        "run",
        .object([
          ("engineVersion", .string(answer.engineVersion)),
          ("seconds", .number(answer.seconds)),
        ])
      ),
    ])
  }
}
