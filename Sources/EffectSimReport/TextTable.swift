/// Columns of text aligned for a fixed-width terminal.
///
/// Widths count characters (grapheme clusters), so Danish letters in area names line up.
/// Columns are separated by two spaces; trailing spaces are trimmed so the text diffs cleanly.
struct TextTable {
  enum Alignment { case left, right }

  /// One line of the table.
  enum Row {
    case cells([String])
    /// A line of `-` across the whole table.
    case rule
  }

  var alignments: [Alignment]
  private(set) var rows: [Row] = []
  /// Spaces between columns.
  var gap = 2

  /// A table whose first column is left-aligned (labels) and the rest as given.
  init(alignments: [Alignment]) {
    self.alignments = alignments
  }

  /// Appends a row; missing cells are empty, extra cells are kept (left-aligned).
  mutating func add(_ cells: [String]) {
    rows.append(.cells(cells))
  }

  /// Appends a horizontal rule.
  mutating func addRule() {
    rows.append(.rule)
  }

  /// Appends an empty line, to separate groups of rows.
  mutating func addBlank() {
    rows.append(.cells([]))
  }

  /// The table as lines, each ending with a newline.
  ///
  /// - Complexity: O(cells).
  func render() -> String {
    var widths: [Int] = []
    for case .cells(let cells) in rows {
      for (index, cell) in cells.enumerated() {
        if index == widths.count { widths.append(0) }
        widths[index] = max(widths[index], cell.count)
      }
    }
    let total = widths.reduce(0, +) + gap * max(widths.count - 1, 0)
    var text = ""
    for row in rows {
      switch row {
      case .rule:
        text += String(repeating: "-", count: total)
      case .cells(let cells):
        var line = ""
        for (index, cell) in cells.enumerated() {
          if index > 0 { line += String(repeating: " ", count: gap) }
          let padding = String(repeating: " ", count: widths[index] - cell.count)
          let alignment = index < alignments.count ? alignments[index] : .left
          line += alignment == .right ? padding + cell : cell + padding
        }
        while line.last == " " { line.removeLast() }
        text += line
      }
      text += "\n"
    }
    return text
  }
}
