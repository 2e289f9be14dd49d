import EffectSim

/// The report's tables: the yearly business-case table, outcomes and calibration, and the
/// assumptions register.
extension HTMLRenderer {
  // MARK: - Yearly table

  /// Rows per budget area, the total and the cumulative total; a column per year; in each
  /// cell the median over its 5–95 % interval (thousands of kroner).
  static func yearlyTable(_ summary: RunSummary, labels: Labels) -> String {
    let band =
      summary.settings.mode == .montecarlo
      ? SummaryBand(levels: summary.settings.percentileLevels, labels: labels) : nil
    // Heading, caption, table and note stay on one page: the table is a handful of rows.
    var html = "<section id=\"yearly\">\n<div class=\"keep\">\n"
    html += "<h2>\(text(labels.netImpactPerYear))</h2>\n"
    var caption = ReportText.unit(summary.scenario) + "; " + labels.signConvention + "."
    if let band { caption += " " + MarkdownRenderer.capitalized(band.caption()) + "." }
    html += "<p class=\"note\">\(text(caption))</p>\n"
    html += "<table class=\"yearly\">\n"
    html += head([""], numeric: summary.years.map(String.init)) + "<tbody>\n"
    for entry in summary.netImpact.byArea {
      html += row(
        summary.scenario.displayName(entry.area), entry.values, band: band, kind: "area",
        labels: labels)
    }
    html += row(
      labels.netImpact, summary.netImpact.total, band: band, kind: "total", labels: labels)
    html += row(
      labels.cumulative, summary.cumulativeNetImpact.total, band: band, kind: "cumulative",
      labels: labels)
    html += "</tbody>\n</table>\n"
    if band?.hasMedian == true {
      html += "<p class=\"note\" id=\"medians-note\">\(text(labels.mediansDoNotAdd))</p>\n"
    }
    return html + "</div>\n</section>\n"
  }

  static func row(
    _ label: String, _ values: [Statistic], band: SummaryBand?, kind: String, labels: Labels
  ) -> String {
    let rowClass = kind == "total" ? " class=\"total\"" : ""
    var html = "<tr\(rowClass) data-row=\"\(kind)\"><th>\(text(label))</th>"
    for value in values { html += amountCell(value, band: band, labels: labels) }
    return html + "</tr>\n"
  }

  /// A cell with the centre in thousands and, for Monte Carlo, the interval below it.
  static func amountCell(_ value: Statistic, band: SummaryBand?, labels: Labels) -> String {
    guard let band else {
      return "<td class=\"num\" data-value=\"\(JSONValue.format(value.mean))\">"
        + amount(value.mean) + "</td>"
    }
    let centre = band.centre(value)
    var html = "<td class=\"num\" data-value=\"\(JSONValue.format(centre))\""
    guard let bounds = band.bounds(value) else {
      return html + ">\(amount(centre))</td>"
    }
    html += " data-low=\"\(JSONValue.format(bounds.low))\""
    html += " data-high=\"\(JSONValue.format(bounds.high))\">"
    html += amount(centre)
    html += range(amount(bounds.low), amount(bounds.high), labels) + "</td>"
    return html
  }

  /// Thousands of kroner with the minus sign.
  private static func amount(_ value: Double) -> String {
    AmountFormatting.thousands(value, minus: .sign)
  }

  /// The interval under a cell's centre: "−397 til 42", words between the ends, never a
  /// dash that a minus sign beside it would turn into a subtraction.
  static func range(_ low: String, _ high: String, _ labels: Labels) -> String {
    "<span class=\"range\">\(text(low)) \(text(labels.rangeTo)) \(text(high))</span>"
  }

  // MARK: - Outcomes and calibration

  /// Per `occupancyAt` cycle, each arm's share of the cohort in each state, and the outcome
  /// totals: what a reader holds against the trial the case rests on. Without `occupancyAt`
  /// the section holds the outcomes alone and says nothing of occupancy.
  static func outcomes(_ summary: RunSummary, labels: Labels) -> String {
    guard !summary.occupancy.isEmpty || !summary.outcomes.isEmpty else { return "" }
    let monteCarlo = summary.settings.mode == .montecarlo
    let band = monteCarlo ? SummaryBand(levels: summary.settings.percentileLevels, labels: labels)
      : nil
    var html = "<section id=\"outcomes\">\n"
    // The heading and its note open the first block, so print never leaves them alone at
    // the foot of a page.
    var intro: String
    if summary.occupancy.isEmpty {
      intro = "<h2>\(text(labels.outcomesHeading))</h2>\n"
    } else {
      intro = "<h2>\(text(labels.calibrationTitle))</h2>\n"
      let note = monteCarlo ? labels.calibrationNote : labels.calibrationNoteDeterministic
      intro += "<p class=\"note\">\(text(note))</p>\n"
    }
    let arms = [labels.intervention, labels.control, labels.difference]
    for entry in summary.occupancy {
      let after = labels.cycles(entry.cycle, cycle: summary.scenario.cycle)
      html += "<div class=\"keep\">\n\(intro)<h3>\(text(labels.occupancyTitle(after)))</h3>\n"
      intro = ""
      html += "<table class=\"occupancy\" data-cycle=\"\(entry.cycle)\">\n"
      html += head([labels.state], numeric: arms) + "<tbody>\n"
      for row in ReportText.occupancyRows(entry) {
        let name = summary.scenario.stateName(row.state)
        html += "<tr data-state=\"\(text(row.state))\"><th>\(text(name))</th>"
        html += shareCell(row.intervention, band: band, arm: "intervention", labels: labels)
        html += shareCell(row.control, band: band, arm: "control", labels: labels)
        let difference = row.intervention.flatMap { i in row.control.map { i.mean - $0.mean } }
        html += "<td class=\"num\">"
        html += text(difference.map {
          AmountFormatting.percentagePoints($0, unit: labels.percentagePoints, minus: .sign)
        } ?? AmountFormatting.notAvailable)
        html += "</td></tr>\n"
      }
      html += "</tbody>\n</table>\n</div>\n"
    }
    if !summary.outcomes.isEmpty {
      html += "<div class=\"keep\">\n" + intro
      if !summary.occupancy.isEmpty { html += "<h3>\(text(labels.outcomesTitle))</h3>\n" }
      html += "<table class=\"outcomes\">\n"
      html += head([labels.outcome], numeric: arms) + "<tbody>\n"
      for outcome in summary.outcomes {
        html += outcomeRow(outcome, summary: summary, band: band, labels: labels)
      }
      html += "</tbody>\n</table>\n</div>\n"
      var caption = labels.undiscountedTotals
      if let band { caption += "; " + band.caption(showsMean: true) }
      html += "<p class=\"note\">\(text(caption)).</p>\n"
    }
    return html + "</section>\n"
  }

  private static func outcomeRow(
    _ outcome: OutcomeSummary, summary: RunSummary, band: SummaryBand?, labels: Labels
  ) -> String {
    let stats = [outcome.intervention, outcome.control, outcome.difference]
    let shown = stats.flatMap { stat in
      [stat.mean] + (band?.bounds(stat).map { [$0.low, $0.high] } ?? [])
    }
    let decimals = AmountFormatting.decimals(forLargest: shown)
    func number(_ value: Double) -> String {
      AmountFormatting.decimal(value, decimals: decimals, minus: .sign)
    }
    let name = summary.scenario.displayName(outcome.name)
    var html = "<tr data-outcome=\"\(text(outcome.name))\"><th>\(text(name))</th>"
    for stat in stats {
      html += "<td class=\"num\" data-value=\"\(JSONValue.format(stat.mean))\">"
      html += number(stat.mean)
      if let bounds = band?.bounds(stat) {
        html += range(number(bounds.low), number(bounds.high), labels)
      }
      html += "</td>"
    }
    return html + "</tr>\n"
  }

  private static func shareCell(
    _ share: Statistic?, band: SummaryBand?, arm: String, labels: Labels
  ) -> String {
    guard let share else { return "<td class=\"num\">\(AmountFormatting.notAvailable)</td>" }
    var html = "<td class=\"num\" data-arm=\"\(arm)\""
    html += " data-value=\"\(JSONValue.format(share.mean))\">"
    html += AmountFormatting.percent(share.mean)
    if let bounds = band?.bounds(share) {
      html += range(
        AmountFormatting.percent(bounds.low), AmountFormatting.percent(bounds.high), labels)
    }
    return html + "</td>"
  }

  // MARK: - Assumptions register

  /// Every parameter: definition, scope, base value and the range the run gave it (its
  /// median above its 5–95 % interval), with the note and source on a full-width line below,
  /// so that long prose never squeezes the numbers into a narrow column. Each parameter is
  /// its own `tbody`, which print keeps on one page.
  static func register(_ summary: RunSummary, labels: Labels) -> String {
    guard !summary.parameters.isEmpty else { return "" }
    let monteCarlo = summary.settings.mode == .montecarlo
    var html = "<section id=\"assumptions\">\n<h2>\(text(labels.assumptionsTitle))</h2>\n"
    let note = monteCarlo ? labels.assumptionsNote : labels.assumptionsNoteDeterministic
    html += "<p class=\"note\">\(text(note))</p>\n"
    html += "<table class=\"register\">\n<colgroup>"
    for column in ["name", "distribution", "scope", "base", "range"] {
      html += "<col class=\"c-\(column)\"/>"
    }
    html += "</colgroup>\n"
    html += head(
      [labels.parameter, labels.definitionColumn, labels.scope],
      numeric: [labels.base, labels.simulatedRange])
    for parameter in summary.parameters {
      html += "<tbody class=\"parameter\">\n"
      html += "<tr data-parameter=\"\(text(parameter.name))\""
      if let value = parameter.setOnCommandLine { html += " data-set=\"\(text(value))\"" }
      html += ">"
      html += "<td><code>\(text(parameter.name))</code></td>"
      html += "<td>\(text(labels.definition(parameter)))</td>"
      let scope = ReportText.isFixed(parameter) ? "–" : labels.scopeName(parameter.scope)
      html += "<td>\(text(scope))</td>"
      html += "<td class=\"num\" data-value=\"\(JSONValue.format(parameter.base))\">"
      html += "\(text(AmountFormatting.general(parameter.base, minus: .sign)))</td>"
      html += rangeCell(parameter, monteCarlo: monteCarlo, labels: labels) + "</tr>\n"
      if parameter.note != nil || parameter.source != nil || parameter.setOnCommandLine != nil {
        html += "<tr class=\"about\"><td colspan=\"5\">"
        if let value = parameter.setOnCommandLine {
          html += "<strong>\(text(labels.setOnCommandLine(parameter.name, value)))</strong>"
          if parameter.note != nil || parameter.source != nil { html += " " }
        }
        if let note = parameter.note { html += "<span class=\"about-note\">\(text(note))</span>" }
        if let source = parameter.source {
          if parameter.note != nil { html += " " }
          html += "<span class=\"about-source\">\(text(labels.source)): \(text(source))</span>"
        }
        html += "</td></tr>\n"
      }
      html += "</tbody>\n"
    }
    return html + "</table>\n" + correlations(summary, labels: labels) + "</section>\n"
  }

  /// The simulated range of a parameter, or why there is none.
  private static func rangeCell(
    _ parameter: ParameterSummary, monteCarlo: Bool, labels: Labels
  ) -> String {
    func general(_ value: Double) -> String { AmountFormatting.general(value, minus: .sign) }
    guard let range = parameter.range, !ReportText.isFixed(parameter) else {
      let why: String
      if ReportText.isFixed(parameter) {
        why = "–"
      } else if !monteCarlo {
        why = labels.notSimulated
      } else {
        why = labels.variesPerPerson
      }
      return "<td class=\"num\">\(text(why))</td>"
    }
    var html = "<td class=\"num\" data-low=\"\(JSONValue.format(range.low))\""
    html += " data-median=\"\(JSONValue.format(range.median))\""
    html += " data-high=\"\(JSONValue.format(range.high))\">"
    html += text(general(range.median))
    if range.low != range.high {
      html += self.range(general(range.low), general(range.high), labels)
    }
    if parameter.rangeSource == .distribution {
      html += "<span class=\"range\">\(text(labels.perPersonDistribution))</span>"
    }
    return html + "</td>"
  }

  // MARK: - Method

  static func method(_ summary: RunSummary, labels: Labels, scenarioPath: String?) -> String {
    var html = "<section id=\"method\">\n<h2>\(text(labels.methodTitle))</h2>\n"
    // The command is set as code, so that "--seed" prints as two hyphens one can copy.
    let command = text(labels.reproduceCommand(summary, scenarioPath: scenarioPath))
    for paragraph in labels.methodParagraphs(summary, scenarioPath: scenarioPath) {
      let body = text(paragraph).replacingOccurrences(of: command, with: "<code>\(command)</code>")
      html += "<p>\(body)</p>\n"
    }
    return html + "</section>\n"
  }
}
