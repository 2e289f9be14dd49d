import Testing

@testable import EffectSim

@Suite("JSON Schema of the scenario format")
struct JSONSchemaTests {
  /// Every object shape reachable from the top level, each once.
  static func objectShapes() -> [ObjectShape] {
    var found: [ObjectShape] = []
    var seen = Set<String>()
    func walk(_ shape: ValueShape) {
      switch shape {
      case .array(let element, _, _), .map(let element, _): walk(element)
      case .oneOf(let alternatives): alternatives.forEach(walk)
      case .object(let object): visit(object)
      default: break
      }
    }
    func visit(_ object: ObjectShape) {
      guard seen.insert(object.title).inserted else { return }
      found.append(object)
      for key in object.keys { walk(key.shape) }
    }
    visit(ScenarioFormat.scenario)
    return found
  }

  static func member(_ value: JSONValue, _ key: String) -> JSONValue? {
    guard case .object(let members) = value else { return nil }
    return members.first { $0.key == key }?.value
  }

  static func keys(_ value: JSONValue?) -> [String] {
    guard case .object(let members)? = value else { return [] }
    return members.map(\.key)
  }

  @Test func everyKeyTheValidatorAcceptsIsInTheSchema() throws {
    let schema = ScenarioFormat.jsonSchema()
    let definitions = try #require(Self.member(schema, "$defs"))
    let shapes = Self.objectShapes()
    // The walk reaches the nested shapes too (distributions, costs, transitions, ...).
    #expect(shapes.count >= 15)
    for shape in shapes {
      let body = shape.title == ScenarioFormat.scenario.title
        ? schema : try #require(Self.member(definitions, shape.title), "\(shape.title)")
      let properties = Self.keys(Self.member(body, "properties"))
      for key in shape.keys {
        #expect(properties.contains(key.name), "\(shape.title).\(key.name) missing")
      }
      // The format allows `comment` in every object; nothing else beyond the shape.
      #expect(Set(properties) == Set(shape.keys.map(\.name) + ["comment"]), "\(shape.title)")
      #expect(Self.member(body, "additionalProperties") == .bool(false))
      let required = Self.member(body, "required").map { value -> [String] in
        guard case .array(let names) = value else { return [] }
        return names.compactMap { if case .string(let name) = $0 { name } else { nil } }
      } ?? []
      #expect(Set(required) == Set(shape.keys.filter(\.required).map(\.name)), "\(shape.title)")
    }
  }

  @Test func declaresDraft2020_12() {
    let schema = ScenarioFormat.jsonSchema()
    #expect(Self.member(schema, "$schema") == .string("https://json-schema.org/draft/2020-12/schema"))
  }
}
