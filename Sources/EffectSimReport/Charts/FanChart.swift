import EffectSim

/// Cumulative net impact by year as a fan: the 5–95 % and 25–75 % bands, the median, the
/// model at base values, the business case's own figures (when the scenario has a `claim`)
/// and the zero line, in mio. kr.
///
/// Bands are drawn only for the percentile levels the run computed; a deterministic run
/// draws its single line. Points sit at the end of each calendar year.
enum FanChart {
  static let id = "fan-chart"

  static func render(_ summary: RunSummary, labels: Labels) -> String {
    let monteCarlo = summary.settings.mode == .montecarlo
    return render(
      summary.cumulativeNetImpact.total, years: summary.years, monteCarlo: monteCarlo,
      deterministic: monteCarlo ? summary.deterministic?.cumulativeNetImpact : nil,
      claim: summary.claim?.cumulative, id: id, title: labels.fanChartTitle,
      axis: labels.cumulativeNetImpactAxis, zero: labels.zeroLine, labels: labels)
  }

  /// A fan of any yearly series of amounts (the paired differences of `compare` too).
  /// - Parameters:
  ///   - series: one statistic per year.
  ///   - deterministic, claim: the dashed lines to draw over the fan, if any.
  ///   - id, title: the SVG's id and accessible title.
  ///   - axis, zero: the y axis's title and the zero line's legend entry.
  static func render(
    _ series: [Statistic], years: [Int], monteCarlo: Bool, deterministic: [Double]?,
    claim: [Double]?, id: String, title: String, axis: String, zero: String, labels: Labels
  ) -> String {
    func level(_ p: Double) -> [Double]? {
      let values = series.map { $0.value(atPercentile: p) }
      guard monteCarlo, values.allSatisfy({ $0?.isFinite == true }) else { return nil }
      return values.compactMap { $0 }
    }
    let outer = level(5).flatMap { low in level(95).map { (low, $0) } }
    let inner = level(25).flatMap { low in level(75).map { (low, $0) } }
    let centre = monteCarlo ? (level(50) ?? series.map(\.mean)) : series.map(\.mean)

    var everything = centre + [0]
    if let outer { everything += outer.0 + outer.1 }
    if let inner { everything += inner.0 + inner.1 }
    if let deterministic { everything += deterministic }
    if let claim { everything += claim }
    let finite = everything.filter(\.isFinite)
    let ticks = AxisTicks(covering: finite.min() ?? 0, finite.max() ?? 1, minimumSpan: 10_000)

    var entries: [(ChartFrame.Swatch, String)] = []
    if outer != nil { entries.append((.band(fill: ChartPalette.outerBand), "5-95 %")) }
    if inner != nil { entries.append((.band(fill: ChartPalette.innerBand), "25-75 %")) }
    entries.append((
      .line(stroke: ChartPalette.median, width: 2.5, dash: nil, marker: .circle),
      monteCarlo ? labels.medianCapitalized : labels.deterministic))
    if deterministic != nil {
      entries.append((
        .line(stroke: ChartPalette.deterministic, width: 2, dash: ChartPalette.deterministicDash,
          marker: nil), labels.baseValuesLine))
    }
    if claim != nil {
      entries.append((
        .line(stroke: ChartPalette.claim, width: 2, dash: ChartPalette.claimDash,
          marker: .square), labels.claimLine))
    }
    entries.append(
      (.line(stroke: ChartPalette.zero, width: 1.2, dash: nil, marker: nil), zero))

    var frame = ChartFrame(
      xDomain: (-0.5, Double(max(years.count, 1)) - 0.5), yDomain: (ticks.low, ticks.high))
    frame.reserveLegend(entries.map(\.1))
    var svg = SVGBuilder(width: frame.width, height: frame.height)
    frame.drawYAxis(
      ticks, labels: ticks.labels(scale: 1e-6), title: axis, into: &svg)
    frame.drawXLabels(
      years.enumerated().map { (Double($0.offset), String($0.element)) },
      title: labels.endOfYear, into: &svg)
    frame.drawLegend(entries, into: &svg)

    let xs = years.indices.map { frame.x(Double($0)) }
    func points(_ values: [Double]) -> [(Double, Double)] {
      zip(xs, values).map { ($0, frame.y($1)) }
    }
    svg.beginGroup("data")
    if let outer {
      svg.polygon(points(outer.1) + points(outer.0).reversed(), fill: ChartPalette.outerBand)
    }
    if let inner {
      svg.polygon(points(inner.1) + points(inner.0).reversed(), fill: ChartPalette.innerBand)
    }
    svg.line(
      frame.left, frame.y(0), frame.left + frame.plotWidth, frame.y(0), stroke: ChartPalette.zero,
      width: 1.2)
    if let deterministic {
      svg.polyline(
        points(deterministic), stroke: ChartPalette.deterministic, width: 2,
        dash: ChartPalette.deterministicDash)
    }
    svg.polyline(points(centre), stroke: ChartPalette.median, width: 2.5)
    for (x, y) in points(centre) { svg.marker(.circle, x, y, fill: ChartPalette.median) }
    // The claim last, on top: where a model reproduces the document (the spreadsheet
    // encodings), its dotted line and squares still show over the model's own.
    if let claim {
      svg.polyline(
        points(claim), stroke: ChartPalette.claim, width: 2, dash: ChartPalette.claimDash)
      for (x, y) in points(claim) { svg.marker(.square, x, y, fill: ChartPalette.claim) }
    }
    svg.endGroup()
    return svg.render(id: id, title: title)
  }
}
