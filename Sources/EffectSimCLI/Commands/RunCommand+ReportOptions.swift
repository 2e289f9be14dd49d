import EffectSimReport

extension RunCommand {
  /// `--lang` and `--csv-style`; the parser has already rejected values outside their lists.
  static func reportOptions(_ arguments: ParsedArguments) throws(UsageError) -> ReportOptions {
    var options = ReportOptions()
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
}
