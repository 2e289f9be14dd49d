import EffectSim

/// The distribution of cumulative net impact at the end of the horizon: bars as shares of
/// iterations, savings (≤ 0) dark and losses (> 0) light, zero marked.
///
/// Bin edges are round numbers (`Histogram`), and zero is always an edge, so no bar
/// straddles the line between saving and loss.
enum HistogramChart {
  static let id = "histogram-chart"

  static func render(_ summary: RunSummary, labels: Labels) -> String? {
    guard let histogram = summary.horizon?.histogram, histogram.total > 0,
      let lastYear = summary.years.last
    else { return nil }
    let total = Double(histogram.total)
    let shares = histogram.counts.map { Double($0) / total }
    var low = min(histogram.lowerEdge, 0)
    var high = max(histogram.upperEdge, 0)
    let deterministic = summary.deterministic?.cumulativeNetImpact.last
    if let deterministic, deterministic.isFinite {
      low = min(low, deterministic)
      high = max(high, deterministic)
    }
    let xTicks = AxisTicks(covering: low, high, count: 6, minimumSpan: 10_000)
    // Shares start at zero; the small minimum span keeps a tall single bar's axis from being
    // padded below zero.
    let yTicks = AxisTicks(covering: 0, shares.max() ?? 1, count: 4, minimumSpan: 0.01)

    var entries: [(ChartFrame.Swatch, String)] = [
      (.band(fill: ChartPalette.saving), labels.savingBars),
      (.band(fill: ChartPalette.loss), labels.lossBars),
      (.line(stroke: ChartPalette.zero, width: 1.5, dash: nil, marker: nil), labels.zeroLine),
    ]
    if deterministic != nil {
      entries.append((
        .line(stroke: ChartPalette.deterministic, width: 2, dash: ChartPalette.deterministicDash,
          marker: nil), labels.baseValuesLine))
    }
    var frame = ChartFrame(
      xDomain: (xTicks.low, xTicks.high), yDomain: (yTicks.low, yTicks.high))
    frame.reserveLegend(entries.map(\.1))
    var svg = SVGBuilder(width: frame.width, height: frame.height)
    frame.drawYAxis(
      yTicks,
      labels: yTicks.values.map { AmountFormatting.percent($0, decimals: percentDecimals(yTicks)) },
      title: labels.shareOfIterations, into: &svg)
    frame.drawXLabels(
      zip(xTicks.values, xTicks.labels(scale: 1e-6)).map { ($0, $1) },
      title: labels.histogramAxis(lastYear), into: &svg)
    frame.drawLegend(entries, into: &svg)

    svg.beginGroup("data")
    for (index, share) in shares.enumerated() where share > 0 {
      let left = histogram.lowerEdge + Double(index) * histogram.width
      let x = frame.x(left)
      let width = frame.x(left + histogram.width) - x
      let top = frame.y(share)
      svg.rect(
        x, top, max(width - 0.5, 0.5), frame.y(0) - top,
        fill: left < 0 ? ChartPalette.saving : ChartPalette.loss)
    }
    let bottom = frame.top + frame.plotHeight
    svg.line(frame.x(0), frame.top, frame.x(0), bottom, stroke: ChartPalette.zero, width: 1.5)
    if let deterministic, deterministic.isFinite {
      svg.line(
        frame.x(deterministic), frame.top, frame.x(deterministic), bottom,
        stroke: ChartPalette.deterministic, width: 2, dash: ChartPalette.deterministicDash)
    }
    svg.endGroup()
    return svg.render(id: id, title: labels.histogramTitle(lastYear))
  }

  /// Whole percentages unless the ticks are finer than one point.
  private static func percentDecimals(_ ticks: AxisTicks) -> Int {
    ticks.step >= 0.01 ? 0 : ticks.decimals(scale: 100)
  }
}
