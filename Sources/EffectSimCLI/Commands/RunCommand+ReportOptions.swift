import EffectSim
import EffectSimReport
import Foundation

extension RunCommand {
  /// The text to write: the report in `format`, or one chart alone with `--chart`.
  ///
  /// The html report and the charts draw the spreadsheet line, so a Monte Carlo run attaches
  /// the deterministic reading of the same model for them (a run of the expected trace:
  /// cheap). Other formats stay exactly as they were, the JSON contract included.
  static func report(
    _ summary: RunSummary, model: Model, format: OutputFormat, _ arguments: ParsedArguments
  ) throws -> String {
    var options = try reportOptions(arguments)
    let chart = try chart(arguments)
    var summary = summary
    if chart != nil || format == .html {
      options.generated = reportDate()
      if summary.settings.mode == .montecarlo,
        let deterministic = try? Simulation.deterministic(
          model, percentiles: summary.settings.percentileLevels)
      {
        summary.attachDeterministic(deterministic)
      }
    }
    guard let chart else { return Renderer.render(summary, as: format, options: options) }
    guard let svg = Renderer.renderChart(summary, chart, options: options) else {
      throw CommandFailure(
        code: .dataError, message: "--chart \(chart.rawValue): the run has no data for this chart")
    }
    return svg
  }

  /// The date a report shows: now, or `SOURCE_DATE_EPOCH` (seconds since 1970) when set, the
  /// reproducible-builds convention that lets two runs' reports be compared byte for byte
  /// (docs/cluster.md).
  static func reportDate() -> Date {
    guard let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"],
      let seconds = Int64(text)
    else { return Date() }
    return Date(timeIntervalSince1970: TimeInterval(seconds))
  }

  /// `--lang` and `--csv-style`; the parser has already rejected values outside their lists.
  static func reportOptions(_ arguments: ParsedArguments) throws(UsageError) -> RenderOptions {
    var options = RenderOptions()
    if let name = arguments.value("lang") {
      guard let language = ReportLanguage(rawValue: name) else {
        throw UsageError(message: "--lang: unknown value '\(name)'", usage: Commands.run.usage())
      }
      options.language = language
    }
    if let name = arguments.value("csv-style") {
      guard let style = CSVStyle(rawValue: name) else {
        throw UsageError(
          message: "--csv-style: unknown value '\(name)'", usage: Commands.run.usage())
      }
      options.csvStyle = style
    }
    return options
  }

  /// `--chart`, which replaces the report; it cannot be combined with `--format`.
  static func chart(_ arguments: ParsedArguments) throws(UsageError) -> ReportChart? {
    guard let name = arguments.value("chart") else { return nil }
    guard let chart = ReportChart(rawValue: name) else {
      throw UsageError(message: "--chart: unknown value '\(name)'", usage: Commands.run.usage())
    }
    if arguments.value("format") != nil {
      throw UsageError(
        message: "--chart writes an SVG file; drop --format (or drop --chart for a report)",
        usage: Commands.run.usage())
    }
    return chart
  }
}
