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
    render(summary, as: format, options: ReportOptions())
  }

  /// Renders `summary` in `format` with the given language and CSV dialect.
  ///
  /// - Parameters:
  ///   - summary: the run to show.
  ///   - format: the output format.
  ///   - options: language (table, markdown, html) and CSV style (csv); JSON ignores both.
  /// - Returns: the complete text, ending with a newline.
  public static func render(
    _ summary: RunSummary, as format: OutputFormat, options: ReportOptions
  ) -> String {
    let labels = Labels(language: options.language)
    switch format {
    case .table: return TableRenderer.render(summary, labels: labels)
    case .markdown: return MarkdownRenderer.render(summary, labels: labels)
    case .csv: return CSVRenderer.render(summary, style: options.csvStyle)
    case .json: return JSONRenderer.render(summary)
    }
  }
}
