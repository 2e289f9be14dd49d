/// A GitHub-flavoured markdown table, padded so the source reads as a table too.
struct MarkdownTable {
  enum Alignment { case left, right }

  var header: [String]
  var alignments: [Alignment]
  private(set) var rows: [[String]] = []

  init(header: [String], alignments: [Alignment]) {
    self.header = header
    self.alignments = alignments
  }

  /// Appends a row of markdown cells; text from the scenario goes through `escape(_:)` first,
  /// so that emphasis the renderer adds on purpose (`**Net impact**`) survives.
  mutating func add(_ cells: [String]) {
    rows.append(cells)
  }

  /// Makes plain text safe inside a cell: a `|` would end the cell and a line break the row.
  static func escape(_ text: String) -> String {
    var escaped = ""
    for character in text {
      switch character {
      case "|": escaped += "\\|"
      case "\n", "\r", "\r\n": escaped += " "
      default: escaped.append(character)
      }
    }
    return escaped
  }

  /// The table's lines, each ending with a newline.
  func render() -> String {
    let columns = max(header.count, rows.map(\.count).max() ?? 0)
    func padded(_ cells: [String]) -> [String] {
      cells + Array(repeating: "", count: columns - cells.count)
    }
    let body = rows.map(padded)
    let head = padded(header)
    var widths = head.map { max($0.count, 3) }
    for row in body {
      for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
    }
    func alignment(_ index: Int) -> Alignment {
      index < alignments.count ? alignments[index] : .left
    }
    func line(_ cells: [String]) -> String {
      let parts = cells.enumerated().map { index, cell in
        let padding = String(repeating: " ", count: widths[index] - cell.count)
        return alignment(index) == .right ? padding + cell : cell + padding
      }
      return "| " + parts.joined(separator: " | ") + " |\n"
    }
    let rule = widths.indices.map { index in
      alignment(index) == .right
        ? String(repeating: "-", count: widths[index] - 1) + ":"
        : String(repeating: "-", count: widths[index])
    }
    var text = line(head)
    text += "| " + rule.joined(separator: " | ") + " |\n"
    for row in body { text += line(row) }
    return text
  }
}
