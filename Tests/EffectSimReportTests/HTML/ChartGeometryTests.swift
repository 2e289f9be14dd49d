import EffectSim
import Foundation
import FoundationXML
import Testing

@testable import EffectSimReport

@Suite("Chart geometry")
struct ChartGeometryTests {
  typealias S = HTMLTestSupport

  /// Every coordinate of every element in a chart's `data` group, as (x, y) points.
  static func points(_ element: XMLElement) -> [(Double, Double)] {
    func number(_ name: String) -> Double? { S.attribute(element, name).flatMap(Double.init) }
    switch element.localName {
    case "line":
      guard let x1 = number("x1"), let y1 = number("y1"), let x2 = number("x2"),
        let y2 = number("y2")
      else { return [(.nan, .nan)] }
      return [(x1, y1), (x2, y2)]
    case "rect":
      guard let x = number("x"), let y = number("y"), let w = number("width"),
        let h = number("height")
      else { return [(.nan, .nan)] }
      return [(x, y), (x + w, y + h)]
    case "circle":
      guard let x = number("cx"), let y = number("cy"), let r = number("r") else {
        return [(.nan, .nan)]
      }
      return [(x - r, y - r), (x + r, y + r)]
    case "polygon", "polyline":
      return (S.attribute(element, "points") ?? "").split(separator: " ").map { pair in
        let xy = pair.split(separator: ",").compactMap { Double($0) }
        return xy.count == 2 ? (xy[0], xy[1]) : (.nan, .nan)
      }
    default:
      return S.elements(element, "*").flatMap(points)
    }
  }

  /// Checks one SVG: data inside the plot area (markers may overhang by their radius).
  static func expectInside(_ svg: XMLElement, _ name: String) throws {
    let area = try #require(S.element(svg, "rect", where: "class", is: "plot-area"))
    func value(_ key: String) throws -> Double {
      try #require(S.attribute(area, key).flatMap(Double.init))
    }
    let (x, y, width, height) = (try value("x"), try value("y"), try value("width"),
      try value("height"))
    let data = try #require(S.element(svg, "g", where: "class", is: "data"))
    let children = (data.children ?? []).compactMap { $0 as? XMLElement }
    #expect(!children.isEmpty, "\(name): no data drawn")
    let slack = 5.1  // the largest marker's half-size
    for child in children {
      for (px, py) in points(child) {
        #expect(px >= x - slack && px <= x + width + slack, "\(name): x \(px) outside")
        #expect(py >= y - slack && py <= y + height + slack, "\(name): y \(py) outside")
      }
    }
    // Lines and bands, which have no marker overhang, stay strictly inside.
    for child in children
    where ["polygon", "rect", "line"].contains(child.localName ?? "")
      && S.attribute(child, "class") != "marker"
    {
      for (px, py) in points(child) {
        #expect(px >= x - 0.05 && px <= x + width + 0.05, "\(name): \(child) x \(px)")
        #expect(py >= y - 0.05 && py <= y + height + 0.05, "\(name): \(child) y \(py)")
      }
    }
  }

  static func summaries() throws -> [(String, RunSummary)] {
    var allPositive = Fixtures.summary(.montecarlo, years: 12)
    allPositive.horizon = HorizonSummary(samples: (1...500).map { Double($0) * 10_000 + 3e6 })
    allPositive.deterministic = DeterministicReading(
      netImpact: Array(repeating: 0, count: 12), cumulativeNetImpact: Array(repeating: 9e6, count: 12),
      paybackYears: [nil])
    return [
      ("run", try S.summary()), ("deterministic fixture", Fixtures.summary(.deterministic)),
      ("all positive, 12 years", allPositive),
    ]
  }

  @Test func dataStaysInsideThePlotArea() throws {
    for (name, summary) in try Self.summaries() {
      for chart in ReportChart.allCases {
        guard let svg = Renderer.renderChart(summary, chart) else { continue }
        let document = try S.document(svg)
        try Self.expectInside(try #require(document.rootElement()), "\(name) \(chart)")
      }
    }
  }

  @Test func xLabelsDoNotOverlapAndTicksAreRound() throws {
    for (name, summary) in try Self.summaries() {
      for chart in ReportChart.allCases {
        guard let svg = Renderer.renderChart(summary, chart) else { continue }
        let root = try #require(try S.document(svg).rootElement())
        let area = try #require(S.element(root, "rect", where: "class", is: "plot-area"))
        let bottom = try #require(S.attribute(area, "y").flatMap(Double.init))
          + (try #require(S.attribute(area, "height").flatMap(Double.init)))
        let labels = S.elements(root, "text").filter { text in
          let y = S.attribute(text, "y").flatMap(Double.init) ?? 0
          return abs(y - (bottom + 17)) < 0.5
        }
        #expect(labels.count >= 2, "\(name) \(chart)")
        var previousRight = -Double.infinity
        for label in labels {
          let x = try #require(S.attribute(label, "x").flatMap(Double.init))
          let half = SVGBuilder.textWidth(label.stringValue ?? "", size: 11) / 2
          #expect(x - half > previousRight, "\(name) \(chart): '\(label.stringValue ?? "")'")
          previousRight = x + half
        }
      }
    }
  }

  @Test(arguments: [(-1_234_567.0, 2_345_678.0), (0.0, 0.0), (0, 930), (5e6, 5e6), (-3e7, -1e5)])
  func axisTicksAreRoundAndCoverTheRange(low: Double, high: Double) {
    let ticks = AxisTicks(covering: low, high, minimumSpan: 10_000)
    #expect(ticks.low <= low && ticks.high >= high)
    #expect(ticks.values.count >= 2 && ticks.values.count <= 8)
    for value in ticks.values {
      let ratio = value / ticks.step
      #expect(abs(ratio - ratio.rounded()) < 1e-9)
    }
    // Labels in mio. kr. are distinct: no two ticks print the same.
    let labels = ticks.labels(scale: 1e-6)
    #expect(Set(labels).count == labels.count)
  }

  @Test func chartsAreStandaloneSVGFiles() throws {
    let svg = try #require(Renderer.renderChart(try S.summary(), .fan))
    #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
    #expect(svg.contains("class=\"plot-area\""))
    #expect(!svg.contains("style="))
  }
}

@Suite("Histogram axis")
struct HistogramAxisTests {
  @Test func shareAxisStartsAtZeroAndCoversTheTallestBar() throws {
    var summary = Fixtures.summary(.montecarlo)
    // 40 bins of nearly equal height: the tallest bar is a few percent.
    summary.horizon = HorizonSummary(samples: (0..<4000).map { Double($0) * 250 })
    let svg = try #require(Renderer.renderChart(summary, .histogram))
    let root = try #require(try HTMLTestSupport.document(svg).rootElement())
    let labels = HTMLTestSupport.elements(root, "text").compactMap(\.stringValue)
    #expect(labels.contains("0 %"))
    #expect(!labels.contains { $0.hasPrefix("-") && $0.hasSuffix("%") })
  }
}
