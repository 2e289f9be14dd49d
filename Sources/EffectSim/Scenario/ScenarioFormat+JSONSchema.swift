extension ScenarioFormat {
  /// The scenario format as a JSON Schema (draft 2020-12), generated from the same shapes the
  /// validator checks, so editors and `effectsim validate` agree on keys, types, enumerations
  /// and required fields.
  public static func jsonSchema() -> JSONValue {
    var definitions: [(key: String, value: JSONValue)] = []
    var defined = Set<String>()
    func schema(_ shape: ValueShape) -> JSONValue {
      switch shape {
      case .string(let enumeration, let pattern):
        var members: [(key: String, value: JSONValue)] = [("type", .string("string"))]
        if let enumeration { members.append(("enum", .array(enumeration.map(JSONValue.string)))) }
        if let pattern { members.append(("pattern", .string(pattern))) }
        return .object(members)
      case .integer(let minimum, let maximum):
        var members: [(key: String, value: JSONValue)] = [("type", .string("integer"))]
        if let minimum { members.append(("minimum", .number(Double(minimum)))) }
        if let maximum { members.append(("maximum", .number(Double(maximum)))) }
        return .object(members)
      case .number:
        return .object([("type", .string("number"))])
      case .boolean:
        return .object([("type", .string("boolean"))])
      case .expression:
        return .object([("$ref", .string("#/$defs/Expression"))])
      case .array(let element, let minItems, let maxItems):
        var members: [(key: String, value: JSONValue)] = [
          ("type", .string("array")), ("items", schema(element)),
        ]
        if let minItems { members.append(("minItems", .number(Double(minItems)))) }
        if let maxItems { members.append(("maxItems", .number(Double(maxItems)))) }
        return .object(members)
      case .object(let object):
        if !defined.contains(object.title) {
          defined.insert(object.title)
          definitions.append((object.title, .null))
          let body = objectSchema(object)
          if let index = definitions.firstIndex(where: { $0.key == object.title }) {
            definitions[index].value = body
          }
        }
        return .object([("$ref", .string("#/$defs/\(object.title)"))])
      case .map(let element, let keyPattern):
        return .object([
          ("type", .string("object")),
          ("properties", .object([("comment", .object([("type", .string("string"))]))])),
          ("propertyNames", .object([("anyOf", .array([
            .object([("pattern", .string(keyPattern))]),
            .object([("const", .string("comment"))]),
          ]))])),
          ("additionalProperties", schema(element)),
        ])
      case .oneOf(let shapes):
        return .object([("oneOf", .array(shapes.map(schema)))])
      }
    }
    func objectSchema(_ object: ObjectShape) -> JSONValue {
      var properties: [(key: String, value: JSONValue)] = object.keys.map { key in
        guard case .object(var members) = schema(key.shape) else { return (key.name, .null) }
        members.append(("description", .string(key.summary)))
        return (key.name, .object(members))
      }
      properties.append(("comment", .object([("type", .string("string"))])))
      var members: [(key: String, value: JSONValue)] = [
        ("type", .string("object")), ("properties", .object(properties)),
        ("additionalProperties", .bool(false)),
      ]
      let required = object.keys.filter(\.required).map { JSONValue.string($0.name) }
      if !required.isEmpty { members.append(("required", .array(required))) }
      if !object.exactlyOneOf.isEmpty {
        members.append(("oneOf", .array(object.exactlyOneOf.map { name in
          .object([("required", .array([.string(name)]))])
        })))
      }
      return .object(members)
    }
    let root = objectSchema(scenario)
    definitions.append(("Expression", .object([
      ("description", .string("a number, or a string with an expression over parameters")),
      ("type", .array([.string("number"), .string("string")])),
    ])))
    guard case .object(let rootMembers) = root else { return root }
    return .object([
      ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
      ("$id", .string("https://effectsim.example/effectsim.schema.json")),
      ("title", .string("EffectSim scenario, format \(version)")),
    ] + rootMembers + [("$defs", .object(definitions))])
  }
}
