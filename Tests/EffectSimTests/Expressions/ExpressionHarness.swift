@testable import EffectSim

/// Parses, compiles and evaluates expressions against named values, for tests.
enum ExpressionHarness {
  /// Names get slots in the order given; `values` are read by the same order.
  static func compile(
    _ source: String, names: [String] = [], cyclesPerYear: Double = 12
  ) throws -> CompiledExpression {
    var slots: [String: Int] = [:]
    for (index, name) in names.enumerated() { slots[name] = index }
    return try Expression.parse(source).compile(slots: slots, cyclesPerYear: cyclesPerYear)
  }

  static func value(
    _ source: String, _ bindings: KeyValuePairs<String, Double> = [:],
    cyclesPerYear: Double = 12
  ) throws -> Double {
    let program = try compile(
      source, names: bindings.map(\.key), cyclesPerYear: cyclesPerYear)
    return try program.evaluate(bindings.map(\.value))
  }

  /// The error thrown while parsing and compiling, or nil when there is none.
  static func compileError(_ source: String, names: [String] = []) -> ExpressionError? {
    do {
      _ = try compile(source, names: names)
      return nil
    } catch let error as ExpressionError {
      return error
    } catch {
      return nil
    }
  }

  /// The error thrown while evaluating, or nil when evaluation succeeds.
  static func evaluationError(
    _ source: String, _ bindings: KeyValuePairs<String, Double> = [:]
  ) throws -> EvaluationError? {
    let program = try compile(source, names: bindings.map(\.key))
    do {
      _ = try program.evaluate(bindings.map(\.value))
      return nil
    } catch {
      return error
    }
  }

  /// Relative closeness for values computed along different but equivalent routes.
  static func close(_ a: Double, _ b: Double, tolerance: Double = 1e-12) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(a), abs(b))
  }
}
