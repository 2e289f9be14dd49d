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
    _ summary: RunSummary, model: Model, format: OutputFormat, chart: ReportChart?,
    options: RenderOptions
  ) throws -> String {
    var options = options
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
      guard summary.settings.mode == .montecarlo else {
        throw UsageError(
          message: "--chart \(chart.rawValue): a deterministic run follows one expected path and"
            + " has no probabilities to draw; drop --deterministic (or draw --chart fan)",
          usage: Commands.run.usage())
      }
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

  /// The report of a summary made elsewhere (`merge`), with the options read from
  /// `arguments`; the method note names `scenarioPath`, the file the shards were run on
  /// ("SCENARIO" when `nil`).
  static func report(
    _ summary: RunSummary, model: Model, format: OutputFormat, scenarioPath: String?,
    _ arguments: ParsedArguments
  ) throws -> String {
    var options = try reportOptions(arguments)
    options.scenarioPath = scenarioPath
    return try report(
      summary, model: model, format: format, chart: try chart(arguments), options: options)
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

  /// `--chart`, which replaces the report; it cannot be combined with `--format` or
  /// `--csv-style`, and its `--output` must end in `.svg` (or have no extension): SVG text in
  /// `fan.png` would open as a broken picture.
  static func chart(_ arguments: ParsedArguments) throws(UsageError) -> ReportChart? {
    guard let name = arguments.value("chart") else { return nil }
    let usage = Commands.run.usage()
    guard let chart = ReportChart(rawValue: name) else {
      throw UsageError(message: "--chart: unknown value '\(name)'", usage: usage)
    }
    let csvStyleForReport = arguments.value("csv-style") != nil && arguments.value("draws") == nil
    if arguments.value("format") != nil || csvStyleForReport {
      let option = arguments.value("format") != nil ? "--format" : "--csv-style"
      throw UsageError(
        message: "--chart writes an SVG file; drop \(option) (or drop --chart for a report)",
        usage: usage)
    }
    if let output = arguments.value("output") {
      let fileExtension = URL(fileURLWithPath: output).pathExtension
      if !fileExtension.isEmpty, fileExtension.lowercased() != "svg" {
        throw UsageError(
          message: "--chart writes SVG, but \(output) ends in .\(fileExtension); name it"
            + " \(URL(fileURLWithPath: output).deletingPathExtension().lastPathComponent).svg",
          usage: usage)
      }
    }
    return chart
  }
}
