/// A chart written alone (`--chart`), framed so that it stands on a slide without the report:
/// the scenario's name and the chart's title above, the caption below.
///
/// The chart itself is nested unchanged as an inner `<svg>` (SVG allows that), so the report
/// and the file draw the same picture.
enum StandaloneChart {
  /// Space above the chart for the two title lines.
  static let headerHeight = 50.0
  static let captionSize = 11.0
  static let captionLineHeight = 14.0

  /// `chart` (an `<svg>` made by `SVGBuilder`) with a title block and a caption.
  ///
  /// - Parameters:
  ///   - chart: the chart's SVG text; its `viewBox` gives its size.
  ///   - title: the scenario's name.
  ///   - subtitle: the chart's own title.
  ///   - caption: what the chart shows; wrapped to the chart's width.
  /// - Returns: one `<svg>` element, ending with a newline.
  static func wrap(_ chart: String, title: String, subtitle: String, caption: String) -> String {
    let size = SVGBuilder.size(of: chart) ?? (width: 720, height: 340)
    let charsPerLine = max(Int((size.width - 24) / (captionSize * 0.53)), 20)
    let lines = TextWrap.lines(caption, width: charsPerLine)
    let height = headerHeight + size.height + 8 + Double(lines.count) * captionLineHeight + 6
    var outer = SVGBuilder(width: size.width, height: height)
    outer.text(12, 20, title, size: 15, bold: true)
    outer.text(12, 40, subtitle, size: 12.5, fill: "#444444")
    outer.raw(placed(chart, y: headerHeight))
    for (index, line) in lines.enumerated() {
      let y = headerHeight + size.height + 8 + Double(index + 1) * captionLineHeight - 3
      outer.text(12, y, line, size: captionSize, fill: "#555555")
    }
    return outer.render(id: "standalone-chart", title: title + " – " + subtitle)
  }

  /// The chart moved down by `y`: its root element gets `x` and `y` attributes.
  static func placed(_ chart: String, y: Double) -> String {
    guard let range = chart.range(of: "<svg ") else { return chart }
    return chart.replacingCharacters(
      in: range, with: "<svg x=\"0.0\" y=\"\(SVGBuilder.number(y))\" ")
      .trimmingTrailingNewlines()
  }
}

extension String {
  fileprivate func trimmingTrailingNewlines() -> String {
    var text = self
    while text.last == "\n" { text.removeLast() }
    return text
  }
}
