import EffectSim

/// The `--format markdown` output: the table report as GitHub-flavoured markdown.
///
/// Same content and number style as `TableRenderer` (amounts in thousands with Danish
/// separators), but each uncertain cell reads "median [p5; p95]" on one line, since markdown
/// tables have no fixed width to save. Text from the scenario is escaped for table cells.
enum MarkdownRenderer {
  /// The whole report, ending with a newline.
  static func render(_ summary: RunSummary) -> String {
    let band =
      summary.settings.mode == .montecarlo
      ? SummaryBand(levels: summary.settings.percentileLevels) : nil
    var sections = [header(summary), yearly(summary, band: band)]
    if !summary.payback.isEmpty { sections.append(payback(summary, monteCarlo: band != nil)) }
    if !summary.outcomes.isEmpty { sections.append(outcomes(summary, band: band)) }
    for entry in summary.occupancy {
      sections.append(occupancy(entry, summary: summary, monteCarlo: band != nil))
    }
    sections.append(presentValue(summary, band: band))
    return sections.joined(separator: "\n")
  }

  // MARK: - Header

  private static func header(_ summary: RunSummary) -> String {
    let scenario = summary.scenario
    let settings = summary.settings
    var facts: [String] = []
    if let source = scenario.source { facts.append("**Source:** " + inline(source)) }
    let priceLevel = scenario.priceLevel.map(inline) ?? "not stated"
    facts.append("**Price level:** \(priceLevel) (\(inline(scenario.currency)))")
    facts.append("**Mode:** " + ReportText.mode(settings))
    facts.append("**Seed:** \(settings.seed)")
    facts.append("**Pairing:** " + inline(settings.pairing))
    facts.append("**Horizon:** " + ReportText.horizon(summary))
    return "# \(inline(scenario.name))\n\n" + facts.joined(separator: " · ") + "\n"
  }

  // MARK: - Yearly net impact

  private static func yearly(_ summary: RunSummary, band: SummaryBand?) -> String {
    var table = MarkdownTable(
      header: [inline(ReportText.unit(summary.scenario))] + summary.years.map(String.init),
      alignments: [.left] + summary.years.map { _ in .right })
    for entry in summary.netImpact.byArea {
      table.add([inline(entry.area)] + entry.values.map { cell($0, band: band) })
    }
    table.add(["**Net impact**"] + summary.netImpact.total.map { cell($0, band: band, bold: true) })
    table.add(["Cumulative"] + summary.cumulativeNetImpact.total.map { cell($0, band: band) })
    var text = "## Net impact per year\n\n"
    if let band { text += capitalized(band.caption()) + " in brackets. " }
    text += "Expenses positive, savings negative.\n\n"
    return text + table.render()
  }

  /// "2.073 [1.500; 2.600]" (Monte Carlo) or "2.073" (deterministic), in thousands.
  private static func cell(_ value: Statistic, band: SummaryBand?, bold: Bool = false) -> String {
    guard let band else {
      let text = AmountFormatting.thousands(value.mean)
      return bold ? "**\(text)**" : text
    }
    let centre = AmountFormatting.thousands(band.centre(value))
    var text = bold ? "**\(centre)**" : centre
    if let bounds = band.bounds(value) {
      let low = AmountFormatting.thousands(bounds.low)
      text += " [\(low); \(AmountFormatting.thousands(bounds.high))]"
    }
    return text
  }

  // MARK: - Payback

  private static func payback(_ summary: RunSummary, monteCarlo: Bool) -> String {
    let start = summary.years.first ?? summary.scenario.start
    var text = "## Payback\n\n"
    guard monteCarlo else {
      var table = MarkdownTable(
        header: ["Definition", "Payback year"], alignments: [.left, .left])
      for payback in summary.payback {
        table.add([
          inline(ReportText.paybackLabel(payback)),
          ReportText.paybackSentence(ReportText.deterministicYear(payback), start: start),
        ])
      }
      text += "Cumulative net impact <= 0 at the end of the year.\n\n"
      return text + table.render()
    }
    let showDeterministic = summary.payback.contains { $0.deterministicYear != nil }
    var header = ["Definition"]
    header += summary.years.enumerated().map { index, year in
      "\(ReportText.yearsShort(index + 1)) (\(year))"
    }
    header += ["Not within horizon", "Median year"]
    if showDeterministic { header.append("Deterministic year") }
    var table = MarkdownTable(
      header: header, alignments: [.left] + Array(repeating: .right, count: header.count - 1))
    for payback in summary.payback {
      var row = [inline(ReportText.paybackLabel(payback))]
      row += summary.years.indices.map { index in
        payback.probabilityByYear.indices.contains(index)
          ? AmountFormatting.percent(payback.probabilityByYear[index])
          : AmountFormatting.notAvailable
      }
      row.append(AmountFormatting.percent(payback.probabilityNotWithinHorizon))
      row.append(ReportText.paybackYear(payback.medianYear, start: start))
      if showDeterministic {
        row.append(ReportText.paybackYear(payback.deterministicYear, start: start, none: "never"))
      }
      table.add(row)
    }
    text += "Probability that cumulative net impact is <= 0 by the end of the year."
    if let note = ReportText.paybackMCSENote(summary.payback) { text += " " + note }
    return text + "\n\n" + table.render()
  }

  // MARK: - Outcomes

  private static func outcomes(_ summary: RunSummary, band: SummaryBand?) -> String {
    var table = MarkdownTable(
      header: ["Outcome", "Intervention", "Control", "Difference"],
      alignments: [.left, .right, .right, .right])
    for outcome in summary.outcomes {
      let stats = [outcome.intervention, outcome.control, outcome.difference]
      let values = stats.flatMap { stat in
        [stat.mean] + (band?.bounds(stat).map { [$0.low, $0.high] } ?? [])
      }
      let decimals = AmountFormatting.decimals(forLargest: values)
      table.add(
        [inline(outcome.name)]
          + stats.map { stat in
            var text = AmountFormatting.decimal(stat.mean, decimals: decimals)
            if let bounds = band?.bounds(stat) {
              text += " [\(AmountFormatting.decimal(bounds.low, decimals: decimals)); "
              text += "\(AmountFormatting.decimal(bounds.high, decimals: decimals))]"
            }
            return text
          })
    }
    var text = "## Outcomes over the horizon\n\nUndiscounted totals"
    if let band { text += "; " + band.caption(showsMean: true) + " in brackets" }
    return text + ".\n\n" + table.render()
  }

  // MARK: - Occupancy

  private static func occupancy(
    _ entry: OccupancySummary, summary: RunSummary, monteCarlo: Bool
  ) -> String {
    let after = ReportText.cycles(entry.cycle, cycle: summary.scenario.cycle)
    var table = MarkdownTable(
      header: ["State", "Intervention", "Control", "Difference"],
      alignments: [.left, .right, .right, .right])
    for row in ReportText.occupancyRows(entry) {
      let intervention = row.intervention?.mean
      let control = row.control?.mean
      let difference = intervention.flatMap { i in control.map { i - $0 } }
      table.add([
        inline(row.state),
        intervention.map { AmountFormatting.percent($0) } ?? AmountFormatting.notAvailable,
        control.map { AmountFormatting.percent($0) } ?? AmountFormatting.notAvailable,
        difference.map(AmountFormatting.percentagePoints) ?? AmountFormatting.notAvailable,
      ])
    }
    let what = monteCarlo ? "Mean share" : "Share"
    return "## Occupancy \(after) after entry\n\n\(what) of people in each state.\n\n"
      + table.render()
  }

  // MARK: - Present value

  private static func presentValue(_ summary: RunSummary, band: SummaryBand?) -> String {
    let value = summary.presentValue
    var table = MarkdownTable(
      header: [inline(ReportText.unit(summary.scenario)), "Present value"],
      alignments: [.left, .right])
    for entry in value.netImpactByArea {
      table.add([inline(entry.area), cell(entry.value, band: band)])
    }
    table.add(["**Net impact**", cell(value.netImpactTotal, band: band, bold: true)])
    table.add(["Intervention state costs", cell(value.armCostsIntervention, band: band)])
    table.add(["Control state costs", cell(value.armCostsControl, band: band)])
    var text = "## Present value over the horizon\n\nDiscounted as the scenario says"
    if let band { text += "; " + band.caption() + " in brackets" }
    return text + ".\n\n" + table.render()
  }

  // MARK: - Text

  /// Scenario text made safe for one line of markdown, in or outside a table cell.
  private static func inline(_ text: String) -> String {
    MarkdownTable.escape(ReportText.singleLine(text))
  }

  private static func capitalized(_ text: String) -> String {
    guard let first = text.first else { return text }
    return first.uppercased() + text.dropFirst()
  }
}
