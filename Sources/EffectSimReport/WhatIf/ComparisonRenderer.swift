import EffectSim

/// The outputs of `effectsim compare`: table, markdown, JSON and the HTML comparison report
/// (`ComparisonRenderer+HTML.swift`).
///
/// The building blocks are the run report's: `SummaryBand` for the centre and interval,
/// `TableRenderer.addBand` and `MarkdownRenderer.cell` for the rows, `JSONRenderer.statistic`
/// for the statistics, the fan chart for the paired differences.
enum ComparisonRenderer {
  static func render(
    _ summary: ComparisonSummary, as format: OutputFormat, options: RenderOptions
  ) -> String {
    let labels = Labels(language: options.language)
    switch format {
    case .json: return json(summary).serialized()
    case .markdown: return markdown(summary, labels)
    case .html: return html(summary, labels: labels, generated: options.generated)
    default: return table(summary, labels)
    }
  }

  // MARK: - Shared words

  /// "1. 230 pladser (kk.json: places=230)": the overrides beyond the shared `--set`.
  static func scenarioLines(_ summary: ComparisonSummary) -> [String] {
    summary.scenarios.enumerated().map { index, info in
      let own = info.overrides.filter { !summary.settings.overrides.contains($0) }
      let changes = own.isEmpty ? "" : ": " + own.map(\.description).joined(separator: ", ")
      return "\(index + 1). \(info.name) (\(info.file)\(changes))"
    }
  }

  /// "2. 230 pladser": how tables name a scenario; a long name is cut at 40 characters (the
  /// facts list it in full).
  static func shortName(_ summary: ComparisonSummary, _ index: Int) -> String {
    let name = ReportText.singleLine(summary.scenarios[index].name)
    return "\(index + 1). " + (name.count > 40 ? name.prefix(39) + "…" : name)
  }

  static func facts(_ summary: ComparisonSummary, _ labels: Labels) -> [(String, String)] {
    var facts = scenarioLines(summary).enumerated().map { index, line in
      (index == 0 ? labels.scenarios : "", line)
    }
    let first = summary.years.first ?? summary.reference.start
    let last = summary.years.last ?? first
    let cycles = summary.reference.cycle == "year" ? labels.yearlyCycles : labels.monthlyCycles
    facts.append((
      labels.horizon, "\(first)-\(last) (\(labels.years(summary.years.count)), \(cycles))"))
    facts.append((labels.iterations, AmountFormatting.grouped(summary.settings.iterations)))
    facts.append((labels.seed, String(summary.settings.seed)))
    facts.append((labels.kernel, summary.run.kernel))
    facts.append((labels.engineVersion, summary.run.engineVersion))
    if let overrides = ReportText.overrides(summary.settings.overrides) {
      facts.append((labels.overrides, overrides))
    }
    return facts
  }

  static func band(_ summary: ComparisonSummary, _ labels: Labels) -> SummaryBand {
    SummaryBand(levels: summary.settings.percentileLevels, labels: labels)
  }

  // MARK: - Table

  static func table(_ summary: ComparisonSummary, _ labels: Labels) -> String {
    let band = band(summary, labels)
    let title = labels.comparisonTitle
    var rows = TextTable(alignments: [.left, .left])
    for (term, value) in facts(summary, labels) { rows.add([term, ReportText.singleLine(value)]) }
    var sections = [title + "\n" + String(repeating: "=", count: title.count) + "\n"
      + rows.render()]

    let unit = ReportText.unit(summary.reference)
    let lastYear = summary.years.last ?? summary.reference.start
    var horizon = TextTable(alignments: [.left, .right, .right, .right, .right])
    let levels = band.interval.map {
      [AmountFormatting.level($0.low), AmountFormatting.level($0.high)]
    }
    horizon.add([unit, band.centreName] + (levels ?? []) + [labels.lowestColumn])
    horizon.addRule()
    for (index, statistic) in summary.cumulativeNetImpact.enumerated() {
      let bounds = band.bounds(statistic).map {
        [AmountFormatting.thousands($0.low), AmountFormatting.thousands($0.high)]
      }
      horizon.add(
        [shortName(summary, index), AmountFormatting.thousands(band.centre(statistic))]
          + (bounds ?? []) + [AmountFormatting.probability(summary.probabilityBest[index])])
    }
    sections.append(
      "\(labels.horizonTitle(lastYear)): \(band.caption())\n" + horizon.render()
        + labels.lowestExplanation + "\n")

    if !summary.differences.isEmpty {
      var table = TextTable(alignments: [.left, .left] + summary.years.map { _ in .right })
      table.add([unit, ""] + summary.years.map(String.init))
      table.addRule()
      for (offset, difference) in summary.differences.enumerated() {
        if offset > 0 { table.addBlank() }
        table.add([shortName(summary, offset + 1)])
        TableRenderer.addBand(
          difference.netImpact, label: "  " + labels.netImpact, band: band, to: &table)
        TableRenderer.addBand(
          difference.cumulativeNetImpact, label: "  " + labels.cumulative, band: band, to: &table)
      }
      sections.append(
        "\(labels.pairedDifferenceTitle): "
          + band.caption() + "\n" + table.render())
    }
    return sections.joined(separator: "\n")
  }

  // MARK: - Markdown

  static func markdown(_ summary: ComparisonSummary, _ labels: Labels) -> String {
    let band = band(summary, labels)
    let inline = MarkdownRenderer.inline
    // The scenarios as a numbered list (their lines start with the number), then the facts.
    var text = "# \(labels.comparisonTitle)\n\n"
    text += scenarioLines(summary).map { inline($0) + "\n" }.joined() + "\n"
    let facts = facts(summary, labels).dropFirst(summary.scenarios.count)
    text += facts.map { "**\($0.0):** " + inline($0.1) }.joined(separator: " · ") + "\n\n"
    let lastYear = summary.years.last ?? summary.reference.start
    var horizon = MarkdownTable(
      header: [inline(ReportText.unit(summary.reference)), labels.lowestColumn],
      alignments: [.left, .right, .right])
    horizon.header.insert(MarkdownRenderer.capitalized(band.centreName), at: 1)
    for (index, statistic) in summary.cumulativeNetImpact.enumerated() {
      horizon.add([
        inline(shortName(summary, index)), MarkdownRenderer.cell(statistic, band: band),
        AmountFormatting.probability(summary.probabilityBest[index]),
      ])
    }
    text += "## \(labels.horizonTitle(lastYear))\n\n"
    text += MarkdownRenderer.capitalized(band.caption()) + " \(labels.inBrackets).\n\n"
    text += horizon.render() + "\n" + labels.lowestExplanation + "\n"
    if !summary.differences.isEmpty {
      var table = MarkdownTable(
        header: [""] + summary.years.map(String.init),
        alignments: [.left] + summary.years.map { _ in .right })
      for (offset, difference) in summary.differences.enumerated() {
        let name = inline(shortName(summary, offset + 1))
        table.add(
          ["\(name): \(labels.netImpact)"]
            + difference.netImpact.map { MarkdownRenderer.cell($0, band: band) })
        table.add(
          ["\(name): \(labels.cumulative)"]
            + difference.cumulativeNetImpact.map { MarkdownRenderer.cell($0, band: band) })
      }
      text += "\n## \(inline(labels.pairedDifferenceTitle))\n\n"
      text += inline(ReportText.unit(summary.reference)) + "; "
        + band.caption() + " \(labels.inBrackets).\n\n" + table.render()
    }
    return text
  }

  // MARK: - JSON

  /// `{scenarios: [{name, file}], cumulativeNetImpact: [stat per scenario], difference:
  /// [{scenario, netImpact: {total}, cumulativeNetImpact: {total}}], probabilityBest}` as the
  /// issue fixes it, then years, settings and run.
  static func json(_ summary: ComparisonSummary) -> JSONValue {
    let statistics = { (values: [Statistic]) in
      JSONValue.array(values.map(JSONRenderer.statistic))
    }
    return .object([
      (
        "scenarios",
        .array(summary.scenarios.map { info in
          .object([
            ("name", .string(info.name)), ("file", .string(info.file)),
            ("overrides", JSONRenderer.overrides(info.overrides)),
          ])
        })
      ),
      ("cumulativeNetImpact", statistics(summary.cumulativeNetImpact)),
      (
        "difference",
        .array(summary.differences.map { difference in
          .object([
            ("scenario", .string(difference.scenario)),
            ("netImpact", .object([("total", statistics(difference.netImpact))])),
            (
              "cumulativeNetImpact",
              .object([("total", statistics(difference.cumulativeNetImpact))])
            ),
          ])
        })
      ),
      ("probabilityBest", .array(summary.probabilityBest.map(JSONValue.number))),
      ("years", .array(summary.years.map(JSONValue.int))),
      (
        "settings",
        .object([
          ("iterations", .int(summary.settings.iterations)),
          ("seed", .uint(summary.settings.seed)),
          ("percentiles", .array(summary.settings.percentileLevels.map(JSONValue.number))),
          ("overrides", JSONRenderer.overrides(summary.settings.overrides)),
        ])
      ),
      (
        "run",
        .object([
          ("engineVersion", .string(summary.run.engineVersion)),
          ("threads", .int(summary.run.threads)),
          ("seconds", .number(summary.run.seconds)),
          ("kernel", .string(summary.run.kernel)),
        ])
      ),
    ])
  }
}
