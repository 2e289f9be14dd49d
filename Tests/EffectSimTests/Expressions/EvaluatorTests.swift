import Foundation
import Testing

@testable import EffectSim

@Suite("Expression evaluator")
struct EvaluatorTests {
  typealias H = ExpressionHarness

  @Test("arithmetic on slots")
  func arithmetic() throws {
    let bindings: KeyValuePairs<String, Double> = ["a": 7, "b": 2]
    #expect(try H.value("a + b", bindings) == 9)
    #expect(try H.value("a - b", bindings) == 5)
    #expect(try H.value("a * b", bindings) == 14)
    #expect(try H.value("a / b", bindings) == 3.5)
    #expect(try H.value("a ^ b", bindings) == 49)
    #expect(try H.value("-a", bindings) == -7)
    #expect(try H.value("-a^b", bindings) == -49)
    #expect(try H.value("b^a^0.5", bindings) == pow(2, pow(7, 0.5)))
  }

  /// Each function at x = 0.3, y = 4, z = −1.5, with its closed form.
  static let closedForms: [(String, Double)] = [
    ("min(x, y)", min(0.3, 4.0)), ("min(y, x, z)", -1.5), ("max(x, y)", 4.0),
    ("max(x, z, y, x)", 4.0), ("abs(z)", 1.5), ("abs(x)", 0.3), ("exp(x)", exp(0.3)),
    ("ln(y)", log(4.0)), ("sqrt(y)", 2.0), ("clamp(y, 0, 1)", 1.0), ("clamp(z, 0, 1)", 0.0),
    ("clamp(x, 0, 1)", 0.3), ("clamp(x, 1, 0)", 0.0),
    ("reach(x, 18)", 1 - pow(1 - 0.3, 1.0 / 18)), ("reach(x, 1)", 0.3),
    ("reach(1, 18)", 1.0), ("reach(0, 18)", 0.0), ("reach(x, 0.5)", 1 - pow(0.7, 2.0)),
    ("perCycle(x)", 1 - pow(1 - 0.3, 1.0 / 12)),
    ("1 - (1 - reach(x, 18))^18", 0.3),
  ]

  @Test("functions against closed forms", arguments: closedForms)
  func functions(source: String, expected: Double) throws {
    let actual = try H.value(source, ["x": 0.3, "y": 4, "z": -1.5])
    #expect(H.close(actual, expected), "\(source) = \(actual), expected \(expected)")
  }

  @Test("reach keeps relative precision for tiny shares")
  func reachTinyShare() throws {
    // 1 − (1 − s)^(1/n) = s/n + s²(n − 1)/(2n²) + O(s³); computed directly, forming 1 − s
    // would cost about 12 of the 16 digits here.
    let (s, n) = (1e-12, 12.0)
    let expected = s / n + s * s * (n - 1) / (2 * n * n)
    let actual = try H.value("reach(1e-12, 12)")
    #expect(abs(actual - expected) <= 1e-14 * expected)
  }

  @Test("perCycle with yearly cycles is the identity", arguments: [0.0, 0.1, 0.5, 0.99, 1])
  func perCycleYearly(p: Double) throws {
    #expect(H.close(try H.value("perCycle(p)", ["p": p], cyclesPerYear: 1), p))
  }

  @Test("reach compounds back to the share", arguments: [0.01, 0.25, 0.6, 0.95])
  func reachRoundTrip(share: Double) throws {
    let perCycle = try H.value("reach(s, 24)", ["s": share])
    #expect(H.close(1 - pow(1 - perCycle, 24), share))
  }

  @Test("evaluating twice with different values")
  func reuse() throws {
    let program = try H.compile("a * b + 1", names: ["a", "b"])
    #expect(try program.evaluate([2, 3]) == 7)
    #expect(try program.evaluate([4, 5]) == 21)
    let values: [Double] = [0.5, 10]
    let viaBuffer = try values.withUnsafeBufferPointer { buffer in
      Result { () throws(EvaluationError) -> Double in try program.evaluate(buffer) }
    }.get()
    #expect(viaBuffer == 6)
  }

  @Test(
    "run errors",
    arguments: [
      ("a / b", EvaluationError.Kind.divisionByZero), ("a / (b * 3)", .divisionByZero),
      ("b / b", .divisionByZero), ("ln(b)", .logOfNonPositive(0)),
      ("ln(c)", .logOfNonPositive(-2)), ("ln(-a)", .logOfNonPositive(-1)),
      ("sqrt(c)", .nonFinite), ("exp(a * 1000)", .nonFinite), ("10^(a * 400)", .nonFinite),
      ("c^0.5", .nonFinite), ("b^c", .nonFinite), ("reach(a, b)", .divisionByZero),
      ("reach(2.5, 2)", .nonFinite), ("min(exp(1000 * a), 1)", .nonFinite),
      ("a * 1e308 * 10", .nonFinite), ("inf", .nonFinite), ("n + 1", .nonFinite),
    ])
  func runErrors(source: String, kind: EvaluationError.Kind) throws {
    let bindings: KeyValuePairs<String, Double> = [
      "a": 1, "b": 0, "c": -2, "inf": .infinity, "n": .nan,
    ]
    let error = try #require(try H.evaluationError(source, bindings))
    #expect(error.kind == kind)
    #expect(error.source == source)
  }

  @Test("run error messages name the expression")
  func runErrorMessages() throws {
    #expect(
      try H.evaluationError("a / b", ["a": 1, "b": 0])?.description
        == "division by zero in \"a / b\"")
    #expect(
      try H.evaluationError("ln(a)", ["a": -2])?.description
        == "ln of the non-positive number -2.0 in \"ln(a)\"")
    #expect(
      try H.evaluationError("sqrt(a)", ["a": -2])?.description
        == "a result that is not a finite number in \"sqrt(a)\"")
  }

  @Test("a value buffer too short for the slots is an error, not a trap")
  func shortBuffer() throws {
    let program = try H.compile("a + b", names: ["a", "b"])
    #expect(throws: EvaluationError(kind: .nonFinite, source: "a + b")) {
      try program.evaluate([1])
    }
  }
}
