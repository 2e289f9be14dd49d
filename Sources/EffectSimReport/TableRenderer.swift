import EffectSim

/// The default `effectsim run` output on a terminal: the business case's tables, with spread.
///
/// Amounts are in thousands ("1.000 kr. 2018 p/l") with Danish separators, rounded half away
/// from zero, as in the documents the scenarios come from. Monte Carlo runs show, per cell,
/// the median with the 5th and 95th percentiles on the rows below (see `SummaryBand` for
/// other requested levels); deterministic runs show the single values as a spreadsheet would.
/// Years run across, so a five-year horizon fits in about 100 columns and longer ones grow
/// to the right.
enum TableRenderer {
  /// The whole report, sections separated by a blank line, ending with a newline.
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
    let title = ReportText.singleLine(scenario.name)
    var text = title + "\n" + String(repeating: "=", count: max(title.count, 1)) + "\n"
    var facts = TextTable(alignments: [.left, .left])
    if let source = scenario.source { facts.add(["Source", ReportText.singleLine(source)]) }
    let priceLevel = scenario.priceLevel.map(ReportText.singleLine) ?? "not stated"
    facts.add(["Price level", "\(priceLevel) (\(scenario.currency))"])
    facts.add(["Mode", ReportText.modeName(settings.mode)])
    facts.add(["Iterations", AmountFormatting.grouped(settings.iterations)])
    facts.add(["Seed", String(settings.seed)])
    facts.add(["Pairing", settings.pairing])
    facts.add(["Horizon", ReportText.horizon(summary)])
    if settings.mode == .montecarlo { facts.add(["Kernel", summary.run.kernel]) }
    text += facts.render()
    return text
  }

  // MARK: - Yearly net impact

  private static func yearly(_ summary: RunSummary, band: SummaryBand?) -> String {
    let unit = ReportText.unit(summary.scenario)
    let years = summary.years.map(String.init)
    var title = "Net impact per year (expenses positive, savings negative)"
    guard let band else {
      var table = TextTable(alignments: [.left] + years.map { _ in .right })
      table.add([unit] + years)
      table.addRule()
      for entry in summary.netImpact.byArea {
        table.add([ReportText.singleLine(entry.area)] + entry.values.map(exactAmount))
      }
      if !summary.netImpact.byArea.isEmpty { table.addRule() }
      table.add(["Net impact"] + summary.netImpact.total.map(exactAmount))
      table.add(["Cumulative"] + summary.cumulativeNetImpact.total.map(exactAmount))
      return title + "\n" + table.render()
    }
    title += ": " + band.caption()
    var table = TextTable(alignments: [.left, .left] + years.map { _ in .right })
    table.add([unit, ""] + years)
    table.addRule()
    for (index, entry) in summary.netImpact.byArea.enumerated() {
      if index > 0 { table.addBlank() }
      addBand(entry.values, label: ReportText.singleLine(entry.area), band: band, to: &table)
    }
    if !summary.netImpact.byArea.isEmpty { table.addRule() }
    addBand(summary.netImpact.total, label: "Net impact", band: band, to: &table)
    table.addBlank()
    addBand(summary.cumulativeNetImpact.total, label: "Cumulative", band: band, to: &table)
    return title + "\n" + table.render()
  }

  /// Rows "label median ...", "5 % ...", "95 % ..." for one series of amounts.
  private static func addBand(
    _ values: [Statistic], label: String, band: SummaryBand, to table: inout TextTable
  ) {
    table.add([label, band.centreName] + values.map { amount(band.centre($0)) })
    if let (low, high) = band.interval {
      table.add(["", AmountFormatting.level(low)] + values.map { amount(band.bounds($0)?.low) })
      table.add(["", AmountFormatting.level(high)] + values.map { amount(band.bounds($0)?.high) })
    }
  }

  private static func amount(_ value: Double?) -> String {
    value.map(AmountFormatting.thousands) ?? AmountFormatting.notAvailable
  }

  private static func exactAmount(_ value: Statistic) -> String {
    AmountFormatting.thousands(value.mean)
  }

  // MARK: - Payback

  private static func payback(_ summary: RunSummary, monteCarlo: Bool) -> String {
    let start = summary.years.first ?? summary.scenario.start
    guard monteCarlo else {
      var table = TextTable(alignments: [.left, .left])
      for payback in summary.payback {
        table.add([
          ReportText.singleLine(ReportText.paybackLabel(payback)),
          ReportText.paybackSentence(ReportText.deterministicYear(payback), start: start),
        ])
      }
      return "Payback (cumulative net impact <= 0 at the end of a year)\n" + table.render()
    }
    let count = summary.years.count
    let showDeterministic = summary.payback.contains { $0.deterministicYear != nil }
    var alignments: [TextTable.Alignment] = [.left] + Array(repeating: .right, count: count + 2)
    var top = [""] + (1...max(count, 1)).prefix(count).map(ReportText.yearsShort)
    var bottom = ["Definition"] + summary.years.map(String.init)
    top += ["Not within", "Median"]
    bottom += ["horizon", "year"]
    if showDeterministic {
      alignments.append(.right)
      top.append("Deterministic")
      bottom.append("year")
    }
    var table = TextTable(alignments: alignments)
    table.add(top)
    table.add(bottom)
    table.addRule()
    for payback in summary.payback {
      var row = [ReportText.singleLine(ReportText.paybackLabel(payback))]
      row += (0..<count).map { index in
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
    var text = "Payback: probability that cumulative net impact is <= 0 by the end of year\n"
    text += table.render()
    if let note = ReportText.paybackMCSENote(summary.payback) { text += note + "\n" }
    return text
  }

  // MARK: - Outcomes

  private static func outcomes(_ summary: RunSummary, band: SummaryBand?) -> String {
    let title = "Outcomes over the horizon (undiscounted)"
    guard let band else {
      var table = TextTable(alignments: [.left, .right, .right, .right])
      table.add(["Outcome", "Intervention", "Control", "Difference"])
      table.addRule()
      for outcome in summary.outcomes {
        let values = [outcome.intervention.mean, outcome.control.mean, outcome.difference.mean]
        let decimals = AmountFormatting.decimals(forLargest: values)
        table.add(
          [ReportText.singleLine(outcome.name)]
            + values.map { AmountFormatting.decimal($0, decimals: decimals) })
      }
      return title + "\n" + table.render()
    }
    var labels = ["mean"]
    if let (low, high) = band.interval {
      labels += [AmountFormatting.level(low), AmountFormatting.level(high)]
    }
    var table = TextTable(alignments: [.left, .left] + labels.map { _ in .right })
    table.add(["Outcome", ""] + labels)
    table.addRule()
    for (index, outcome) in summary.outcomes.enumerated() {
      if index > 0 { table.addBlank() }
      let arms = [
        ("Intervention", outcome.intervention), ("Control", outcome.control),
        ("Difference", outcome.difference),
      ]
      let rows = arms.map { arm in
        [arm.1.mean] + (band.bounds(arm.1).map { [$0.low, $0.high] } ?? [])
      }
      let decimals = AmountFormatting.decimals(forLargest: rows.flatMap { $0 })
      for (armIndex, arm) in arms.enumerated() {
        let name = armIndex == 0 ? ReportText.singleLine(outcome.name) : ""
        table.add(
          [name, arm.0] + rows[armIndex].map { AmountFormatting.decimal($0, decimals: decimals) })
      }
    }
    return title + ": " + band.caption(showsMean: true) + "\n" + table.render()
  }

  // MARK: - Occupancy

  private static func occupancy(
    _ entry: OccupancySummary, summary: RunSummary, monteCarlo: Bool
  ) -> String {
    let after = ReportText.cycles(entry.cycle, cycle: summary.scenario.cycle)
    let what = monteCarlo ? "mean share" : "share"
    var table = TextTable(alignments: [.left, .right, .right, .right])
    table.add(["State", "Intervention", "Control", "Difference"])
    table.addRule()
    for row in ReportText.occupancyRows(entry) {
      let intervention = row.intervention?.mean
      let control = row.control?.mean
      let difference = intervention.flatMap { i in control.map { i - $0 } }
      table.add([
        ReportText.singleLine(row.state),
        intervention.map { AmountFormatting.percent($0) } ?? AmountFormatting.notAvailable,
        control.map { AmountFormatting.percent($0) } ?? AmountFormatting.notAvailable,
        difference.map(AmountFormatting.percentagePoints) ?? AmountFormatting.notAvailable,
      ])
    }
    return "Occupancy \(after) after entry: \(what) of people in each state\n" + table.render()
  }

  // MARK: - Present value

  private static func presentValue(_ summary: RunSummary, band: SummaryBand?) -> String {
    let value = summary.presentValue
    let unit = ReportText.unit(summary.scenario)
    var rows: [(String, Statistic)] = value.netImpactByArea.map {
      (ReportText.singleLine($0.area), $0.value)
    }
    let areaCount = rows.count
    rows += [
      ("Net impact", value.netImpactTotal),
      ("Intervention state costs", value.armCostsIntervention),
      ("Control state costs", value.armCostsControl),
    ]
    var title = "Present value (discounted as the scenario says)"
    var labels = ["Present value"]
    if let band {
      title += ": " + band.caption()
      labels = [band.centreName]
      if let (low, high) = band.interval {
        labels += [AmountFormatting.level(low), AmountFormatting.level(high)]
      }
    }
    var table = TextTable(alignments: [.left] + labels.map { _ in .right })
    table.add([unit] + labels)
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
    return title + "\n" + table.render()
  }
}
