/// The geometry of one chart: canvas size, plot area, and the linear maps from data to it.
///
/// The plot area is what tests check every data coordinate against; margins hold the tick
/// labels (left, bottom), the legend (top) and the axis titles.
struct ChartFrame {
  var width: Double = 720
  var height: Double = 340
  /// Left, top, right and bottom margins around the plot area.
  var left: Double = 64
  var top: Double = 40
  var right: Double = 20
  var bottom: Double = 44
  var xDomain: (low: Double, high: Double)
  var yDomain: (low: Double, high: Double)

  var plotWidth: Double { width - left - right }
  var plotHeight: Double { height - top - bottom }

  /// The horizontal position of `value`, inside the plot when `value` is in the domain.
  func x(_ value: Double) -> Double {
    let span = xDomain.high - xDomain.low
    return left + (span > 0 ? (value - xDomain.low) / span : 0.5) * plotWidth
  }

  /// The vertical position of `value`; larger values sit higher.
  func y(_ value: Double) -> Double {
    let span = yDomain.high - yDomain.low
    return top + plotHeight - (span > 0 ? (value - yDomain.low) / span : 0.5) * plotHeight
  }

  /// Draws the plot area's outline (marked `plot-area` for tests) and the horizontal grid
  /// with its tick labels on the left.
  func drawYAxis(_ ticks: AxisTicks, labels: [String], title: String, into svg: inout SVGBuilder) {
    svg.rect(
      left, top, plotWidth, plotHeight, fill: "#ffffff", stroke: "#999999", kind: "plot-area")
    for (value, label) in zip(ticks.values, labels) {
      let y = y(value)
      svg.line(left, y, left + plotWidth, y, stroke: "#dddddd", width: 0.8)
      svg.text(left - 6, y + 4, label, anchor: "end", size: 11)
    }
    svg.text(14, top + plotHeight / 2, title, anchor: "middle", size: 11, rotate: true)
  }

  /// Labels along the bottom at `positions`; a label that would touch its left neighbour is
  /// left out (the first and last are always kept), so labels never overlap.
  func drawXLabels(
    _ positions: [(value: Double, label: String)], title: String, into svg: inout SVGBuilder
  ) {
    var lastRight = -Double.infinity
    let size = 11.0
    for (index, position) in positions.enumerated() {
      let x = x(position.value)
      let half = SVGBuilder.textWidth(position.label, size: size) / 2
      let isLast = index == positions.count - 1
      guard x - half > lastRight + 4 || (isLast && positions.count == 1) else { continue }
      svg.line(x, top + plotHeight, x, top + plotHeight + 4, stroke: "#999999")
      svg.text(x, top + plotHeight + 17, position.label, anchor: "middle", size: size)
      lastRight = x + half
    }
    svg.text(left + plotWidth / 2, height - 8, title, anchor: "middle", size: 11)
  }

  /// A legend entry: how its swatch is drawn.
  enum Swatch {
    case band(fill: String)
    case line(stroke: String, width: Double, dash: String?, marker: SVGBuilder.MarkerShape?)
  }

  /// Where each legend entry goes: rows above the plot area, wrapping when a row is full.
  func legendPositions(_ labels: [String]) -> [(x: Double, y: Double)] {
    var x = left
    var y = 16.0
    var positions: [(x: Double, y: Double)] = []
    for label in labels {
      let width = 26 + SVGBuilder.textWidth(label, size: 11) + 16
      if x + width > self.width - right, x > left {
        x = left
        y += 16
      }
      positions.append((x, y))
      x += width
    }
    return positions
  }

  /// Makes room above the plot for the legend's rows.
  mutating func reserveLegend(_ labels: [String]) {
    let rows = legendPositions(labels).last.map { $0.y } ?? 0
    top = max(top, rows + 16)
  }

  /// Draws legend entries at `legendPositions`.
  func drawLegend(_ entries: [(Swatch, String)], into svg: inout SVGBuilder) {
    let size = 11.0
    for ((swatch, label), (x, y)) in zip(entries, legendPositions(entries.map(\.1))) {
      switch swatch {
      case .band(let fill):
        svg.rect(x, y - 8, 20, 10, fill: fill)
      case .line(let stroke, let lineWidth, let dash, let marker):
        svg.line(x, y - 3, x + 20, y - 3, stroke: stroke, width: lineWidth, dash: dash)
        if let marker { svg.marker(marker, x + 10, y - 3, fill: stroke) }
      }
      svg.text(x + 26, y + 1, label, size: size)
    }
  }
}
