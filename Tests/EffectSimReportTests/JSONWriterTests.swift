import EffectSim
import Testing

@testable import EffectSimReport

/// The JSON output is written by the engine's `JSONValue` writer; these pin its number and
/// string forms and the layout the output contract relies on.
@Suite("JSON writer")
struct JSONWriterTests {
  @Test(arguments: [
    (2_073_000.0, "2073000"), (-709_000, "-709000"), (0, "0"), (-0.0, "0"), (0.1, "0.1"),
    (97.5, "97.5"), (1e-5, "1e-05"), (9_007_199_254_740_991, "9007199254740991"),
    (9_007_199_254_740_992, "9007199254740992.0"), (1e16, "1e+16"), (1e300, "1e+300"),
  ])
  func numbers(value: Double, expected: String) {
    #expect(JSONValue.format(value) == expected)
    #expect(JSONValue.number(value).serialized() == expected + "\n")
  }

  /// `format` also quotes numbers in messages, which say "infinity" (issue 11: not "null");
  /// the writer, which must produce valid JSON, still writes null should one ever reach it.
  @Test(arguments: [(Double.nan, "NaN"), (.infinity, "infinity"), (-.infinity, "-infinity")])
  func nonFiniteNumbers(value: Double, expected: String) {
    #expect(JSONValue.format(value) == expected)
    #expect(JSONValue.number(value).serialized() == "null\n")
  }

  @Test func wholeNumbersBelowTwoToThe53ReadBackExactly() {
    for value in [1.0, 123_456_789_012, -4_503_599_627_370_497] {
      #expect(Double(JSONValue.format(value)) == value)
    }
  }

  @Test func stringEscapes() {
    var text = ""
    JSONValue.quote("a\"b\\c\nd\re\tf\u{1}g\u{1F}h\u{7F}æ", into: &text)
    #expect(text == #""a\"b\\c\nd\re\tf\u0001g\u001Fh"# + "\u{7F}æ\"")
  }

  @Test func layout() {
    let node = JSONValue.object([
      ("a", .array([.int(1), .int(2)])),
      ("b", .object([("c", .null), ("d", .bool(true))])),
      ("e", .array([])),
      ("f", .object([])),
      ("g", .array([.object([("h", .string("x"))])])),
      ("seed", .uint(UInt64.max)),
    ])
    let expected = """
      {
        "a": [1, 2],
        "b": {
          "c": null,
          "d": true
        },
        "e": [],
        "f": {},
        "g": [
          {
            "h": "x"
          }
        ],
        "seed": 18446744073709551615
      }

      """
    #expect(node.serialized() == expected)
  }
}
