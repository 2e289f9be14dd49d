/// Columns of text aligned for a fixed-width terminal.
///
/// Widths count characters (grapheme clusters), so Danish letters in area names line up.
/// Columns are separated by two spaces; trailing spaces are trimmed so the text diffs cleanly.
/// A table wider than `maxWidth` first wraps its header cells at spaces to the width of their
/// column's values, then the cells of one column (`wrapColumn`, the labels by default), onto
/// continuation lines, so a long heading, payback name or price level does not push the
/// numbers off a 100-column terminal.
struct TextTable {
  enum Alignment { case left, right }

  /// One line of the table.
  enum Row {
    /// Cells; a header row (`bottom`) puts its wrapped cells' last line beside the others.
    case cells([String], bottom: Bool)
    /// A line of `-` across the whole table.
    case rule
  }

  var alignments: [Alignment]
  private(set) var rows: [Row] = []
  /// Spaces between columns.
  var gap = 2
  /// The widest a rendered line may be, when wrapping `wrapColumn` can achieve it.
  var maxWidth = 100
  /// The column whose cells wrap when the table is too wide.
  var wrapColumn = 0
  /// The narrowest the wrapped column gets; beyond that the table grows to the right.
  var minimumWrapWidth = 16

  /// A table whose first column is left-aligned (labels) and the rest as given.
  init(alignments: [Alignment]) {
    self.alignments = alignments
  }

  /// Appends a row; missing cells are empty, extra cells are kept (left-aligned).
  /// - Parameter header: wrapped cells grow upwards, so the row's other cells sit on its last
  ///   line, right above the rule, as a heading should.
  mutating func add(_ cells: [String], header: Bool = false) {
    rows.append(.cells(cells, bottom: header))
  }

  /// Appends a horizontal rule.
  mutating func addRule() {
    rows.append(.rule)
  }

  /// Appends an empty line, to separate groups of rows.
  mutating func addBlank() {
    rows.append(.cells([], bottom: false))
  }

  /// The table as lines, each ending with a newline.
  ///
  /// - Complexity: O(cells).
  func render() -> String {
    var widths: [Int] = []
    var bodyWidths: [Int] = []
    for case .cells(let cells, let header) in rows {
      for (index, cell) in cells.enumerated() {
        if index == widths.count {
          widths.append(0)
          bodyWidths.append(0)
        }
        widths[index] = max(widths[index], cell.count)
        if !header { bodyWidths[index] = max(bodyWidths[index], cell.count) }
      }
    }
    func total() -> Int { widths.reduce(0, +) + gap * max(widths.count - 1, 0) }
    // Too wide: first let header cells wrap to their column's numbers ("Envejs" over "95 %").
    var wrapHeaders = false
    if total() > maxWidth {
      wrapHeaders = true
      widths = bodyWidths
      for case .cells(let cells, true) in rows {
        for (index, cell) in cells.enumerated() {
          let lines = TextWrap.lines(cell, width: max(bodyWidths[index], 1))
          widths[index] = max(widths[index], lines.map(\.count).max() ?? 0)
        }
      }
    }
    if total() > maxWidth, wrapColumn < widths.count {
      let others = total() - widths[wrapColumn]
      let target = max(maxWidth - others, minimumWrapWidth)
      if target < widths[wrapColumn] {
        // The longest line after wrapping can be shorter than the target.
        widths[wrapColumn] = 0
        for case .cells(let cells, _) in rows where wrapColumn < cells.count {
          for line in TextWrap.lines(cells[wrapColumn], width: target) {
            widths[wrapColumn] = max(widths[wrapColumn], line.count)
          }
        }
      }
    }
    let width = total()
    var text = ""
    for row in rows {
      switch row {
      case .rule:
        text += String(repeating: "-", count: width) + "\n"
      case .cells(let cells, let bottom):
        var columns = cells.enumerated().map { index, cell in
          (index == wrapColumn || (bottom && wrapHeaders)) && cell.count > widths[index]
            ? TextWrap.lines(cell, width: widths[index]) : [cell]
        }
        let height = columns.map(\.count).max() ?? 1
        for index in columns.indices where columns[index].count < height {
          let padding = Array(repeating: "", count: height - columns[index].count)
          columns[index] = bottom ? padding + columns[index] : columns[index] + padding
        }
        for lineIndex in 0..<max(height, 1) {
          var line = ""
          for (index, column) in columns.enumerated() {
            let cell = lineIndex < column.count ? column[lineIndex] : ""
            if index > 0 { line += String(repeating: " ", count: gap) }
            let padding = String(repeating: " ", count: max(widths[index] - cell.count, 0))
            let alignment = index < alignments.count ? alignments[index] : .left
            line += alignment == .right ? padding + cell : cell + padding
          }
          while line.last == " " { line.removeLast() }
          text += line + "\n"
        }
      }
    }
    return text
  }
}

/// Word wrapping for the text table and the lines around it.
enum TextWrap {
  /// `text` broken at spaces into lines of at most `width` characters; a word longer than
  /// `width` stands alone on its line, unbroken.
  static func lines(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      if line.isEmpty {
        line = String(word)
      } else if line.count + 1 + word.count <= width {
        line += " " + word
      } else {
        lines.append(line)
        line = String(word)
      }
    }
    if !line.isEmpty || lines.isEmpty { lines.append(line) }
    return lines
  }

  /// `text` wrapped to `width`, continuation lines indented by `indent` spaces; ends without
  /// a newline.
  static func paragraph(_ text: String, width: Int = 100, indent: Int = 0) -> String {
    let first = lines(text, width: width)
    guard first.count > 1, indent > 0 else { return first.joined(separator: "\n") }
    let rest = lines(first.dropFirst().joined(separator: " "), width: width - indent)
    let pad = String(repeating: " ", count: indent)
    return ([first[0]] + rest.map { pad + $0 }).joined(separator: "\n")
  }
}
