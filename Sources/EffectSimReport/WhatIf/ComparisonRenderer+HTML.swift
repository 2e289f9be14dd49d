import EffectSim
import Foundation

/// The HTML comparison report: one self-contained file like the run's decision report, with
/// its stylesheet, facts list, figures and tables.
///
/// Sections: the facts; the cumulative net impact at the horizon per scenario with the
/// probability that each is the cheapest (table and bar chart); per scenario after the first,
/// a fan chart of its paired difference in cumulative net impact against the first; the
/// yearly paired differences; the method note.
extension ComparisonRenderer {
  static func html(_ summary: ComparisonSummary, labels: Labels, generated: Date?) -> String {
    let text = HTMLRenderer.text
    let band = band(summary, labels)
    var html = HTMLRenderer.documentStart(title: labels.comparisonTitle, labels: labels)
    html += "<header id=\"facts\">\n<h1>\(text(labels.comparisonTitle))</h1>\n"
    html += HTMLRenderer.factList(
      facts(summary, labels).map { (term: $0.0, value: $0.1) }, labels: labels,
      generated: generated)
    html += "</header>\n"

    let lastYear = summary.years.last ?? summary.reference.start
    html += "<section id=\"horizon\">\n<h2>\(text(labels.horizonTitle(lastYear)))</h2>\n"
    html += "<p class=\"note\">\(text(ReportText.unit(summary.reference) + "; "))"
    html += "\(text(MarkdownRenderer.capitalized(band.caption()) + "."))</p>\n"
    html += "<table class=\"horizon\">\n"
    html += HTMLRenderer.head([""], numeric: [lastYear.description, labels.lowestColumn])
    html += "<tbody>\n"
    for (index, statistic) in summary.cumulativeNetImpact.enumerated() {
      let p = summary.probabilityBest[index]
      html += "<tr data-row=\"scenario\"><th>\(text(shortName(summary, index)))</th>"
      html += HTMLRenderer.amountCell(statistic, band: band, labels: labels)
      html += "<td class=\"num\" data-value=\"\(JSONValue.format(p))\">"
      html += "\(AmountFormatting.probability(p))</td></tr>\n"
    }
    html += "</tbody>\n</table>\n"
    html += "<figure>\n"
    html += ProbabilityBarChart.render(
      summary.scenarios.indices.map { shortName(summary, $0) }, summary.probabilityBest,
      labels: labels)
    html += "<figcaption>\(text(labels.lowestExplanation))</figcaption>\n</figure>\n</section>\n"

    if !summary.differences.isEmpty {
      let title = labels.pairedDifferenceTitle
      html += "<section id=\"differences\">\n<h2>\(text(title))</h2>\n"
      for (offset, difference) in summary.differences.enumerated() {
        let name = labels.differenceName(
          shortName(summary, offset + 1), shortName(summary, 0))
        html += "<h3>\(text(name))</h3>\n<figure>\n"
        html += FanChart.render(
          difference.cumulativeNetImpact, years: summary.years, monteCarlo: true,
          deterministic: nil, claim: nil, id: "difference-\(offset + 1)", title: name,
          axis: labels.differenceAxis, zero: labels.noDifference, labels: labels)
        html += "<figcaption>\(text(labels.differenceFanCaption))</figcaption>\n</figure>\n"
      }
      html += "<table class=\"yearly\">\n"
      html += HTMLRenderer.head([""], numeric: summary.years.map(String.init)) + "<tbody>\n"
      for (offset, difference) in summary.differences.enumerated() {
        let name = shortName(summary, offset + 1)
        html += HTMLRenderer.row(
          "\(name): \(labels.netImpact)", difference.netImpact, band: band, kind: "difference",
          labels: labels)
        html += HTMLRenderer.row(
          "\(name): \(labels.cumulative)", difference.cumulativeNetImpact, band: band,
          kind: "cumulative-difference", labels: labels)
      }
      html += "</tbody>\n</table>\n</section>\n"
    }

    html += "<section id=\"method\">\n<h2>\(text(labels.methodTitle))</h2>\n"
    for paragraph in labels.comparisonMethod { html += "<p>\(text(paragraph))</p>\n" }
    return html + "</section>\n</body>\n</html>\n"
  }
}
