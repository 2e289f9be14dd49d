import EffectSim

/// "What drives the risk" for a memo: per payback definition the ranked list as a table and
/// the sentences on value of information and chance.
extension MarkdownRenderer {
  static func drivers(_ summary: RunSummary, _ labels: Labels) -> String {
    var text = "## \(labels.driversTitle)\n\n"
    if let lastYear = summary.years.last { text += labels.driversIntro(lastYear: lastYear) }
    if summary.sensitivity.contains(where: DriversText.ranks) {
      text += " " + labels.driversColumns(unit: DriversText.unit(summary))
    }
    text += "\n"
    for (index, entry) in summary.sensitivity.enumerated() {
      let heading = MarkdownTable.escape(
        ReportText.singleLine(DriversText.heading(summary, index, labels)))
      text += "\n### \(heading)\n\n"
      if !entry.parameters.isEmpty, DriversText.varies(entry) {
        var table = MarkdownTable(
          header: DriversText.header(labels),
          alignments: [.left] + Array(repeating: .right, count: 8))
        for parameter in entry.parameters {
          var cells = DriversText.cells(parameter, minus: .sign)
          cells[0] = MarkdownTable.escape(cells[0])
          table.add(cells)
        }
        text += table.render() + "\n"
      }
      text += DriversText.sentences(summary, index, labels).joined(separator: " ") + "\n"
    }
    return text
  }
}
