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
    case .csv: return CSVRenderer.render(summary, style: options.csvStyle)
    case .json: return JSONRenderer.render(summary)
    case .html: return HTMLRenderer.render(summary, labels: labels, generated: options.generated)
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

  /// One chart of the HTML report as a standalone SVG document.
  ///
  /// - Parameters:
  ///   - summary: the run; attach a deterministic reading to draw the spreadsheet line.
  ///   - chart: which chart.
  ///   - options: the language of the chart's words.
  /// - Returns: the SVG text with an XML declaration, ending with a newline; `nil` when the
  ///   summary lacks the chart's data (a histogram without a horizon distribution, a tornado
  ///   with fewer than two uncertain parameters).
  public static func renderChart(
    _ summary: RunSummary, _ chart: ReportChart, options: RenderOptions = RenderOptions()
  ) -> String? {
    let labels = Labels(language: options.language)
    let svg: String? =
      switch chart {
      case .fan: FanChart.render(summary, labels: labels)
      case .payback: PaybackChart.render(summary, labels: labels)
      case .histogram: HistogramChart.render(summary, labels: labels)
      case .tornado: TornadoChart.render(summary, 0, labels: labels)
      }
    return svg.map { "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + $0 }
  }
}
