import Foundation

/// Accumulates SVG elements and prints them as one standalone, XML-well-formed `<svg>`.
///
/// Every style is a presentation attribute on the element, never a class the page styles,
/// so a chart cut out of the HTML report (or written alone by `--chart`) looks the same.
/// Coordinates print with one decimal and a decimal point, whatever the report's language.
struct SVGBuilder {
  let width: Double
  let height: Double
  private(set) var elements: [String] = []

  init(width: Double, height: Double) {
    self.width = width
    self.height = height
  }

  /// The font every text uses: sans-serif faces found on any office machine.
  static let font = "Helvetica, Arial, sans-serif"

  /// A coordinate or length in SVG: one decimal, `.` as separator, no `-0.0`.
  static func number(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    return String(format: "%.1f", rounded == 0 ? 0 : rounded)
  }

  mutating func raw(_ element: String) {
    elements.append(element)
  }

  /// Opens a group; `kind` becomes its `class`, which tests use to find the plot's data.
  mutating func beginGroup(_ kind: String, attributes: String = "") {
    elements.append("<g class=\"\(kind)\"\(attributes.isEmpty ? "" : " " + attributes)>")
  }

  mutating func endGroup() {
    elements.append("</g>")
  }

  mutating func line(
    _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String,
    width: Double = 1, dash: String? = nil
  ) {
    let n = Self.number
    var element = "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\""
    element += " stroke=\"\(stroke)\" stroke-width=\"\(n(width))\""
    if let dash { element += " stroke-dasharray=\"\(dash)\"" }
    elements.append(element + "/>")
  }

  mutating func polyline(
    _ points: [(Double, Double)], stroke: String, width: Double, dash: String? = nil
  ) {
    var element = "<polyline points=\"\(Self.points(points))\" fill=\"none\" stroke=\"\(stroke)\""
    element += " stroke-width=\"\(Self.number(width))\" stroke-linejoin=\"round\""
    if let dash { element += " stroke-dasharray=\"\(dash)\"" }
    elements.append(element + "/>")
  }

  mutating func polygon(_ points: [(Double, Double)], fill: String) {
    elements.append("<polygon points=\"\(Self.points(points))\" fill=\"\(fill)\" stroke=\"none\"/>")
  }

  mutating func rect(
    _ x: Double, _ y: Double, _ width: Double, _ height: Double, fill: String,
    stroke: String? = nil, kind: String? = nil
  ) {
    let n = Self.number
    var element = "<rect"
    if let kind { element += " class=\"\(kind)\"" }
    element += " x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(width))\" height=\"\(n(height))\""
    element += " fill=\"\(fill)\""
    if let stroke { element += " stroke=\"\(stroke)\" stroke-width=\"0.5\"" }
    elements.append(element + "/>")
  }

  /// A marker shape at (x, y): distinguishes series in greyscale where colour cannot.
  mutating func marker(_ shape: MarkerShape, _ x: Double, _ y: Double, fill: String) {
    let n = Self.number
    switch shape {
    case .circle:
      elements.append("<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"4.0\" fill=\"\(fill)\"/>")
    case .square:
      rect(x - 3.5, y - 3.5, 7, 7, fill: fill, kind: "marker")
    case .triangle:
      polygon([(x, y - 4.5), (x + 4.5, y + 3.5), (x - 4.5, y + 3.5)], fill: fill)
    case .diamond:
      polygon([(x, y - 5), (x + 5, y), (x, y + 5), (x - 5, y)], fill: fill)
    }
  }

  enum MarkerShape: CaseIterable { case circle, square, triangle, diamond }

  mutating func text(
    _ x: Double, _ y: Double, _ content: String, anchor: String = "start", size: Double = 12,
    bold: Bool = false, fill: String = "#222222", rotate: Bool = false
  ) {
    let n = Self.number
    var element = "<text x=\"\(n(x))\" y=\"\(n(y))\" font-family=\"\(Self.font)\""
    element += " font-size=\"\(n(size))\" fill=\"\(fill)\" text-anchor=\"\(anchor)\""
    if bold { element += " font-weight=\"bold\"" }
    if rotate { element += " transform=\"rotate(-90 \(n(x)) \(n(y)))\"" }
    elements.append(element + ">\(XMLText.escape(content))</text>")
  }

  /// The chart as a standalone `<svg>` element with a title for screen readers.
  func render(id: String, title: String) -> String {
    let n = Self.number
    var text = "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"\(id)\""
    text += " viewBox=\"0 0 \(n(width)) \(n(height))\""
    text += " width=\"\(n(width))\" height=\"\(n(height))\""
    text += " role=\"img\" aria-labelledby=\"\(id)-title\">\n"
    text += "<title id=\"\(id)-title\">\(XMLText.escape(title))</title>\n"
    text += elements.joined(separator: "\n")
    return text + "\n</svg>\n"
  }

  /// The width and height of an `<svg>` made by `render(id:title:)`, read from its `viewBox`.
  static func size(of svg: String) -> (width: Double, height: Double)? {
    guard let start = svg.range(of: "viewBox=\"")?.upperBound,
      let end = svg[start...].firstIndex(of: "\"")
    else { return nil }
    let numbers = svg[start..<end].split(separator: " ").compactMap { Double($0) }
    guard numbers.count == 4 else { return nil }
    return (numbers[2], numbers[3])
  }

  /// Rough width of `text` at `size`: 0.53 em per character, a little above Helvetica's
  /// average for digits and lower case, so labels spaced by it do not collide.
  static func textWidth(_ text: String, size: Double) -> Double {
    Double(text.count) * size * 0.53
  }

  private static func points(_ points: [(Double, Double)]) -> String {
    points.map { "\(number($0.0)),\(number($0.1))" }.joined(separator: " ")
  }
}
