import EffectSim

/// The probabilistic tornado of one payback definition: per uncertain parameter, a bar from
/// the mean result to the mean among the futures with the parameter in its lowest tenth
/// (light) and one to the mean in its highest tenth (dark), with the deterministic one-way
/// swing as a whisker (circle at the 5th percentile, square at the 95th); the largest share
/// of variance on top. Amounts in mio. kr.
enum TornadoChart {
  /// The most parameters drawn; the ranked table below the chart lists them all.
  static let maximumRows = 12
  static let rowHeight = 26.0

  static func id(_ index: Int) -> String { "tornado-chart-\(index + 1)" }

  /// The chart of `summary.sensitivity[index]`; `nil` when there is nothing to rank (fewer
  /// than two uncertain parameters, or a result that never varies).
  static func render(_ summary: RunSummary, _ index: Int, labels: Labels) -> String? {
    guard index < summary.sensitivity.count else { return nil }
    let entry = summary.sensitivity[index]
    guard DriversText.ranks(entry) else { return nil }
    let rows = Array(entry.parameters.prefix(maximumRows))
    let mean = entry.mean

    var values = [mean]
    for row in rows {
      values += [row.low.mean, row.high.mean, row.oneWay.lowResult, row.oneWay.highResult]
    }
    let finite = values.filter(\.isFinite)
    let ticks = AxisTicks(
      covering: finite.min() ?? 0, finite.max() ?? 1, count: 6, minimumSpan: 10_000)
    let names = rows.map { "\($0.name) (\(DriversText.share($0.varianceShare)))" }

    var entries: [(ChartFrame.Swatch, String)] = [
      (.band(fill: ChartPalette.lowTail), labels.tornadoLow),
      (.band(fill: ChartPalette.highTail), labels.tornadoHigh),
      (.line(stroke: ChartPalette.whisker, width: 1.5, dash: nil, marker: .circle),
        labels.tornadoOneWay),
      (.line(stroke: ChartPalette.deterministic, width: 1.5, dash: ChartPalette.deterministicDash,
        marker: nil), labels.tornadoMean),
    ]
    let showsZero = ticks.low < 0 && ticks.high > 0
    if showsZero {
      entries.append((.line(stroke: ChartPalette.zero, width: 1.2, dash: nil, marker: nil),
        labels.zeroLine))
    }
    let labelWidth = names.map { SVGBuilder.textWidth($0, size: 11) }.max() ?? 0
    var frame = ChartFrame(xDomain: (ticks.low, ticks.high), yDomain: (0, Double(rows.count)))
    frame.left = max(frame.left, labelWidth + 16)
    frame.reserveLegend(entries.map(\.1))
    frame.height = frame.top + Double(rows.count) * rowHeight + frame.bottom

    var svg = SVGBuilder(width: frame.width, height: frame.height)
    let bottom = frame.top + frame.plotHeight
    svg.rect(
      frame.left, frame.top, frame.plotWidth, frame.plotHeight, fill: "#ffffff",
      stroke: "#999999", kind: "plot-area")
    for value in ticks.values {
      svg.line(frame.x(value), frame.top, frame.x(value), bottom, stroke: "#dddddd", width: 0.8)
    }
    frame.drawXLabels(
      zip(ticks.values, ticks.labels(scale: 1e-6)).map { ($0, $1) },
      title: labels.histogramAxis(summary.years.last ?? summary.scenario.start), into: &svg)
    frame.drawLegend(entries, into: &svg)
    for (row, name) in names.enumerated() {
      svg.text(frame.left - 6, centre(row, frame) + 4, name, anchor: "end", size: 11)
    }

    svg.beginGroup("data")
    let x0 = frame.x(mean)
    for (row, parameter) in rows.enumerated() {
      let y = centre(row, frame)
      for (tail, fill) in [
        (parameter.low.mean, ChartPalette.lowTail), (parameter.high.mean, ChartPalette.highTail),
      ] where tail.isFinite {
        let x = frame.x(tail)
        svg.rect(min(x, x0), y - 7, max(abs(x - x0), 0.5), 14, fill: fill)
      }
      let swing = parameter.oneWay
      if swing.lowResult.isFinite, swing.highResult.isFinite {
        let (low, high) = (frame.x(swing.lowResult), frame.x(swing.highResult))
        svg.line(low, y, high, y, stroke: ChartPalette.whisker, width: 1.5)
        svg.marker(.circle, low, y, fill: ChartPalette.whisker)
        svg.marker(.square, high, y, fill: ChartPalette.whisker)
      }
    }
    svg.line(
      x0, frame.top, x0, bottom, stroke: ChartPalette.deterministic, width: 1.5,
      dash: ChartPalette.deterministicDash)
    if showsZero {
      svg.line(frame.x(0), frame.top, frame.x(0), bottom, stroke: ChartPalette.zero, width: 1.2)
    }
    svg.endGroup()
    return svg.render(id: id(index), title: labels.tornadoTitle(entry.payback))
  }

  /// The vertical centre of row `row` (0 at the top).
  private static func centre(_ row: Int, _ frame: ChartFrame) -> Double {
    frame.top + (Double(row) + 0.5) * rowHeight
  }
}
