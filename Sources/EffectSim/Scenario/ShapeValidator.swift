/// Checks a JSON document against the declared shapes of the format.
///
/// It reports every structural problem it finds, not only the first, so an analyst fixing a
/// file sees the whole list at once. Values of the wrong type are not descended into.
struct ShapeValidator {
  private(set) var errors: [ScenarioError] = []

  mutating func check(_ value: JSONValue, against shape: ValueShape, at path: String) {
    switch shape {
    case .string(let enumeration, let pattern):
      guard case .string(let text) = value else { return mismatch(value, shape, path) }
      if let enumeration, !enumeration.contains(text) {
        var message = "unknown value \"\(text)\"; expected \(shape.expectation)"
        // With one allowed value the expectation already names it.
        if enumeration.count > 1, let guess = Suggestion.closest(to: text, among: enumeration) {
          message += " (did you mean \"\(guess)\"?)"
        }
        errors.append(ScenarioError(path: path, message: message))
      }
      if let pattern, !Self.matches(text, pattern: pattern) {
        errors.append(ScenarioError(path: path, message: Self.patternMessage(text, pattern)))
      }
    case .integer(let minimum, let maximum):
      guard case .number(let number) = value else { return mismatch(value, shape, path) }
      guard number.rounded() == number else {
        return errors.append(ScenarioError(
          path: path, message: "expected a whole number, found \(JSONValue.format(number))"))
      }
      let found = JSONValue.format(number)
      if let minimum, number < Double(minimum) {
        errors.append(
          ScenarioError(path: path, message: "must be at least \(minimum), found \(found)"))
      } else if let maximum, number > Double(maximum) {
        errors.append(
          ScenarioError(path: path, message: "must be at most \(maximum), found \(found)"))
      } else if abs(number) >= 1e15 {
        // The decoder converts integers to `Int`; beyond 15 digits none has a meaning here.
        errors.append(ScenarioError(
          path: path, message: "must have at most 15 digits, found \(found)"))
      }
    case .number:
      guard case .number = value else { return mismatch(value, shape, path) }
    case .boolean:
      guard case .bool = value else { return mismatch(value, shape, path) }
    case .expression:
      switch value {
      case .number, .string: break
      default: mismatch(value, shape, path)
      }
    case .array(let elementShape, let minItems, let maxItems):
      guard case .array(let elements) = value else { return mismatch(value, shape, path) }
      if let minItems, elements.count < minItems {
        errors.append(ScenarioError(
          path: path, message: "needs at least \(minItems) element\(minItems == 1 ? "" : "s")"))
      }
      if let maxItems, elements.count > maxItems {
        errors.append(ScenarioError(
          path: path, message: "takes at most \(maxItems) elements, found \(elements.count)"))
      }
      for (index, element) in elements.enumerated() {
        check(element, against: elementShape, at: path.jsonPath(index))
      }
    case .object(let object):
      guard case .object(let members) = value else { return mismatch(value, shape, path) }
      checkObject(members, object, at: path)
    case .map(let element, let keyPattern):
      guard case .object(let members) = value else { return mismatch(value, shape, path) }
      for (key, member) in members {
        let memberPath = path.jsonPath(key)
        if key == "comment" {
          checkComment(member, at: memberPath)
          continue
        }
        if !Self.matches(key, pattern: keyPattern) {
          errors.append(ScenarioError(path: memberPath, message: Self.patternMessage(key, keyPattern)))
        }
        check(member, against: element, at: memberPath)
      }
    case .oneOf(let alternatives):
      guard let chosen = alternatives.first(where: { Self.jsonTypeMatches(value, $0) }) else {
        return mismatch(value, shape, path)
      }
      check(value, against: chosen, at: path)
    }
  }

  private mutating func checkObject(
    _ members: [(key: String, value: JSONValue)], _ object: ObjectShape, at path: String
  ) {
    // Looked up once: an object with many unknown keys must not cost keys × members each.
    let present = Set(members.map(\.key))
    for (key, member) in members {
      let memberPath = path.jsonPath(key)
      if key == "comment" {
        checkComment(member, at: memberPath)
        continue
      }
      guard let keyShape = object.key(key) else {
        var message = "unknown key \"\(key)\""
        let candidates = object.keys.map(\.name).filter { !present.contains($0) }
        if let guess = Suggestion.closest(to: key, among: candidates) {
          message += " (did you mean \"\(guess)\"?)"
        } else {
          message += "; expected one of " + object.keys.map(\.name).joined(separator: ", ")
        }
        errors.append(ScenarioError(path: memberPath, message: message))
        continue
      }
      check(member, against: keyShape.shape, at: memberPath)
    }
    for keyShape in object.keys where keyShape.required {
      if !present.contains(keyShape.name) {
        errors.append(ScenarioError(
          path: path, message: "missing required key \"\(keyShape.name)\" (\(keyShape.summary))"))
      }
    }
    if !object.exactlyOneOf.isEmpty {
      let given = object.exactlyOneOf.filter(present.contains)
      if given.count != 1 {
        let listed = object.exactlyOneOf.joined(separator: ", ")
        let message = given.isEmpty
          ? "needs one distribution key: one of \(listed)"
          : "has \(given.count) distribution keys (\(given.joined(separator: ", "))); give one"
        errors.append(ScenarioError(path: path, message: message))
      }
    }
  }

  private mutating func checkComment(_ value: JSONValue, at path: String) {
    if case .string = value { return }
    errors.append(ScenarioError(path: path, message: "a comment must be a string"))
  }

  private mutating func mismatch(_ value: JSONValue, _ shape: ValueShape, _ path: String) {
    errors.append(ScenarioError(
      path: path, message: "expected \(shape.expectation), found \(value.typeName)"))
  }

  private static func jsonTypeMatches(_ value: JSONValue, _ shape: ValueShape) -> Bool {
    switch (value, shape) {
    case (.string, .string), (.number, .integer), (.number, .number), (.bool, .boolean),
      (.number, .expression), (.string, .expression), (.array, .array), (.object, .object),
      (.object, .map):
      return true
    default:
      return false
    }
  }

  /// The patterns of the format are all "one leading class, then a repeated class", or four
  /// digits; matching them by hand avoids a regular-expression engine at run time.
  static func matches(_ text: String, pattern: String) -> Bool {
    let scalars = Array(text.unicodeScalars)
    func isLetter(_ s: Unicode.Scalar) -> Bool {
      (s.value >= 65 && s.value <= 90) || (s.value >= 97 && s.value <= 122) || s == "_"
    }
    func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }
    switch pattern {
    case ScenarioFormat.identifierPattern:
      guard let first = scalars.first, isLetter(first) else { return false }
      return scalars.dropFirst().allSatisfy { isLetter($0) || isDigit($0) }
    case ScenarioFormat.stateIDPattern:
      guard let first = scalars.first, isLetter(first) else { return false }
      return scalars.dropFirst().allSatisfy { isLetter($0) || isDigit($0) || $0 == "-" }
    case ScenarioFormat.yearPattern:
      return scalars.count == 4 && scalars.allSatisfy(isDigit)
    case ScenarioFormat.namePattern:
      return !scalars.isEmpty
    default:
      return true
    }
  }

  private static func patternMessage(_ text: String, _ pattern: String) -> String {
    switch pattern {
    case ScenarioFormat.identifierPattern:
      return "\"\(text)\" is not a valid name: use letters, digits and _, not starting with a digit"
    case ScenarioFormat.stateIDPattern:
      return "\"\(text)\" is not a valid id: use letters, digits, _ and -, starting with a letter"
    case ScenarioFormat.yearPattern:
      return "\"\(text)\" is not a year (four digits)"
    case ScenarioFormat.namePattern:
      return "a name must not be empty"
    default:
      return "\"\(text)\" does not match \(pattern)"
    }
  }
}
