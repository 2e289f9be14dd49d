import EffectSim

/// The probability of having paid back by the end of each year, one series per payback
/// definition.
///
/// The axis runs from 0 to 100 %, unless every probability is below 5 %: then it ends at a
/// round level just above the largest (`axisTop`), and its title says so, since on a full
/// axis such curves would lie flat on the floor. Markers of series that meet at one point are
/// set side by side, so a series hidden under another still shows; each series ends in its
/// last value written out, stacked upwards from the floor so no label sits on the axis.
enum PaybackChart {
  static let id = "payback-chart"

  /// Below this largest probability the axis is zoomed.
  static let zoomBelow = 0.05

  /// The top of the probability axis: 1, or, when every probability is below `zoomBelow`,
  /// the smallest of 1, 2 and 5 % that lies above the largest probability (strictly, so the
  /// highest point never sits on the frame).
  static func axisTop(_ summary: RunSummary) -> Double {
    let largest = summary.payback.flatMap(\.probabilityByYear).filter(\.isFinite).max() ?? 0
    guard largest < zoomBelow else { return 1 }
    return [0.01, 0.02, 0.05].first { largest < $0 } ?? 1
  }

  static func render(_ summary: RunSummary, labels: Labels) -> String {
    let years = summary.years
    let top = axisTop(summary)
    let ticks = AxisTicks(covering: 0, top, count: top < 1 ? 5 : 4, minimumSpan: top)
    let entries: [(ChartFrame.Swatch, String)] = summary.payback.enumerated().map {
      index, payback in
      let style = ChartPalette.series[index % ChartPalette.series.count]
      return (
        .line(stroke: style.colour, width: 2, dash: style.dash, marker: style.marker),
        ReportText.singleLine(ReportText.paybackLabel(payback, summary.scenario, labels))
      )
    }
    var frame = ChartFrame(
      xDomain: (-0.5, Double(max(years.count, 1)) - 0.5), yDomain: (ticks.low, ticks.high))
    frame.right = 64
    frame.reserveLegend(entries.map(\.1))
    var svg = SVGBuilder(width: frame.width, height: frame.height)
    let tickDecimals = ticks.step >= 0.01 ? 0 : ticks.decimals(scale: 100)
    let axisTitle =
      top < 1
      ? labels.probabilityAxisTo(AmountFormatting.percent(top, decimals: 0))
      : labels.probabilityAxis
    frame.drawYAxis(
      ticks, labels: ticks.values.map { AmountFormatting.percent($0, decimals: tickDecimals) },
      title: axisTitle, into: &svg)
    frame.drawXLabels(
      years.enumerated().map { (Double($0.offset), String($0.element)) },
      title: labels.endOfYear, into: &svg)
    frame.drawLegend(entries, into: &svg)

    let series = summary.payback.map { payback in
      payback.probabilityByYear.prefix(years.count).map { min(max($0, 0), 1) }
    }
    let offsets = dodge(series.map { $0.map(frame.y) }, spacing: 7)
    // The headline definition (listed first) is drawn last, on top.
    var ends: [(y: Double, text: String, colour: String)] = []
    svg.beginGroup("data")
    for (index, probabilities) in series.enumerated().reversed() {
      let style = ChartPalette.series[index % ChartPalette.series.count]
      let points = probabilities.enumerated().map { year, p in
        (frame.x(Double(year)), frame.y(p))
      }
      svg.polyline(points, stroke: style.colour, width: 2, dash: style.dash)
      for (year, (x, y)) in points.enumerated() {
        svg.marker(style.marker, x + offsets[index][year], y, fill: style.colour)
      }
      if let last = points.last, let p = probabilities.last {
        ends.append((last.1, AmountFormatting.probability(p), style.colour))
      }
    }
    svg.endGroup()
    let labelX = frame.x(Double(years.count - 1)) + 12
    let floor = frame.y(0) - 3
    for (y, text, colour) in Self.spread(ends, gap: 13, within: (frame.top + 10, floor)) {
      svg.text(labelX, y + 4, text, size: 11, bold: true, fill: colour)
    }
    return svg.render(id: id, title: labels.paybackChartTitle)
  }

  /// Horizontal offsets that set apart markers meeting at one point: per series and year,
  /// 0 for a marker alone, else spread symmetrically `spacing` apart in series order.
  ///
  /// - Parameter ys: per series, the vertical position of each year's marker.
  static func dodge(_ ys: [[Double]], spacing: Double) -> [[Double]] {
    var offsets = ys.map { Array(repeating: 0.0, count: $0.count) }
    let years = ys.map(\.count).max() ?? 0
    for year in 0..<years {
      var groups: [[Int]] = []
      for series in ys.indices where year < ys[series].count {
        if let group = groups.firstIndex(where: { abs(ys[$0[0]][year] - ys[series][year]) < 6 }) {
          groups[group].append(series)
        } else {
          groups.append([series])
        }
      }
      for group in groups where group.count > 1 {
        let middle = Double(group.count - 1) / 2
        for (rank, series) in group.enumerated() {
          offsets[series][year] = (Double(rank) - middle) * spacing
        }
      }
    }
    return offsets
  }

  /// Moves labels apart vertically so that no two are closer than `gap`, keeping their
  /// order and staying within `bounds` (low is the top of the plot, high the floor).
  static func spread(
    _ labels: [(y: Double, text: String, colour: String)], gap: Double,
    within bounds: (low: Double, high: Double)
  ) -> [(y: Double, text: String, colour: String)] {
    var sorted = labels.sorted { $0.y < $1.y }
    for index in sorted.indices { sorted[index].y = min(sorted[index].y, bounds.high) }
    // From the floor upwards: each label at least `gap` above the one below it.
    for index in sorted.indices.reversed().dropFirst()
    where sorted[index].y > sorted[index + 1].y - gap {
      sorted[index].y = sorted[index + 1].y - gap
    }
    // Pushed past the top: shift the whole stack down, as far as the floor allows.
    if let first = sorted.first, first.y < bounds.low {
      let shift = bounds.low - first.y
      for index in sorted.indices { sorted[index].y = min(sorted[index].y + shift, bounds.high) }
    }
    return sorted
  }
}
