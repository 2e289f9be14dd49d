/// Colours, dashes and markers of the charts, chosen to stay apart in greyscale print.
///
/// Bands go from light to mid blue, the median is near-black, the base-value line is a
/// dashed orange and the business case's own figures a dotted green with square markers (dash
/// and marker, not hue, tell them apart on paper), and payback series differ in dash pattern
/// and marker shape as well as in colour.
enum ChartPalette {
  static let outerBand = "#c6dbef"
  static let innerBand = "#6baed6"
  static let median = "#08306b"
  static let deterministic = "#d94801"
  static let deterministicDash = "7 4"
  static let zero = "#000000"
  /// The business case's own figures: green, dotted, square markers.
  static let claim = "#238b45"
  static let claimDash = "2 3"
  /// The tornado's bars: θ in its lowest tenth (light), in its highest (dark).
  static let lowTail = "#c6dbef"
  static let highTail = "#6baed6"
  /// The tornado's one-way whisker: black, so it reads over either bar.
  static let whisker = "#000000"
  static let saving = "#2171b5"
  static let loss = "#fdae6b"

  /// One style per payback definition, cycling when there are more.
  static let series: [(colour: String, dash: String?, marker: SVGBuilder.MarkerShape)] = [
    ("#08306b", nil, .circle), ("#d94801", "7 4", .square), ("#238b45", "2 3", .triangle),
    ("#6a51a3", "9 3 2 3", .diamond),
  ]
}
