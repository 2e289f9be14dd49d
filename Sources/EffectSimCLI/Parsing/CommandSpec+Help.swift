/// Usage lines and help texts, rendered from the declaration.
extension CommandSpec {
  /// Columns the help text is wrapped to: a default terminal width.
  static let helpWidth = 80
  /// The widest first column before descriptions move to the next line.
  static let maximumLabelWidth = 24

  /// The one-line synopsis, e.g.
  /// `effectsim run SCENARIO [--iterations N] [--format table|markdown] [--quiet]`.
  ///
  /// Enumerated options list their values, so the line alone tells what `--format` takes.
  /// - Complexity: O(*k*) for *k* arguments and options.
  public func usage() -> String {
    usageElements().joined(separator: " ")
  }

  /// The full help text: usage, summary, arguments, and options with their defaults, in
  /// aligned columns wrapped to 80 columns, ending in a newline.
  /// - Complexity: O(*k*) for *k* arguments and options, times the length of their texts.
  public func help() -> String {
    var text = Self.wrap(usage: usage(), prefix: "USAGE: ", width: Self.helpWidth) + "\n\n"
    text += Self.wrap(words: summary, indent: 0, width: Self.helpWidth) + "\n"
    if !positionals.isEmpty {
      text += "\nARGUMENTS:\n"
      text += Self.columns(positionals.map { ($0.usageElement, $0.help) })
    }
    var rows = options.map { option in (label(of: option), description(of: option)) }
    if hasBuiltInHelp.long {
      rows.append((hasBuiltInHelp.short ? "-h, --help" : "    --help", "show this help"))
    }
    text += "\nOPTIONS:\n" + Self.columns(rows)
    return text
  }

  /// Wraps a usage line at the spaces between its elements, never inside `[...]`, with
  /// continuation lines aligned under the first element after the command name.
  /// - Parameters:
  ///   - usage: the line from `usage()`.
  ///   - prefix: what precedes it on the first line, e.g. `USAGE: `.
  ///   - width: the column limit; an element longer than a line gets a line of its own.
  /// - Complexity: O(*n*) in the length of `usage`.
  static func wrap(usage: String, prefix: String, width: Int) -> String {
    var elements: [String] = []
    var current = ""
    var depth = 0
    for character in usage {
      if character == "[" { depth += 1 }
      if character == "]" { depth = max(depth - 1, 0) }
      if character == " ", depth == 0 {
        if !current.isEmpty { elements.append(current) }
        current = ""
      } else {
        current.append(character)
      }
    }
    if !current.isEmpty { elements.append(current) }
    guard elements.count > 2 else { return prefix + usage }
    let head = prefix + elements[0] + " " + elements[1]
    let indent = String(repeating: " ", count: head.count + 1)
    var lines: [String] = []
    var line = head
    for element in elements.dropFirst(2) {
      // Every line takes at least one element, however long.
      if line.count + 1 + element.count > width, line.count > head.count {
        lines.append(line)
        line = indent + element
      } else {
        line += " " + element
      }
    }
    lines.append(line)
    return lines.joined(separator: "\n")
  }

  /// Word-wraps `text` to `width` columns, indenting continuation lines by `indent`.
  static func wrap(words text: String, indent: Int, width: Int) -> String {
    let pad = String(repeating: " ", count: indent)
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      if line.isEmpty {
        line = String(word)
      } else if indent + line.count + 1 + word.count > width {
        lines.append(line)
        line = String(word)
      } else {
        line += " " + word
      }
    }
    lines.append(line)
    return lines.joined(separator: "\n" + pad)
  }

  private func usageElements() -> [String] {
    var elements = [program, name]
    elements += positionals.map(\.usageElement)
    for option in options {
      if let allowed = option.allowedValues, !allowed.isEmpty {
        elements.append("[\(option.displayName) \(allowed.joined(separator: "|"))]")
      } else if let valueName = option.valueName {
        elements.append(
          "[\(option.displayName) \(valueName)]" + (option.repeatable ? "..." : ""))
      } else {
        elements.append("[\(option.displayName)]")
      }
    }
    return elements
  }

  private func label(of option: OptionSpec) -> String {
    let short = option.short.map { "-\($0), " } ?? "    "
    return short + option.displayName + (option.valueName.map { " " + $0 } ?? "")
  }

  private func description(of option: OptionSpec) -> String {
    var text = option.help
    if let allowed = option.allowedValues, !allowed.isEmpty {
      text += "; one of: " + allowed.joined(separator: ", ")
    }
    if let value = option.defaultDescription {
      text += " (default: \(value))"
    }
    if option.repeatable { text += "; may be repeated" }
    return text
  }

  /// Two aligned columns, two spaces in; a label wider than `maximumLabelWidth` puts its
  /// description on the next line, and descriptions wrap under themselves.
  private static func columns(_ rows: [(label: String, text: String)]) -> String {
    let labelWidth = min(rows.map(\.label.count).max() ?? 0, maximumLabelWidth)
    let textColumn = 2 + labelWidth + 2
    let pad = String(repeating: " ", count: textColumn)
    var result = ""
    for row in rows {
      let text = wrap(words: row.text, indent: textColumn, width: helpWidth)
      if row.label.count > labelWidth {
        result += "  \(row.label)\n\(pad)\(text)\n"
      } else {
        let gap = String(repeating: " ", count: labelWidth - row.label.count + 2)
        result += "  \(row.label)\(gap)\(text)\n"
      }
    }
    return result
  }
}
