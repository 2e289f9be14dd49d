/// Colours, dashes and markers of the charts, chosen to stay apart in greyscale print.
///
/// Bands go from light to mid blue, the median is near-black, the spreadsheet line is a
/// dashed orange (its dash, not its hue, tells it apart on paper), and payback series differ
/// in dash pattern and marker shape as well as in colour.
enum ChartPalette {
  static let outerBand = "#c6dbef"
  static let innerBand = "#6baed6"
  static let median = "#08306b"
  static let deterministic = "#d94801"
  static let deterministicDash = "7 4"
  static let zero = "#000000"
  static let saving = "#2171b5"
  static let loss = "#fdae6b"

  /// One style per payback definition, cycling when there are more.
  static let series: [(colour: String, dash: String?, marker: SVGBuilder.MarkerShape)] = [
    ("#08306b", nil, .circle), ("#d94801", "7 4", .square), ("#238b45", "2 3", .triangle),
    ("#6a51a3", "9 3 2 3", .diamond),
  ]
}
