import EffectSim

/// The probability of having paid back by the end of each year, one series per payback
/// definition, on a 0–100 % axis.
enum PaybackChart {
  static let id = "payback-chart"

  static func render(_ summary: RunSummary, labels: Labels) -> String {
    let years = summary.years
    let ticks = AxisTicks(covering: 0, 1, count: 4)
    let entries: [(ChartFrame.Swatch, String)] = summary.payback.enumerated().map {
      index, payback in
      let style = ChartPalette.series[index % ChartPalette.series.count]
      return (
        .line(stroke: style.colour, width: 2, dash: style.dash, marker: style.marker),
        ReportText.singleLine(ReportText.paybackLabel(payback, labels))
      )
    }
    var frame = ChartFrame(
      xDomain: (-0.5, Double(max(years.count, 1)) - 0.5), yDomain: (ticks.low, ticks.high))
    frame.right = 56
    frame.reserveLegend(entries.map(\.1))
    var svg = SVGBuilder(width: frame.width, height: frame.height)
    frame.drawYAxis(
      ticks, labels: ticks.values.map { AmountFormatting.percent($0, decimals: 0) },
      title: labels.probabilityAxis, into: &svg)
    frame.drawXLabels(
      years.enumerated().map { (Double($0.offset), String($0.element)) },
      title: labels.endOfYear, into: &svg)
    frame.drawLegend(entries, into: &svg)

    // The headline definition (listed first) is drawn last, on top, and each series ends in
    // its last value written out: near 0 % the curves coincide and only the labels tell
    // them apart.
    var ends: [(y: Double, text: String, colour: String)] = []
    svg.beginGroup("data")
    for (index, payback) in summary.payback.enumerated().reversed() {
      let style = ChartPalette.series[index % ChartPalette.series.count]
      let probabilities = payback.probabilityByYear.prefix(years.count).map { min(max($0, 0), 1) }
      let points = probabilities.enumerated().map { year, p in
        (frame.x(Double(year)), frame.y(p))
      }
      svg.polyline(points, stroke: style.colour, width: 2, dash: style.dash)
      for (x, y) in points { svg.marker(style.marker, x, y, fill: style.colour) }
      if let last = points.last, let p = probabilities.last {
        ends.append((last.1, AmountFormatting.percent(p), style.colour))
      }
    }
    svg.endGroup()
    let labelX = frame.x(Double(years.count - 1)) + 10
    for (y, text, colour) in Self.spread(ends, gap: 13, within: (frame.top + 4, frame.y(0) + 4)) {
      svg.text(labelX, y + 4, text, size: 11, bold: true, fill: colour)
    }
    return svg.render(id: id, title: labels.paybackChartTitle)
  }

  /// Moves labels apart vertically so that no two are closer than `gap`, keeping their
  /// order and staying within `bounds`.
  static func spread(
    _ labels: [(y: Double, text: String, colour: String)], gap: Double,
    within bounds: (low: Double, high: Double)
  ) -> [(y: Double, text: String, colour: String)] {
    var sorted = labels.sorted { $0.y < $1.y }
    for index in sorted.indices.dropFirst() where sorted[index].y < sorted[index - 1].y + gap {
      sorted[index].y = sorted[index - 1].y + gap
    }
    // Pushed past the bottom: shift the whole stack up.
    if let last = sorted.last, last.y > bounds.high {
      let shift = last.y - bounds.high
      for index in sorted.indices { sorted[index].y = max(sorted[index].y - shift, bounds.low) }
    }
    return sorted
  }
}
