import Foundation
import Testing

@testable import EffectSim

@Suite("Expression compiler")
struct CompilerTests {
  typealias H = ExpressionHarness

  @Test(
    "constant folding",
    arguments: [
      ("2*3", 6.0), ("2000000 * 0.5", 1_000_000), ("-2^2", -4), ("min(3, 1, 2)", 1),
      ("cyclesPerYear", 12), ("1/cyclesPerYear", 1.0 / 12), ("sqrt(16) + abs(-2)", 6),
      ("clamp(5, 0, 1)", 1),
    ])
  func folding(source: String, expected: Double) throws {
    let program = try H.compile(source)
    #expect(program.constantValue == expected)
    #expect(program.code == [.constant(expected)])
    #expect(program.slots.isEmpty)
    #expect(try program.evaluate([]) == expected)
  }

  @Test("constant parts fold around slots")
  func partialFolding() throws {
    let program = try H.compile("a * (2 + 3) - 4 / 2", names: ["a"])
    #expect(program.constantValue == nil)
    #expect(program.code == [.load(0), .constant(5), .multiply, .constant(2), .subtract])
    #expect(try H.compile("a*2", names: ["a"]).constantValue == nil)
    #expect(try H.compile("perCycle(0.5)").code.count == 1)
  }

  @Test("constant subexpressions that would fail are left for evaluation")
  func failingConstants() throws {
    for source in ["1/0", "ln(0)", "exp(1000)", "sqrt(-1)", "reach(0.5, 0)"] {
      let program = try H.compile(source)
      #expect(program.constantValue == nil, "\(source)")
      #expect(throws: EvaluationError.self) { try program.evaluate([]) }
    }
  }

  @Test("slots are listed once, in order of first use")
  func slots() throws {
    let program = try H.compile("c + a * c - b", names: ["a", "b", "c"])
    #expect(program.slots == [2, 0, 1])
    #expect(try H.compile("a - a", names: ["a", "b"]).slots == [0])
    #expect(try H.compile("3", names: ["a"]).slots.isEmpty)
  }

  @Test("stack depth is computed from the program")
  func stackDepth() throws {
    #expect(try H.compile("a", names: ["a"]).stackDepth == 1)
    #expect(try H.compile("a + b", names: ["a", "b"]).stackDepth == 2)
    #expect(try H.compile("a + (b * (c - a))", names: ["a", "b", "c"]).stackDepth == 4)
    #expect(try H.compile("min(a, b, c, a)", names: ["a", "b", "c"]).stackDepth == 4)
  }

  @Test("cyclesPerYear is bound at compile time", arguments: [1.0, 12.0])
  func cyclesPerYear(cycles: Double) throws {
    #expect(try H.value("cyclesPerYear", cyclesPerYear: cycles) == cycles)
    #expect(try H.value("1/cyclesPerYear", cyclesPerYear: cycles) == 1 / cycles)
    let p = 0.3
    let expected = 1 - pow(1 - p, 1 / cycles)
    #expect(H.close(try H.value("perCycle(p)", ["p": p], cyclesPerYear: cycles), expected))
    #expect(H.close(try H.value("perCycle(0.3)", cyclesPerYear: cycles), expected))
  }

  @Test("a slot named cyclesPerYear does not shadow the constant")
  func noShadowing() throws {
    #expect(try H.value("cyclesPerYear", ["cyclesPerYear": 5], cyclesPerYear: 12) == 12)
  }

  @Test("unknown names suggest the closest known one")
  func unknownNames() {
    let names = ["ipsJobShare", "relapse", "benefitMonthly"]
    let error = H.compileError("reach(ipsJobShar, 18)", names: names)
    #expect(error?.kind == .unknownName("ipsJobShar", suggestion: "ipsJobShare"))
    #expect(
      error?.description
        == "unknown name 'ipsJobShar' in \"reach(ipsJobShar, 18)\" — did you mean 'ipsJobShare'?")
    #expect(
      H.compileError("relpase * 2", names: names)?.kind
        == .unknownName("relpase", suggestion: "relapse"))
    #expect(
      H.compileError("cyclesperyear", names: names)?.kind
        == .unknownName("cyclesperyear", suggestion: "cyclesPerYear"))
    #expect(
      H.compileError("zebra", names: names)?.kind == .unknownName("zebra", suggestion: nil))
    #expect(
      H.compileError("zebra", names: names)?.description == "unknown name 'zebra' in \"zebra\"")
    // The first unknown name in source order is the one reported.
    #expect(H.compileError("x + y")?.kind == .unknownName("x", suggestion: nil))
    // Suggestions follow slot order on ties, not dictionary order.
    #expect(H.compileError("ab", names: ["ax", "ay"])?.kind == .unknownName("ab", suggestion: "ax"))
    #expect(H.compileError("ab", names: ["ay", "ax"])?.kind == .unknownName("ab", suggestion: "ay"))
  }

  @Test("Expression.constant compiles to its value")
  func constantExpression() throws {
    #expect(try Expression.constant(0).compile(slots: [:], cyclesPerYear: 1).constantValue == 0)
    let program = try Expression.constant(2.5).compile(slots: ["a": 0], cyclesPerYear: 12)
    #expect(program.constantValue == 2.5)
    #expect(try program.evaluate([]) == 2.5)
    let notANumber = try Expression.constant(.nan).compile(slots: [:], cyclesPerYear: 12)
    #expect(notANumber.constantValue == nil)
    #expect(throws: EvaluationError.self) { try notANumber.evaluate([]) }
  }
}
