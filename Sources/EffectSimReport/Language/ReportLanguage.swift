import Foundation

/// The language of the words in the human formats (table, markdown, html).
///
/// Numbers are written the Danish way in both (`1.234.567,8`), because the documents these
/// reports sit beside are Danish budget notes; only the words change. `en` is the default:
/// it is what the table has always printed, and what tests and scripts already read.
/// JSON and CSV have no words to translate and ignore the language.
public enum ReportLanguage: String, Sendable, CaseIterable {
  case en, da
}

/// How the report should be written, beyond the format itself.
public struct RenderOptions: Sendable {
  /// The language of labels and sentences; default English.
  public var language: ReportLanguage
  /// The CSV dialect; default the long tidy layout.
  public var csvStyle: CSVStyle
  /// When the report was made; the HTML report prints it with the run's facts. Kept out of
  /// the summary, which equal runs must share byte for byte.
  public var generated: Date?
  /// The scenario file as the command line was given it; the HTML report's method note
  /// writes the command that reproduces the run with it. Kept out of the summary, like the
  /// date: the same scenario read from another path gives the same numbers.
  public var scenarioPath: String?

  /// - Parameters:
  ///   - language: labels and sentences; `.en` by default.
  ///   - csvStyle: `.tidy` by default.
  ///   - generated: the report's date; none by default.
  ///   - scenarioPath: the scenario file's path; none by default ("SCENARIO" in the note).
  public init(
    language: ReportLanguage = .en, csvStyle: CSVStyle = .tidy, generated: Date? = nil,
    scenarioPath: String? = nil
  ) {
    self.language = language
    self.csvStyle = csvStyle
    self.generated = generated
    self.scenarioPath = scenarioPath
  }
}

/// The dialects `--format csv` can write.
public enum CSVStyle: String, Sendable, CaseIterable {
  /// Comma-separated, decimal point, no byte-order mark: for R, pandas and pipelines.
  case tidy
  /// Semicolon-separated, decimal comma, UTF-8 byte-order mark: what Excel with Danish
  /// regional settings opens correctly by double-click.
  case excelDanish = "excel-da"
}
