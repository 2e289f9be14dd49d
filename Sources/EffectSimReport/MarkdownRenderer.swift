import EffectSim

/// The `--format markdown` output: the table report as GitHub-flavoured markdown, fit to paste
/// into a memo: the verdict first, then the yearly table and the payback probabilities.
///
/// Same content and number style as `TableRenderer` (amounts in thousands with Danish
/// separators), but each uncertain cell reads "median [p5; p95]" on one line, since markdown
/// tables have no fixed width to save, and negative numbers carry the minus sign (U+2212), as
/// in print. Text from the scenario is escaped for table cells.
enum MarkdownRenderer {
  /// The whole report, ending with a newline.
  /// - Parameters:
  ///   - summary: the run.
  ///   - labels: the language of the words; English by default.
  static func render(_ summary: RunSummary, labels: Labels = .english) -> String {
    let band =
      summary.settings.mode == .montecarlo
      ? SummaryBand(levels: summary.settings.percentileLevels, labels: labels) : nil
    var sections = [header(summary, labels)]
    let verdict = Verdict.sentences(summary, labels: labels)
    if !verdict.isEmpty {
      var text = "## \(labels.verdict)\n\n"
      if let headline = Verdict.headline(summary, labels: labels) {
        text += "**\(headline)**\n\n"
      }
      sections.append(text + verdict.joined(separator: " ") + "\n")
    }
    sections.append(yearly(summary, band: band, labels))
    if !summary.payback.isEmpty {
      sections.append(payback(summary, monteCarlo: band != nil, labels))
    }
    if DriversText.applies(summary) { sections.append(drivers(summary, labels)) }
    if !summary.outcomes.isEmpty { sections.append(outcomes(summary, band: band, labels)) }
    for entry in summary.occupancy {
      sections.append(occupancy(entry, summary: summary, monteCarlo: band != nil, labels))
    }
    sections.append(presentValue(summary, band: band, labels))
    return sections.joined(separator: "\n")
  }

  // MARK: - Header

  private static func header(_ summary: RunSummary, _ labels: Labels) -> String {
    let facts = ReportText.facts(summary, labels).map { "**\($0.term):** " + inline($0.value) }
    return "# \(inline(summary.scenario.name))\n\n" + facts.joined(separator: " · ") + "\n"
  }

  // MARK: - Yearly net impact

  private static func yearly(
    _ summary: RunSummary, band: SummaryBand?, _ labels: Labels
  ) -> String {
    var table = MarkdownTable(
      header: [inline(ReportText.unit(summary.scenario))] + summary.years.map(String.init),
      alignments: [.left] + summary.years.map { _ in .right })
    for entry in summary.netImpact.byArea {
      table.add(
        [inline(summary.scenario.displayName(entry.area))]
          + entry.values.map { cell($0, band: band) })
    }
    table.add(
      ["**\(labels.netImpact)**"]
        + summary.netImpact.total.map { cell($0, band: band, bold: true) })
    table.add(
      [labels.cumulative] + summary.cumulativeNetImpact.total.map { cell($0, band: band) })
    var text = "## \(labels.netImpactPerYear)\n\n"
    if let band { text += capitalized(band.caption()) + " \(labels.inBrackets). " }
    text += capitalized(labels.signConvention) + ".\n\n"
    text += table.render()
    if band?.hasMedian == true { text += "\n" + labels.mediansDoNotAdd + "\n" }
    return text
  }

  /// "2.073 [1.500; 2.600]" (Monte Carlo) or "2.073" (deterministic), in thousands.
  static func cell(_ value: Statistic, band: SummaryBand?, bold: Bool = false) -> String {
    guard let band else {
      let text = amount(value.mean)
      return bold ? "**\(text)**" : text
    }
    let centre = amount(band.centre(value))
    var text = bold ? "**\(centre)**" : centre
    if let bounds = band.bounds(value) {
      text += " [\(amount(bounds.low)); \(amount(bounds.high))]"
    }
    return text
  }

  /// Thousands of kroner with the minus sign.
  private static func amount(_ value: Double) -> String {
    AmountFormatting.thousands(value, minus: .sign)
  }

  // MARK: - Payback

  private static func payback(
    _ summary: RunSummary, monteCarlo: Bool, _ labels: Labels
  ) -> String {
    let start = summary.years.first ?? summary.scenario.start
    var text = "## \(labels.payback)\n\n"
    guard monteCarlo else {
      var table = MarkdownTable(
        header: [labels.definition, labels.paybackYear], alignments: [.left, .left])
      for payback in summary.payback {
        table.add([
          inline(ReportText.paybackLabel(payback, summary.scenario, labels)),
          ReportText.paybackSentence(ReportText.deterministicYear(payback), start: start, labels),
        ])
      }
      text += labels.paybackDeterministicSentence + "\n\n"
      return text + table.render()
    }
    let showDeterministic = summary.payback.contains { $0.deterministicYear != nil }
    var header = [labels.definition]
    header += summary.years.enumerated().map { index, year in
      "\(labels.yearsShort(index + 1)) (\(year))"
    }
    header += [labels.notWithinHorizon, labels.medianYear]
    if showDeterministic { header.append(labels.deterministicYear) }
    var table = MarkdownTable(
      header: header, alignments: [.left] + Array(repeating: .right, count: header.count - 1))
    for payback in summary.payback {
      var row = [inline(ReportText.paybackLabel(payback, summary.scenario, labels))]
      row += summary.years.indices.map { index in
        payback.probabilityByYear.indices.contains(index)
          ? AmountFormatting.probability(payback.probabilityByYear[index])
          : AmountFormatting.notAvailable
      }
      row.append(AmountFormatting.probability(payback.probabilityNotWithinHorizon))
      row.append(ReportText.paybackYear(payback.medianYear, years: summary.years, labels))
      if showDeterministic {
        row.append(
          ReportText.paybackYear(payback.deterministicYear, years: summary.years, labels))
      }
      table.add(row)
    }
    text += labels.paybackProbabilitySentence
    if let note = ReportText.paybackMCSENote(summary.payback, labels) { text += " " + note }
    return text + "\n\n" + table.render()
  }

  // MARK: - Outcomes

  private static func outcomes(
    _ summary: RunSummary, band: SummaryBand?, _ labels: Labels
  ) -> String {
    var table = MarkdownTable(
      header: [labels.outcome, labels.intervention, labels.control, labels.difference],
      alignments: [.left, .right, .right, .right])
    for outcome in summary.outcomes {
      let stats = [outcome.intervention, outcome.control, outcome.difference]
      let values = stats.flatMap { stat in
        [stat.mean] + (band?.bounds(stat).map { [$0.low, $0.high] } ?? [])
      }
      let decimals = AmountFormatting.decimals(forLargest: values)
      func number(_ value: Double) -> String {
        AmountFormatting.decimal(value, decimals: decimals, minus: .sign)
      }
      table.add(
        [inline(summary.scenario.displayName(outcome.name))]
          + stats.map { stat in
            var text = number(stat.mean)
            if let bounds = band?.bounds(stat) {
              text += " [\(number(bounds.low)); \(number(bounds.high))]"
            }
            return text
          })
    }
    var text = "## \(labels.outcomesHeading)\n\n\(labels.undiscountedTotals)"
    if let band { text += "; " + band.caption(showsMean: true) + " " + labels.inBrackets }
    return text + ".\n\n" + table.render()
  }

  // MARK: - Occupancy

  private static func occupancy(
    _ entry: OccupancySummary, summary: RunSummary, monteCarlo: Bool, _ labels: Labels
  ) -> String {
    let after = labels.cycles(entry.cycle, cycle: summary.scenario.cycle)
    var table = MarkdownTable(
      header: [labels.state, labels.intervention, labels.control, labels.difference],
      alignments: [.left, .right, .right, .right])
    for row in ReportText.occupancyRows(entry) {
      let intervention = row.intervention?.mean
      let control = row.control?.mean
      let difference = intervention.flatMap { i in control.map { i - $0 } }
      table.add([
        inline(summary.scenario.stateName(row.state)),
        intervention.map { AmountFormatting.percent($0) } ?? AmountFormatting.notAvailable,
        control.map { AmountFormatting.percent($0) } ?? AmountFormatting.notAvailable,
        difference.map {
          AmountFormatting.percentagePoints($0, unit: labels.percentagePoints, minus: .sign)
        } ?? AmountFormatting.notAvailable,
      ])
    }
    let what = monteCarlo ? labels.meanShareInEachState : labels.shareInEachState
    return "## \(labels.occupancyTitle(after))\n\n\(capitalized(what)).\n\n" + table.render()
  }

  // MARK: - Present value

  private static func presentValue(
    _ summary: RunSummary, band: SummaryBand?, _ labels: Labels
  ) -> String {
    let value = summary.presentValue
    var table = MarkdownTable(
      header: [inline(ReportText.unit(summary.scenario)), labels.presentValue],
      alignments: [.left, .right])
    for entry in value.netImpactByArea {
      table.add([inline(summary.scenario.displayName(entry.area)), cell(entry.value, band: band)])
    }
    table.add(["**\(labels.netImpact)**", cell(value.netImpactTotal, band: band, bold: true)])
    table.add([labels.interventionStateCosts, cell(value.armCostsIntervention, band: band)])
    table.add([labels.controlStateCosts, cell(value.armCostsControl, band: band)])
    var text = "## \(labels.presentValueHeading)\n\n\(labels.discountedAsTheScenarioSays)"
    if let band { text += "; " + band.caption() + " " + labels.inBrackets }
    return text + ".\n\n" + table.render()
  }

  // MARK: - Text

  /// Scenario text made safe for one line of markdown, in or outside a table cell.
  static func inline(_ text: String) -> String {
    MarkdownTable.escape(ReportText.singleLine(text))
  }

  static func capitalized(_ text: String) -> String {
    guard let first = text.first else { return text }
    return first.uppercased() + text.dropFirst()
  }
}
