import EffectSim

/// The one entry point of the report module: a run summary in, text out.
///
/// Renderers are pure functions of the summary, so equal summaries give byte-identical text;
/// the command line decides where the text goes.
public enum Renderer {
  /// Renders `summary` in `format`.
  ///
  /// - Parameters:
  ///   - summary: the run to show.
  ///   - format: the output format.
  /// - Returns: the complete text, ending with a newline.
  public static func render(_ summary: RunSummary, as format: OutputFormat) -> String {
    render(summary, as: format, options: RenderOptions())
  }

  /// Renders `summary` in `format` with the given language and CSV dialect.
  ///
  /// - Parameters:
  ///   - summary: the run to show.
  ///   - format: the output format.
  ///   - options: language (table, markdown, html) and CSV style (csv); JSON ignores both.
  /// - Returns: the complete text, ending with a newline.
  public static func render(
    _ summary: RunSummary, as format: OutputFormat, options: RenderOptions
  ) -> String {
    let labels = Labels(language: options.language)
    switch format {
    case .table: return TableRenderer.render(summary, labels: labels)
    case .markdown: return MarkdownRenderer.render(summary, labels: labels)
    case .csv:
      return CSVRenderer.render(summary, style: options.csvStyle, language: options.language)
    case .json: return JSONRenderer.render(summary)
    case .html:
      return HTMLRenderer.render(
        summary, labels: labels, generated: options.generated, scenarioPath: options.scenarioPath)
    }
  }

  /// A break-even answer as a table, markdown or JSON (other formats give the table).
  public static func render(
    _ answer: BreakEvenAnswer, as format: OutputFormat, options: RenderOptions = RenderOptions()
  ) -> String {
    BreakEvenRenderer.render(answer, as: format, labels: Labels(language: options.language))
  }

  /// A comparison as a table, markdown, JSON or the HTML comparison report (csv gives the
  /// table).
  public static func render(
    _ summary: ComparisonSummary, as format: OutputFormat, options: RenderOptions = RenderOptions()
  ) -> String {
    ComparisonRenderer.render(summary, as: format, options: options)
  }

  /// The per-iteration export of `--draws`: parameters and targets, one row per iteration.
  /// - Parameters:
  ///   - draws: the run's `RunSummary.iterationDraws`.
  ///   - style: the CSV dialect.
  /// - Returns: the CSV text, ending with a line end.
  public static func renderDraws(_ draws: IterationDraws, style: CSVStyle = .tidy) -> String {
    DrawsCSVRenderer.render(draws, style: style)
  }

  /// One chart of the HTML report as a standalone SVG document, with the scenario's name,
  /// the chart's title and its caption, so it stands alone on a slide.
  ///
  /// - Parameters:
  ///   - summary: the run; attach a deterministic reading to draw the spreadsheet line.
  ///   - chart: which chart.
  ///   - options: the language of the chart's words.
  /// - Returns: the SVG text with an XML declaration, ending with a newline; `nil` when the
  ///   summary lacks the chart's data: a histogram without a horizon distribution, a tornado
  ///   with fewer than two uncertain parameters, and the payback curve and histogram of a
  ///   deterministic run (one path has no probabilities).
  public static func renderChart(
    _ summary: RunSummary, _ chart: ReportChart, options: RenderOptions = RenderOptions()
  ) -> String? {
    let labels = Labels(language: options.language)
    let monteCarlo = summary.settings.mode == .montecarlo
    let svg: String?
    let title: String
    var caption: String
    switch chart {
    case .fan:
      svg = FanChart.render(summary, labels: labels)
      title = labels.fanChartTitle
      caption = HTMLRenderer.fanCaption(summary, labels)
    case .payback:
      svg = monteCarlo && !summary.payback.isEmpty
        ? PaybackChart.render(summary, labels: labels) : nil
      title = labels.paybackChartTitle
      caption = labels.paybackProbabilitySentence
      if let note = ReportText.paybackMCSENote(summary.payback, labels) { caption += " " + note }
    case .histogram:
      svg = monteCarlo ? HistogramChart.render(summary, labels: labels) : nil
      title = labels.histogramTitle(summary.years.last ?? summary.scenario.start)
      caption = labels.histogramCaption(summary.settings.iterations)
    case .tornado:
      svg = TornadoChart.render(summary, 0, labels: labels)
      title = labels.tornadoTitle(
        summary.sensitivity.isEmpty ? "" : DriversText.heading(summary, 0, labels))
      caption = labels.tornadoCaption
    }
    guard let svg else { return nil }
    let name = ReportText.singleLine(summary.scenario.name)
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      + StandaloneChart.wrap(svg, title: name, subtitle: title, caption: caption)
  }
}
