import EffectSim

/// Structured mutations of a scenario document, from a fixed seed: the edits a mistaken or
/// hostile author makes — extreme numbers, broken or crossed names, dangerous expressions,
/// deleted, duplicated and retyped values — applied to the bundled business cases.
struct ScenarioMutator {
  private var rng: Xoshiro256PlusPlus

  init(seed: UInt64, stream: UInt64) {
    rng = Xoshiro256PlusPlus(seed: seed, stream: stream)
  }

  static let numbers: [Double] = [
    0, -0.0, -1, 1, 0.5, 2, 12, 13, 100, 101, 1200, 9999, 10_000, 1e-300, .leastNonzeroMagnitude,
    0.999999999, 1.000000001, 1e6, 1e7, 1e15, 9_007_199_254_740_992, 1e154, 1e300, 1e308, -1e308,
    -0.9, -1e15,
  ]

  static let strings: [String] = [
    "", "x", "1e308 * 1e308", "0 / 0", "1 / 0", "ln(0)", "exp(1000)", "sqrt(-1)", "min(1)",
    "(((", "reach(2, 0)", "reach(0.5, 1e308)", "perCycle(-5)", "clamp(1, 2, 0)", "1e308",
    "-1", "cyclesPerYear ^ 400", "max(1e308, 1e308) * 10", "2 ^ -1080", "abs(-1e308) * 2",
    "month", "year", "person", "all", "coupled", "independent", "end", "average", "2018",
  ]

  mutating func pick(_ count: Int) -> Int { Int(rng.next() % UInt64(count)) }
  mutating func chance(_ percent: Int) -> Bool { pick(100) < percent }

  /// A mutant of `document`: one edit, sometimes two or three (a valid mutant exercises the
  /// runs and renderers, so most mutants should stay close to a valid file).
  mutating func mutate(_ document: JSONValue) -> JSONValue {
    var result = document
    let edits = chance(70) ? 1 : chance(70) ? 2 : 3
    for _ in 0..<edits { result = edit(result) }
    return result
  }

  /// One edit at a random place of the tree.
  private mutating func edit(_ value: JSONValue) -> JSONValue {
    let names = Self.strings + collectStrings(value)
    return editSomewhere(value, names: names, depth: 0)
  }

  private mutating func editSomewhere(
    _ value: JSONValue, names: [String], depth: Int
  ) -> JSONValue {
    // Descend with a probability that keeps edits spread over all depths.
    switch value {
    case .object(var members) where !members.isEmpty && (depth == 0 || chance(70)):
      let index = pick(members.count)
      if chance(5) {
        members.remove(at: index)
      } else if chance(3) {
        members.append((names[pick(names.count)], members[index].value))
      } else {
        members[index].value = editSomewhere(members[index].value, names: names, depth: depth + 1)
      }
      return .object(members)
    case .array(var elements) where !elements.isEmpty && chance(70):
      let index = pick(elements.count)
      if chance(5) {
        elements.remove(at: index)
      } else if chance(8) {
        let copies = [1, 2, 10][pick(3)]
        elements += Array(repeating: elements[index], count: copies)
      } else {
        elements[index] = editSomewhere(elements[index], names: names, depth: depth + 1)
      }
      return .array(elements)
    default:
      return replace(value, names: names)
    }
  }

  /// A new value in place of `value`: usually of the same kind, sometimes of another.
  private mutating func replace(_ value: JSONValue, names: [String]) -> JSONValue {
    if chance(4) {
      let others: [JSONValue] = [.null, .bool(true), .array([]), .object([]), .string("1")]
      return others[pick(others.count)]
    }
    switch value {
    case .number(let x):
      switch pick(4) {
      case 0: return .number(-x)
      case 1: return .number(x * Self.numbers[pick(Self.numbers.count)])
      default: return .number(Self.numbers[pick(Self.numbers.count)])
      }
    case .string(let text):
      switch pick(4) {
      case 0: return .string(text + " * " + names[pick(names.count)])
      case 1: return .string(names[pick(names.count)])
      default: return .string(Self.strings[pick(Self.strings.count)])
      }
    case .bool(let flag):
      return .bool(!flag)
    default:
      return .number(Self.numbers[pick(Self.numbers.count)])
    }
  }

  /// The strings and keys of a document: state ids, parameter names, areas, years.
  private func collectStrings(_ value: JSONValue) -> [String] {
    var found: [String] = []
    func walk(_ value: JSONValue) {
      switch value {
      case .string(let text) where text.count < 40: found.append(text)
      case .object(let members):
        for (key, member) in members {
          found.append(key)
          walk(member)
        }
      case .array(let elements): elements.forEach(walk)
      default: break
      }
    }
    walk(value)
    return found
  }
}
