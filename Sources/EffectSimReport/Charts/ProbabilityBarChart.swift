import EffectSim

/// One bar per scenario on a 0–100 % axis: the probability that each is the cheapest
/// (`compare`). Names sit in the legend, each bar carries its value on top.
enum ProbabilityBarChart {
  static let id = "best-chart"

  static func render(_ names: [String], _ probabilities: [Double], labels: Labels) -> String {
    let ticks = AxisTicks(covering: 0, 1, count: 4)
    let entries: [(ChartFrame.Swatch, String)] = names.enumerated().map { index, name in
      let style = ChartPalette.series[index % ChartPalette.series.count]
      return (.band(fill: style.colour), ReportText.singleLine(name))
    }
    var frame = ChartFrame(
      xDomain: (-0.5, Double(max(names.count, 1)) - 0.5), yDomain: (ticks.low, ticks.high))
    frame.height = 260
    frame.reserveLegend(entries.map(\.1))
    var svg = SVGBuilder(width: frame.width, height: frame.height)
    frame.drawYAxis(
      ticks, labels: ticks.values.map { AmountFormatting.percent($0, decimals: 0) },
      title: labels.probabilityAxis, into: &svg)
    frame.drawLegend(entries, into: &svg)
    let slot = frame.plotWidth / Double(max(names.count, 1))
    svg.beginGroup("data")
    for (index, p) in probabilities.enumerated() {
      let share = min(max(p, 0), 1)
      let style = ChartPalette.series[index % ChartPalette.series.count]
      let x = frame.x(Double(index))
      let top = frame.y(share)
      svg.rect(x - slot * 0.3, top, slot * 0.6, frame.y(0) - top, fill: style.colour, kind: "bar")
      svg.text(x, top - 5, AmountFormatting.percent(p), anchor: "middle", size: 11, bold: true)
    }
    svg.endGroup()
    return svg.render(id: id, title: labels.probabilityBestTitle)
  }
}
