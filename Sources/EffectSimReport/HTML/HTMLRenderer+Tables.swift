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
    var html = "<section id=\"yearly\">\n<h2>\(text(labels.netImpactPerYear))</h2>\n"
    var caption = ReportText.unit(summary.scenario) + "; " + labels.signConvention + "."
    if let band { caption += " " + MarkdownRenderer.capitalized(band.caption()) + "." }
    html += "<p class=\"note\">\(text(caption))</p>\n"
    html += "<table class=\"yearly\">\n"
    html += head([""], numeric: summary.years.map(String.init)) + "<tbody>\n"
    for entry in summary.netImpact.byArea {
      html += row(entry.area, entry.values, band: band, kind: "area")
    }
    html += row(labels.netImpact, summary.netImpact.total, band: band, kind: "total")
    html += row(
      labels.cumulative, summary.cumulativeNetImpact.total, band: band, kind: "cumulative")
    return html + "</tbody>\n</table>\n</section>\n"
  }

  static func row(
    _ label: String, _ values: [Statistic], band: SummaryBand?, kind: String
  ) -> String {
    let rowClass = kind == "total" ? " class=\"total\"" : ""
    var html = "<tr\(rowClass) data-row=\"\(kind)\"><th>\(text(label))</th>"
    for value in values { html += amountCell(value, band: band) }
    return html + "</tr>\n"
  }

  /// A cell with the centre in thousands and, for Monte Carlo, the interval below it.
  static func amountCell(_ value: Statistic, band: SummaryBand?) -> String {
    guard let band else {
      return "<td class=\"num\" data-value=\"\(JSONValue.format(value.mean))\">"
        + AmountFormatting.thousands(value.mean) + "</td>"
    }
    let centre = band.centre(value)
    var html = "<td class=\"num\" data-value=\"\(JSONValue.format(centre))\""
    guard let bounds = band.bounds(value) else {
      return html + ">\(AmountFormatting.thousands(centre))</td>"
    }
    html += " data-low=\"\(JSONValue.format(bounds.low))\""
    html += " data-high=\"\(JSONValue.format(bounds.high))\">"
    html += AmountFormatting.thousands(centre)
    html += "<span class=\"range\">\(AmountFormatting.thousands(bounds.low))"
    html += " \u{2013} \(AmountFormatting.thousands(bounds.high))</span></td>"
    return html
  }

  // MARK: - Outcomes and calibration

  /// Per `occupancyAt` cycle, each arm's share of the cohort in each state, and the outcome
  /// totals: what a reader holds against the trial the case rests on.
  static func outcomes(_ summary: RunSummary, labels: Labels) -> String {
    guard !summary.occupancy.isEmpty || !summary.outcomes.isEmpty else { return "" }
    let monteCarlo = summary.settings.mode == .montecarlo
    let band = monteCarlo ? SummaryBand(levels: summary.settings.percentileLevels, labels: labels)
      : nil
    var html = "<section id=\"outcomes\">\n<h2>\(text(labels.calibrationTitle))</h2>\n"
    html += "<p class=\"note\">\(text(labels.calibrationNote))</p>\n"
    let arms = [labels.intervention, labels.control, labels.difference]
    for entry in summary.occupancy {
      let after = labels.cycles(entry.cycle, cycle: summary.scenario.cycle)
      html += "<h3>\(text(labels.occupancyTitle(after)))</h3>\n"
      html += "<table class=\"occupancy\" data-cycle=\"\(entry.cycle)\">\n"
      html += head([labels.state], numeric: arms) + "<tbody>\n"
      for row in ReportText.occupancyRows(entry) {
        let name = summary.scenario.stateName(row.state)
        html += "<tr data-state=\"\(text(row.state))\"><th>\(text(name))</th>"
        html += shareCell(row.intervention, band: band, arm: "intervention")
        html += shareCell(row.control, band: band, arm: "control")
        let difference = row.intervention.flatMap { i in row.control.map { i.mean - $0.mean } }
        html += "<td class=\"num\">"
        html += difference.map {
          AmountFormatting.percentagePoints($0, unit: labels.percentagePoints)
        } ?? AmountFormatting.notAvailable
        html += "</td></tr>\n"
      }
      html += "</tbody>\n</table>\n"
    }
    if !summary.outcomes.isEmpty {
      html += "<h3>\(text(labels.outcomesTitle))</h3>\n"
      html += "<table class=\"outcomes\">\n"
      html += head([labels.outcome], numeric: arms) + "<tbody>\n"
      for outcome in summary.outcomes {
        let stats = [outcome.intervention, outcome.control, outcome.difference]
        let shown = stats.flatMap { stat in
          [stat.mean] + (band?.bounds(stat).map { [$0.low, $0.high] } ?? [])
        }
        let decimals = AmountFormatting.decimals(forLargest: shown)
        html += "<tr data-outcome=\"\(text(outcome.name))\"><th>\(text(outcome.name))</th>"
        for stat in stats {
          html += "<td class=\"num\" data-value=\"\(JSONValue.format(stat.mean))\">"
          html += AmountFormatting.decimal(stat.mean, decimals: decimals)
          if let bounds = band?.bounds(stat) {
            html += "<span class=\"range\">"
            html += AmountFormatting.decimal(bounds.low, decimals: decimals) + " \u{2013} "
            html += AmountFormatting.decimal(bounds.high, decimals: decimals) + "</span>"
          }
          html += "</td>"
        }
        html += "</tr>\n"
      }
      html += "</tbody>\n</table>\n"
      if let band {
        let caption = MarkdownRenderer.capitalized(band.caption(showsMean: true))
        html += "<p class=\"note\">\(text(caption)).</p>\n"
      }
    }
    return html + "</section>\n"
  }

  private static func shareCell(_ share: Statistic?, band: SummaryBand?, arm: String) -> String {
    guard let share else { return "<td class=\"num\">\(AmountFormatting.notAvailable)</td>" }
    var html = "<td class=\"num\" data-arm=\"\(arm)\""
    html += " data-value=\"\(JSONValue.format(share.mean))\">"
    html += AmountFormatting.percent(share.mean)
    if let bounds = band?.bounds(share) {
      html += "<span class=\"range\">\(AmountFormatting.percent(bounds.low))"
      html += " \u{2013} \(AmountFormatting.percent(bounds.high))</span>"
    }
    return html + "</td>"
  }

  // MARK: - Assumptions register

  /// Every parameter: definition, scope, base value, the 5–95 % range the run gave it (its
  /// median above), note and source.
  static func register(_ summary: RunSummary, labels: Labels) -> String {
    guard !summary.parameters.isEmpty else { return "" }
    var html = "<section id=\"assumptions\">\n<h2>\(text(labels.assumptionsTitle))</h2>\n"
    html += "<p class=\"note\">\(text(labels.assumptionsNote))</p>\n"
    html += "<table class=\"register\">\n<colgroup>"
    for column in ["name", "distribution", "scope", "base", "range", "note", "source"] {
      html += "<col class=\"c-\(column)\"/>"
    }
    html += "</colgroup>\n"
    html += head(
      [labels.parameter, labels.definitionColumn, labels.scope],
      numeric: [labels.base, labels.simulatedRange], after: [labels.noteColumn, labels.source])
    html += "<tbody>\n"
    for parameter in summary.parameters {
      html += "<tr data-parameter=\"\(text(parameter.name))\""
      if let value = parameter.setOnCommandLine { html += " data-set=\"\(text(value))\"" }
      html += ">"
      html += "<td><code>\(text(parameter.name))</code></td>"
      html += "<td>\(text(labels.kind(parameter.kind)))</td>"
      html += "<td>\(text(labels.scopeName(parameter.scope)))</td>"
      html += "<td class=\"num\" data-value=\"\(JSONValue.format(parameter.base))\">"
      html += "\(AmountFormatting.general(parameter.base))</td>"
      if let range = parameter.range {
        html += "<td class=\"num\" data-low=\"\(JSONValue.format(range.low))\""
        html += " data-median=\"\(JSONValue.format(range.median))\""
        html += " data-high=\"\(JSONValue.format(range.high))\">"
        html += AmountFormatting.general(range.median)
        html += "<span class=\"range\">\(AmountFormatting.general(range.low)) \u{2013} "
        html += "\(AmountFormatting.general(range.high))</span>"
        if parameter.rangeSource == .distribution {
          html += "<span class=\"range\">\(text(labels.perPersonDistribution))</span>"
        }
        html += "</td>"
      } else {
        html += "<td class=\"num\">\(text(labels.baseOnly))</td>"
      }
      html += "<td>"
      if let value = parameter.setOnCommandLine {
        html += "<strong>\(text(labels.setOnCommandLine(parameter.name, value)))</strong> "
      }
      html += "\(text(parameter.note ?? ""))</td>"
      html += "<td>\(text(parameter.source ?? ""))</td></tr>\n"
    }
    return html + "</tbody>\n</table>\n" + correlations(summary, labels: labels) + "</section>\n"
  }

  // MARK: - Method

  static func method(_ summary: RunSummary, labels: Labels) -> String {
    var html = "<section id=\"method\">\n<h2>\(text(labels.methodTitle))</h2>\n"
    for paragraph in labels.methodParagraphs(summary) {
      html += "<p>\(text(paragraph))</p>\n"
    }
    return html + "</section>\n"
  }
}
