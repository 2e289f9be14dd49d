import Testing

@testable import EffectSim

@Suite("Expression parser")
struct ParserTests {
  typealias H = ExpressionHarness

  /// Precedence and associativity, with the value each reading must give.
  @Test(
    "precedence and associativity",
    arguments: [
      ("-2^2", -4.0), ("2^3^2", 512), ("2^-1", 0.5), ("1-2-3", -4), ("8/4/2", 1),
      ("2*3+4", 10), ("2+3*4", 14), ("(2+3)*4", 20), ("-2*3", -6), ("2^-1^2", 0.5),
      ("--2", 2), ("2--2", 4), ("-(2)^2", -4), ("(-2)^2", 4), ("2*-3", -6), ("12/3*2", 8),
      ("2^2*3", 12), ("3*2^2", 12), ("-2^-2", -0.25), ("1-2+3", 2),
    ])
  func precedence(source: String, expected: Double) throws {
    #expect(try H.value(source) == expected)
  }

  @Test(
    "numbers", arguments: [("12", 12.0), ("0.5", 0.5), ("1e6", 1e6), (".5", 0.5),
      ("1.5E-3", 0.0015), ("2e+2", 200), ("007", 7)])
  func numbers(source: String, expected: Double) throws {
    #expect(try H.value(source) == expected)
  }

  @Test(
    "whitespace anywhere between tokens",
    arguments: ["min(a,b)*2", " min ( a , b ) * 2 ", "\tmin(\na,\r\nb\t)\n*2", "min(a ,b)*  2"])
  func whitespace(source: String) throws {
    #expect(try H.value(source, ["a": 3, "b": 5]) == 6)
  }

  @Test("referenced names exclude functions and cyclesPerYear")
  func referencedNames() throws {
    let expression = try Expression.parse("reach(share, n) * cyclesPerYear + min(a, share)")
    #expect(expression.referencedNames == ["share", "n", "a"])
    #expect(try Expression.parse("perCycle(0.2) + 1").referencedNames.isEmpty)
  }

  @Test("description and source are the text as written")
  func description() throws {
    let expression = try Expression.parse("a * 2")
    #expect(expression.source == "a * 2")
    #expect(expression.description == "a * 2")
    #expect(Expression.constant(150).source == "150")
    #expect(Expression.constant(0.25).source == "0.25")
  }

  @Test("equal text parses to equal expressions")
  func hashable() throws {
    #expect(try Expression.parse("a+1") == Expression.parse("a+1"))
    #expect(try Expression.parse("a+1") != Expression.parse("a+2"))
    #expect(try Set([Expression.parse("a"), Expression.parse("a")]).count == 1)
  }

  /// Each malformed source with the offset the error must point at.
  @Test(
    "syntax errors carry the offset",
    arguments: [
      ("", 0), ("   ", 3), ("a b", 2), ("+a", 0), ("1e", 2), ("1e+", 3), ("1.", 2),
      ("min(a, b", 8), ("(a", 2), ("a)", 1), ("2 *", 3), ("a $ b", 2), ("min(a,)", 6),
      ("min + 1", 4), ("min(", 4), ("2a", 1), ("1e6x", 3), ("a ^", 3), ("()", 1),
      ("a + + b", 4), ("1e999", 0), ("1.5.3", 3), ("a − b", 2),
    ])
  func syntaxErrors(source: String, offset: Int) throws {
    let error = try #require(H.compileError(source, names: ["a", "b"]))
    guard case .syntax(_, let actual) = error.kind else {
      Issue.record("expected a syntax error for \"\(source)\", got \(error)")
      return
    }
    #expect(actual == offset, "\(error)")
    #expect(error.source == source)
  }

  @Test("syntax error messages")
  func syntaxMessages() throws {
    #expect(
      H.compileError("min(a, b", names: ["a", "b"])?.description
        == "expected ',' or ')' but found the end of the expression at offset 8 in \"min(a, b\"")
    #expect(
      H.compileError("(a", names: ["a"])?.description
        == "expected ')' but found the end of the expression at offset 2 in \"(a\"")
    #expect(
      H.compileError("+a", names: ["a"])?.description
        == "unexpected '+': unary plus is not part of the grammar at offset 0 in \"+a\"")
    #expect(
      H.compileError("a b", names: ["a", "b"])?.description
        == "expected an operator or the end but found 'b' at offset 2 in \"a b\"")
    #expect(H.compileError("")?.description.contains("found the end of the expression") == true)
  }

  @Test("deep nesting is an error, not a stack overflow")
  func deepNesting() throws {
    let deep = String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
    let error = try #require(H.compileError(deep))
    guard case .syntax(let message, _) = error.kind else {
      Issue.record("expected a syntax error, got \(error)")
      return
    }
    #expect(message.contains("nested"))
    #expect(H.compileError(String(repeating: "-", count: 10_000) + "1") != nil)
    #expect(H.compileError(Array(repeating: "2", count: 10_000).joined(separator: "^")) != nil)
    // Long flat chains are fine: they loop rather than recurse.
    let long = Array(repeating: "1", count: 10_000).joined(separator: "+")
    #expect(try H.value(long) == 10_000)
  }

  @Test(
    "arity errors",
    arguments: [
      ("min(a)", "min", "2 or more", 1), ("max()", "max", "2 or more", 0),
      ("abs(a, b)", "abs", "1", 2), ("exp()", "exp", "1", 0), ("ln(a, a)", "ln", "1", 2),
      ("sqrt(a, b)", "sqrt", "1", 2), ("clamp(a, b)", "clamp", "3", 2),
      ("clamp(a, a, a, a)", "clamp", "3", 4), ("reach(a)", "reach", "2", 1),
      ("perCycle(a, b)", "perCycle", "1", 2),
    ])
  func arity(source: String, function: String, expected: String, got: Int) throws {
    let error = try #require(H.compileError(source, names: ["a", "b"]))
    #expect(error.kind == .arity(function: function, expected: expected, got: got))
  }

  @Test("arity message")
  func arityMessage() {
    #expect(
      H.compileError("clamp(a, b)", names: ["a", "b"])?.description
        == "'clamp' takes 3 arguments but was given 2 in \"clamp(a, b)\"")
    #expect(
      H.compileError("abs()")?.description == "'abs' takes 1 argument but was given 0 in \"abs()\"")
  }

  @Test("unknown functions suggest the closest one")
  func unknownFunctions() {
    #expect(
      H.compileError("mni(1, 2)")?.kind == .unknownFunction("mni", suggestion: "min"))
    #expect(
      H.compileError("percycle(0.5)")?.kind
        == .unknownFunction("percycle", suggestion: "perCycle"))
    #expect(H.compileError("lm(2)")?.kind == .unknownFunction("lm", suggestion: "ln"))
    #expect(
      H.compileError("frobnicate(2)")?.kind == .unknownFunction("frobnicate", suggestion: nil))
    #expect(
      H.compileError("a(2)", names: ["a"])?.kind == .unknownFunction("a", suggestion: nil))
    #expect(
      H.compileError("cyclesPerYear(2)")?.kind
        == .unknownFunction("cyclesPerYear", suggestion: nil))
    #expect(
      H.compileError("mni(1, 2)")?.description
        == "unknown function 'mni' in \"mni(1, 2)\" — did you mean 'min'?")
  }
}
