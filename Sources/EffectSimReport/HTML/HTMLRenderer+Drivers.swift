import EffectSim

/// "What drives the risk" in the decision report: per payback definition the tornado, the
/// ranked list with variance shares, tails, one-way swings and EVPPI, and the sentences on
/// EVPI and chance against knowledge.
extension HTMLRenderer {
  static func drivers(_ summary: RunSummary, labels: Labels) -> String {
    var html = "<section id=\"drivers\">\n<h2>\(text(labels.driversTitle))</h2>\n"
    if let lastYear = summary.years.last {
      html += "<p class=\"note\">\(text(labels.driversIntro(lastYear: lastYear)))</p>\n"
    }
    for (index, entry) in summary.sensitivity.enumerated() {
      html += "<h3>\(text(DriversText.heading(summary, index, labels)))</h3>\n"
      if let svg = TornadoChart.render(summary, index, labels: labels) {
        var caption = labels.tornadoCaption
        if entry.parameters.count > TornadoChart.maximumRows {
          caption +=
            " " + labels.tornadoRowsShown(TornadoChart.maximumRows, of: entry.parameters.count)
        }
        html += "<figure>\n\(svg)<figcaption>\(text(caption))</figcaption>\n</figure>\n"
      }
      if !entry.parameters.isEmpty, DriversText.varies(entry) {
        html += driversTable(entry, summary: summary, labels: labels)
      }
      html += "<p>" + text(DriversText.sentences(summary, index, labels).joined(separator: " "))
      html += "</p>\n"
    }
    return html + "</section>\n"
  }

  /// The ranked list: amounts in thousands with the parameter's value below, EVPPI in kroner;
  /// full-precision values in `data-` attributes.
  private static func driversTable(
    _ entry: SensitivitySummary, summary: RunSummary, labels: Labels
  ) -> String {
    var html = "<table class=\"drivers\">\n"
    html += head(
      [labels.parameter],
      numeric: [
        labels.varianceShare, "Spearman", "PRCC", labels.lowTail, labels.highTail,
        labels.oneWayLow, labels.oneWayHigh, labels.evppiColumn,
      ])
    html += "<tbody>\n"
    for parameter in entry.parameters {
      html += "<tr data-parameter=\"\(text(parameter.name))\"><th>\(text(parameter.name))</th>"
      html += cell(parameter.varianceShare, DriversText.share(parameter.varianceShare))
      html += cell(parameter.spearman, DriversText.coefficient(parameter.spearman, minus: .sign))
      html += cell(parameter.prcc, DriversText.coefficient(parameter.prcc, minus: .sign))
      func general(_ value: Double) -> String { AmountFormatting.general(value, minus: .sign) }
      let (low, high) = (parameter.low, parameter.high)
      html += amountCell(low.mean, note: "θ ≤ " + general(low.value))
      html += amountCell(high.mean, note: "θ ≥ " + general(high.value))
      let swing = parameter.oneWay
      html += amountCell(swing.lowResult, note: "θ = " + general(swing.lowValue))
      html += amountCell(swing.highResult, note: "θ = " + general(swing.highValue))
      html += cell(
        parameter.evppi, AmountFormatting.decimal(parameter.evppi, decimals: 0, minus: .sign))
      html += "</tr>\n"
    }
    html += "</tbody>\n</table>\n"
    html += "<p class=\"note\">\(text(labels.driversTableNote(DriversText.unit(summary))))</p>\n"
    return html
  }

  private static func cell(_ value: Double, _ shown: String) -> String {
    "<td class=\"num\" data-value=\"\(JSONValue.format(value))\">\(text(shown))</td>"
  }

  private static func amountCell(_ value: Double, note: String) -> String {
    "<td class=\"num\" data-value=\"\(JSONValue.format(value))\">"
      + AmountFormatting.thousands(value, minus: .sign)
      + "<span class=\"range\">\(text(note))</span></td>"
  }
}
