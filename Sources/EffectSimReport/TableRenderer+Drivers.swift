import EffectSim

/// "What drives the risk" in the terminal table: per payback definition the ranked list of
/// uncertain parameters and the sentences on value of information and chance.
extension TableRenderer {
  static func drivers(_ summary: RunSummary, _ labels: Labels) -> String {
    var text = labels.driversTitle + "\n"
    if let lastYear = summary.years.last {
      text += wrapped(labels.driversIntro(lastYear: lastYear))
    }
    if summary.sensitivity.contains(where: DriversText.ranks) {
      text += wrapped(labels.driversColumns(unit: DriversText.unit(summary)))
    }
    for (index, entry) in summary.sensitivity.enumerated() {
      text += "\n" + ReportText.singleLine(DriversText.heading(summary, index, labels)) + "\n"
      if !entry.parameters.isEmpty, DriversText.varies(entry) {
        var table = TextTable(alignments: [.left] + Array(repeating: .right, count: 8))
        table.add(DriversText.header(labels), header: true)
        table.addRule()
        for parameter in entry.parameters { table.add(DriversText.cells(parameter)) }
        text += table.render()
      }
      for sentence in DriversText.sentences(summary, index, labels) { text += wrapped(sentence) }
    }
    return text
  }

  /// `text` broken between words into lines of at most `width` characters (a longer word
  /// stands alone), each ending with a newline: prose that fits the tables' width.
  static func wrapped(_ text: String, width: Int = 100) -> String {
    TextWrap.lines(text, width: width).filter { !$0.isEmpty }.map { $0 + "\n" }.joined()
  }
}
