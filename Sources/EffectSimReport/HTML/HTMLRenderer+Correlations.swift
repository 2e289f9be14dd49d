import EffectSim

/// The assumptions register's list of correlated parameters.
extension HTMLRenderer {
  /// The scenario's correlations — pair, stated rank correlation, note and source — under
  /// the register's parameters; empty when the run drew none.
  static func correlations(_ summary: RunSummary, labels: Labels) -> String {
    guard !summary.correlations.isEmpty else { return "" }
    var html = "<h3>\(text(labels.correlationsTitle))</h3>\n"
    html += "<p class=\"note\">\(text(labels.correlationsNote))</p>\n"
    html += "<table class=\"register correlations\">\n<colgroup>"
    for width in [27, 14, 39, 20] { html += "<col style=\"width: \(width)%\"/>" }
    html += "</colgroup>\n"
    html += head(
      [labels.parametersColumn], numeric: [labels.rankCorrelation],
      after: [labels.noteColumn, labels.source])
    html += "<tbody>\n"
    for correlation in summary.correlations {
      html += "<tr data-pair=\"\(text(correlation.first)) \(text(correlation.second))\">"
      html += "<td><code>\(text(correlation.first))</code> \u{2013} "
      html += "<code>\(text(correlation.second))</code></td>"
      html += "<td class=\"num\" data-value=\"\(JSONValue.format(correlation.rank))\">"
      html += "\(text(AmountFormatting.general(correlation.rank, minus: .sign)))</td>"
      html += "<td>\(text(correlation.note ?? ""))</td>"
      html += "<td>\(text(correlation.source ?? ""))</td></tr>\n"
    }
    return html + "</tbody>\n</table>\n"
  }
}
