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
    switch format {
    case .table: TableRenderer.render(summary)
    case .markdown: MarkdownRenderer.render(summary)
    case .csv: CSVRenderer.render(summary)
    case .json: JSONRenderer.render(summary)
    }
  }
}
