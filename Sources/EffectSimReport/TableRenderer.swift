import EffectSim

/// The default `effectsim run` output on a terminal: the business case's tables, with spread.
///
/// Amounts are in thousands ("1.000 kr. 2018 p/l") with Danish separators, rounded half away
/// from zero, as in the documents the scenarios come from. Monte Carlo runs show, per cell,
/// the median with the 5th and 95th percentiles on the rows below (see `SummaryBand` for
/// other requested levels); deterministic runs show the single values as a spreadsheet would.
/// Years run across, so a five-year horizon fits in 100 columns (long labels wrap) and
/// longer ones grow to the right.
enum TableRenderer {
  /// The whole report, sections separated by a blank line, ending with a newline.
  /// - Parameters:
  ///   - summary: the run.
  ///   - labels: the language of the words; English by default.
  static func render(_ summary: RunSummary, labels: Labels = .english) -> String {
    let band =
      summary.settings.mode == .montecarlo
      ? SummaryBand(levels: summary.settings.percentileLevels, labels: labels) : nil
    var sections = [header(summary, labels), yearly(summary, band: band, labels)]
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
    let title = TextWrap.paragraph(ReportText.singleLine(summary.scenario.name))
    let underline = title.split(separator: "\n").map(\.count).max() ?? 1
    var facts = TextTable(alignments: [.left, .left])
    facts.wrapColumn = 1
    for fact in ReportText.facts(summary, labels) {
      facts.add([fact.term, ReportText.singleLine(fact.value)])
    }
    return title + "\n" + String(repeating: "=", count: max(underline, 1)) + "\n"
      + facts.render()
  }

  // MARK: - Yearly net impact

  private static func yearly(
    _ summary: RunSummary, band: SummaryBand?, _ labels: Labels
  ) -> String {
    let unit = ReportText.unit(summary.scenario)
    let years = summary.years.map(String.init)
    var title = "\(labels.netImpactPerYear) (\(labels.signConvention))"
    guard let band else {
      var table = TextTable(alignments: [.left] + years.map { _ in .right })
      table.add([unit] + years, header: true)
      table.addRule()
      for entry in summary.netImpact.byArea {
        table.add([areaName(entry.area, summary)] + entry.values.map(exactAmount))
      }
      if !summary.netImpact.byArea.isEmpty { table.addRule() }
      table.add([labels.netImpact] + summary.netImpact.total.map(exactAmount))
      table.add([labels.cumulative] + summary.cumulativeNetImpact.total.map(exactAmount))
      return TextWrap.paragraph(title) + "\n" + table.render()
    }
    title += ": " + band.caption()
    var table = TextTable(alignments: [.left, .left] + years.map { _ in .right })
    table.add([unit, ""] + years, header: true)
    table.addRule()
    for (index, entry) in summary.netImpact.byArea.enumerated() {
      if index > 0 { table.addBlank() }
      addBand(entry.values, label: areaName(entry.area, summary), band: band, to: &table)
    }
    if !summary.netImpact.byArea.isEmpty { table.addRule() }
    addBand(summary.netImpact.total, label: labels.netImpact, band: band, to: &table)
    table.addBlank()
    addBand(summary.cumulativeNetImpact.total, label: labels.cumulative, band: band, to: &table)
    var text = TextWrap.paragraph(title) + "\n" + table.render()
    if band.hasMedian { text += TextWrap.paragraph(labels.mediansDoNotAdd) + "\n" }
    return text
  }

  /// Rows "label median ...", "5 % ...", "95 % ..." for one series of amounts.
  static func addBand(
    _ values: [Statistic], label: String, band: SummaryBand, to table: inout TextTable
  ) {
    table.add([label, band.centreName] + values.map { amount(band.centre($0)) })
    if let (low, high) = band.interval {
      table.add(["", AmountFormatting.level(low)] + values.map { amount(band.bounds($0)?.low) })
      table.add(["", AmountFormatting.level(high)] + values.map { amount(band.bounds($0)?.high) })
    }
  }

  private static func amount(_ value: Double?) -> String {
    value.map { AmountFormatting.thousands($0) } ?? AmountFormatting.notAvailable
  }

  private static func exactAmount(_ value: Statistic) -> String {
    AmountFormatting.thousands(value.mean)
  }

  /// An area or outcome as the scenario labels it, on one line.
  private static func areaName(_ name: String, _ summary: RunSummary) -> String {
    ReportText.singleLine(summary.scenario.displayName(name))
  }

  // MARK: - Payback

  private static func payback(
    _ summary: RunSummary, monteCarlo: Bool, _ labels: Labels
  ) -> String {
    let start = summary.years.first ?? summary.scenario.start
    guard monteCarlo else {
      var table = TextTable(alignments: [.left, .left])
      for payback in summary.payback {
        table.add([
          ReportText.singleLine(ReportText.paybackLabel(payback, summary.scenario, labels)),
          ReportText.paybackSentence(ReportText.deterministicYear(payback), start: start, labels),
        ])
      }
      return TextWrap.paragraph(labels.paybackDeterministicTitle) + "\n" + table.render()
    }
    let count = summary.years.count
    let showDeterministic = summary.payback.contains { $0.deterministicYear != nil }
    var alignments: [TextTable.Alignment] = [.left] + Array(repeating: .right, count: count + 2)
    var top = [""] + (1...max(count, 1)).prefix(count).map(labels.yearsShort)
    var bottom = [labels.definition] + summary.years.map(String.init)
    top += [labels.notWithin, "Median"]
    bottom += [labels.horizonLower, labels.yearLower]
    if showDeterministic {
      alignments.append(.right)
      top.append(labels.deterministic)
      bottom.append(labels.yearLower)
    }
    var table = TextTable(alignments: alignments)
    table.add(top)
    table.add(bottom)
    table.addRule()
    for payback in summary.payback {
      var row = [ReportText.singleLine(ReportText.paybackLabel(payback, summary.scenario, labels))]
      row += (0..<count).map { index in
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
    var text = TextWrap.paragraph(labels.paybackProbabilityTitle) + "\n"
    text += table.render()
    if let note = ReportText.paybackMCSENote(summary.payback, labels) {
      text += TextWrap.paragraph(note) + "\n"
    }
    return text
  }

  // MARK: - Outcomes

  private static func outcomes(
    _ summary: RunSummary, band: SummaryBand?, _ labels: Labels
  ) -> String {
    let title = labels.outcomesTitle
    guard let band else {
      var table = TextTable(alignments: [.left, .right, .right, .right])
      table.add([labels.outcome, labels.intervention, labels.control, labels.difference])
      table.addRule()
      for outcome in summary.outcomes {
        let values = [outcome.intervention.mean, outcome.control.mean, outcome.difference.mean]
        let decimals = AmountFormatting.decimals(forLargest: values)
        table.add(
          [areaName(outcome.name, summary)]
            + values.map { AmountFormatting.decimal($0, decimals: decimals) })
      }
      return TextWrap.paragraph(title) + "\n" + table.render()
    }
    var columns = [labels.mean]
    if let (low, high) = band.interval {
      columns += [AmountFormatting.level(low), AmountFormatting.level(high)]
    }
    var table = TextTable(alignments: [.left, .left] + columns.map { _ in .right })
    table.add([labels.outcome, ""] + columns)
    table.addRule()
    for (index, outcome) in summary.outcomes.enumerated() {
      if index > 0 { table.addBlank() }
      let arms = [
        (labels.intervention, outcome.intervention), (labels.control, outcome.control),
        (labels.difference, outcome.difference),
      ]
      let rows = arms.map { arm in
        [arm.1.mean] + (band.bounds(arm.1).map { [$0.low, $0.high] } ?? [])
      }
      let decimals = AmountFormatting.decimals(forLargest: rows.flatMap { $0 })
      for (armIndex, arm) in arms.enumerated() {
        let name = armIndex == 0 ? areaName(outcome.name, summary) : ""
        table.add(
          [name, arm.0] + rows[armIndex].map { AmountFormatting.decimal($0, decimals: decimals) })
      }
    }
    return TextWrap.paragraph(title + ": " + band.caption(showsMean: true)) + "\n"
      + table.render()
  }

  // MARK: - Occupancy

  private static func occupancy(
    _ entry: OccupancySummary, summary: RunSummary, monteCarlo: Bool, _ labels: Labels
  ) -> String {
    let after = labels.cycles(entry.cycle, cycle: summary.scenario.cycle)
    let what = monteCarlo ? labels.meanShareInEachState : labels.shareInEachState
    var table = TextTable(alignments: [.left, .right, .right, .right])
    table.add([labels.state, labels.intervention, labels.control, labels.difference])
    table.addRule()
    for row in ReportText.occupancyRows(entry) {
      let intervention = row.intervention?.mean
      let control = row.control?.mean
      let difference = intervention.flatMap { i in control.map { i - $0 } }
      table.add([
        ReportText.singleLine(summary.scenario.stateName(row.state)),
        intervention.map { AmountFormatting.percent($0) } ?? AmountFormatting.notAvailable,
        control.map { AmountFormatting.percent($0) } ?? AmountFormatting.notAvailable,
        difference.map { AmountFormatting.percentagePoints($0, unit: labels.percentagePoints) }
          ?? AmountFormatting.notAvailable,
      ])
    }
    return TextWrap.paragraph(labels.occupancyTitle(after) + ": \(what)") + "\n" + table.render()
  }

  // MARK: - Present value

  private static func presentValue(
    _ summary: RunSummary, band: SummaryBand?, _ labels: Labels
  ) -> String {
    let value = summary.presentValue
    let unit = ReportText.unit(summary.scenario)
    var rows: [(String, Statistic)] = value.netImpactByArea.map {
      (areaName($0.area, summary), $0.value)
    }
    let areaCount = rows.count
    rows += [
      (labels.netImpact, value.netImpactTotal),
      (labels.interventionStateCosts, value.armCostsIntervention),
      (labels.controlStateCosts, value.armCostsControl),
    ]
    var title = labels.presentValueTitle
    var columns = [labels.presentValue]
    if let band {
      title += ": " + band.caption()
      columns = [band.centreName]
      if let (low, high) = band.interval {
        columns += [AmountFormatting.level(low), AmountFormatting.level(high)]
      }
    }
    var table = TextTable(alignments: [.left] + columns.map { _ in .right })
    table.add([unit] + columns, header: true)
    table.addRule()
    for (index, row) in rows.enumerated() {
      if index == areaCount, areaCount > 0 { table.addRule() }
      guard let band else {
        table.add([row.0, exactAmount(row.1)])
        continue
      }
      let bounds = band.bounds(row.1)
      table.add(
        [row.0, amount(band.centre(row.1))]
          + (bounds.map { [amount($0.low), amount($0.high)] } ?? []))
    }
    return TextWrap.paragraph(title) + "\n" + table.render()
  }
}
