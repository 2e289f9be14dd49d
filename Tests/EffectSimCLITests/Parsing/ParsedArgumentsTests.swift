import Testing

@testable import EffectSimCLI

@Suite("ParsedArguments conversions")
struct ParsedArgumentsTests {
  static func arguments(_ values: [String: String]) -> ParsedArguments {
    ParsedArguments(values: values, usage: "effectsim run SCENARIO")
  }

  static func message(_ body: (ParsedArguments) throws(UsageError) -> Void, _ value: String)
    -> String?
  {
    do {
      try body(arguments(["x": value]))
      return nil
    } catch {
      #expect(error.usage == "effectsim run SCENARIO")
      return error.message
    }
  }

  @Test("Absent options are nil, not errors")
  func absent() throws {
    let empty = ParsedArguments()
    #expect(try empty.int("x") == nil)
    #expect(try empty.uint64("x") == nil)
    #expect(try empty.double("x") == nil)
    #expect(try empty.doubleList("x") == nil)
  }

  @Test("Integers in range")
  func integers() throws {
    #expect(try Self.arguments(["x": "250"]).int("x", in: 1...1_000) == 250)
    #expect(try Self.arguments(["x": "-4"]).int("x") == -4)
    #expect(try Self.arguments(["x": "18446744073709551615"]).uint64("x") == UInt64.max)
    #expect(try Self.arguments(["x": "7"]).uint64("x") == 7)
  }

  @Test(
    "Integer errors name the option, the expectation and the value",
    arguments: [
      ("ten", 1...Int.max, "--x expects a positive integer, got 'ten'"),
      ("0", 1...100_000_000, "--x expects a positive integer up to 100000000, got '0'"),
      ("2.5", 0...Int.max, "--x expects a non-negative integer, got '2.5'"),
      ("5000", 1...1_024, "--x expects a positive integer up to 1024, got '5000'"),
      ("1", 2...9, "--x expects an integer from 2 to 9, got '1'"),
      ("1", 2...Int.max, "--x expects an integer of at least 2, got '1'"),
      ("", Int.min...Int.max, "--x expects an integer, got ''"),
      (
        "99999999999999999999", Int.min...Int.max,
        "--x expects an integer, got '99999999999999999999'"
      ),
    ])
  func integerErrors(value: String, range: ClosedRange<Int>, expected: String) {
    #expect(
      Self.message({ args throws(UsageError) in _ = try args.int("x", in: range) }, value)
        == expected)
  }

  @Test("Seeds are non-negative 64-bit integers", arguments: ["-1", "18446744073709551616", "0x5"])
  func uint64Errors(value: String) {
    #expect(
      Self.message({ args throws(UsageError) in _ = try args.uint64("x") }, value)
        == "--x expects a non-negative integer up to 18446744073709551615, got '\(value)'")
  }

  @Test("Doubles: finite and in range")
  func doubles() throws {
    #expect(try Self.arguments(["x": "2.5e-3"]).double("x") == 0.0025)
    #expect(
      Self.message({ args throws(UsageError) in _ = try args.double("x") }, "nan")
        == "--x expects a number, got 'nan'")
    #expect(
      Self.message({ args throws(UsageError) in _ = try args.double("x", in: 0...100) }, "101")
        == "--x expects a number from 0 to 100, got '101'")
    #expect(
      Self.message(
        { args throws(UsageError) in
          _ = try args.double("x", in: 0.5...Double.greatestFiniteMagnitude)
        }, "0")
        == "--x expects a number of at least 0.5, got '0'")
  }

  @Test(
    "Lists of doubles",
    arguments: [("5,50,95", [5, 50, 95]), (" 2.5, 97.5 ", [2.5, 97.5]), ("50", [50])])
  func doubleLists(text: String, expected: [Double]) throws {
    #expect(try Self.arguments(["x": text]).doubleList("x") == expected)
  }

  @Test(
    "List errors name the bad item",
    arguments: [
      ("5,,95", "--x expects a comma-separated list of numbers, got '5,,95' (an empty item)"),
      ("5;50", "--x expects a comma-separated list of numbers, got '5;50' ('5;50')"),
      ("5,inf", "--x expects a comma-separated list of numbers, got '5,inf' ('inf')"),
      ("", "--x expects a comma-separated list of numbers, got '' (an empty item)"),
    ])
  func doubleListErrors(text: String, expected: String) {
    #expect(
      Self.message({ args throws(UsageError) in _ = try args.doubleList("x") }, text) == expected)
  }

  @Test("List items are checked against a range")
  func doubleListRange() {
    #expect(
      Self.message(
        { args throws(UsageError) in _ = try args.doubleList("x", in: 0...100) }, "5,150")
        == "--x expects a comma-separated list of numbers from 0 to 100, got '5,150' ('150')")
  }
}
