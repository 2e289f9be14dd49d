/// The formats `effectsim run --format` can write.
///
/// `table` is the default on a terminal; `json` and `csv` are for programs and keep full
/// precision; `markdown` is for pasting into a case document or an issue; `html` is the
/// self-contained decision report with charts.
public enum OutputFormat: String, Sendable, CaseIterable {
  case table, markdown, csv, json, html
}

/// The charts of the HTML report, each of which `--chart` writes alone as an SVG file.
public enum ReportChart: String, Sendable, CaseIterable {
  /// Cumulative net impact by year: bands, median, base-value line, the claim, zero.
  case fan
  /// Probability of having paid back by each year, per payback definition.
  case payback
  /// Cumulative net impact at the horizon.
  case histogram
  /// What drives the risk of the first payback definition (Monte Carlo, two or more
  /// uncertain parameters).
  case tornado
}
