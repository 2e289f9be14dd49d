import EffectSim
import Foundation
import FoundationXML

@testable import EffectSimReport

/// A real run of a small scenario, and helpers to read the HTML report as XML.
enum HTMLTestSupport {
  static let scenario = """
    {"format": "effectsim/1", "name": "Small <IPS> & \\"case\\"", "source": "test", "start": 2020,
     "years": 3, "priceLevel": "2020 p/l",
     "parameters": {
       "share": {"beta": {"successes": 30, "trials": 50}, "note": "effect", "source": "trial"},
       "level": {"discrete": {"values": [11000, 15000], "weights": [1, 1]}, "scope": "person"},
       "team": {"pert": {"min": 300000, "mode": 400000, "max": 600000}}},
     "states": [
       {"id": "benefit", "costs": [{"area": "Overførsler", "perCycle": "level * 0.8"}]},
       {"id": "job", "outcomes": {"employed": "1/cyclesPerYear"}}],
     "arms": {
       "intervention": {"transitions": [{"from": "benefit", "to": "job", "p": "reach(share, 18)", "cycles": [0, 18]}]},
       "control": {"transitions": [{"from": "benefit", "to": "job", "p": "reach(0.4, 18)", "cycles": [0, 18]}]}},
     "cohort": {"intake": [{"year": 2020, "count": 15, "spread": "even"}]},
     "lineItems": [{"label": "Team", "area": "Indsats", "byYear": {"2020": "team", "2021": 400000}}],
     "payback": [{"name": "Totaløkonomi", "areas": "all"}, {"name": "Overførsler", "areas": ["Overførsler"]}],
     "report": {"occupancyAt": [18]}}
    """

  /// A Monte Carlo summary with the deterministic reading attached, as `run --format html`
  /// makes it.
  static func summary(iterations: Int = 2000) throws -> RunSummary {
    let model = try Model.load(Array(scenario.utf8))
    var summary = try Simulation.monteCarlo(
      model, options: RunOptions(iterations: iterations, seed: 9, threads: 2))
    summary.attachDeterministic(try Simulation.deterministic(model))
    return summary
  }

  /// The report parsed as XML: it must be well-formed to parse at all.
  static func document(_ html: String) throws -> XMLDocument {
    try XMLDocument(data: Data(html.utf8), options: [])
  }

  /// Every descendant element called `name` (namespaces ignored), in document order.
  static func elements(_ node: XMLNode, _ name: String) -> [XMLElement] {
    var found: [XMLElement] = []
    for child in node.children ?? [] {
      if let element = child as? XMLElement {
        if element.localName == name { found.append(element) }
        found += elements(element, name)
      }
    }
    return found
  }

  /// The first descendant called `name` whose `attribute` is `value`.
  static func element(
    _ node: XMLNode, _ name: String, where attribute: String, is value: String
  ) -> XMLElement? {
    elements(node, name).first { Self.attribute($0, attribute) == value }
  }

  /// An attribute by its plain name. (Searched by hand: on Linux `attribute(forName:)` does
  /// not find unprefixed attributes of elements in a default namespace.)
  static func attribute(_ element: XMLElement, _ name: String) -> String? {
    element.attributes?.first { $0.name == name || $0.localName == name }?.stringValue
  }

  /// The JSON output of the same summary, as Foundation objects.
  ///
  /// Read with EffectSim's own parser: Foundation's on Linux can miss a number's last bit,
  /// and the comparison with the report is exact.
  static func json(_ summary: RunSummary) throws -> [String: Any] {
    let text = Renderer.render(summary, as: .json)
    return foundation(try JSONParser.parse(text)) as? [String: Any] ?? [:]
  }

  private static func foundation(_ value: JSONValue) -> Any {
    switch value {
    case .null: return NSNull()
    case .bool(let flag): return flag
    case .number(let number): return number
    case .integer(let digits): return Double(digits) ?? .nan
    case .string(let text): return text
    case .array(let elements): return elements.map(foundation)
    case .object(let members):
      return Dictionary(members.map { ($0.key, foundation($0.value)) }) { first, _ in first }
    }
  }
}
