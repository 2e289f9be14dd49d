import Testing

@testable import EffectSim

@Suite struct JSONParserTests {
  @Test func keepsKeyOrder() throws {
    let value = try JSONParser.parse(#"{"b": 1, "a": [true, null, "x"], "c": {"z": -1.5e2}}"#)
    guard case .object(let members) = value else {
      Issue.record("not an object")
      return
    }
    #expect(members.map(\.key) == ["b", "a", "c"])
    #expect(members[1].value == .array([.bool(true), .null, .string("x")]))
    #expect(members[2].value == .object([("z", .number(-150))]))
  }

  @Test func decodesEscapesAndUnicode() throws {
    let value = try JSONParser.parse(#""Overf\u00f8rsler \"EO\"\n\ud83d\ude00 æøå""#)
    #expect(value == .string("Overførsler \"EO\"\n😀 æøå"))
  }

  @Test(arguments: [
    ("{\"a\": 1,}", 1, 9),
    ("{\"a\": 1\n \"b\": 2}", 2, 2),
    ("[01]", 1, 3),
    ("{\"a\": 1, \"a\": 2}", 1, 10),
    ("\"abc", 1, 5),
    ("[1, 2] x", 1, 8),
    ("", 1, 1),
  ])
  func reportsLineAndColumn(text: String, line: Int, column: Int) {
    #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(text) }
    do {
      _ = try JSONParser.parse(text)
    } catch {
      #expect(error.line == line, "\(error)")
      #expect(error.column == column, "\(error)")
    }
  }

  @Test func refusesDeepNestingWithoutCrashing() {
    let text = String(repeating: "[", count: 100_000)
    #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(text) }
  }
}
