import Testing

@testable import EffectSim

/// `Suggestion` lives in Support/ but is tested here, beside its main user.
@Suite("Suggestion")
struct SuggestionTests {
  @Test(
    "optimal string alignment distance",
    arguments: [
      ("", "", 0), ("", "abc", 3), ("abc", "", 3), ("kitten", "sitting", 3), ("ab", "ba", 1),
      ("ca", "abc", 3), ("relapse", "relpase", 1), ("flaw", "lawn", 2), ("abc", "abc", 0),
      ("Abc", "abc", 1),
    ])
  func distance(a: String, b: String, expected: Int) {
    #expect(Suggestion.editDistance(a, b) == expected)
    #expect(Suggestion.editDistance(b, a) == expected)
  }

  @Test("closest candidate")
  func closest() {
    let names = ["ipsJobShare", "relapse", "dropout"]
    #expect(Suggestion.closest(to: "ipsJobShar", among: names) == "ipsJobShare")
    #expect(Suggestion.closest(to: "IPSJOBSHARE", among: names) == "ipsJobShare")
    #expect(Suggestion.closest(to: "dropuot", among: names) == "dropout")
    #expect(Suggestion.closest(to: "unrelated", among: names) == nil)
    #expect(Suggestion.closest(to: "x", among: [String]()) == nil)
    // Short names allow one edit; nine characters allow three.
    #expect(Suggestion.closest(to: "ab", among: ["xy"]) == nil)
    #expect(Suggestion.closest(to: "ab", among: ["ax"]) == "ax")
    #expect(Suggestion.closest(to: "abcdefghi", among: ["abcdefxyz"]) == "abcdefxyz")
    #expect(Suggestion.closest(to: "abcdefghi", among: ["abcdewxyz"]) == nil)
    // Ties go to the earlier candidate; a closer later one still wins.
    #expect(Suggestion.closest(to: "cat", among: ["bat", "hat"]) == "bat")
    #expect(Suggestion.closest(to: "cat", among: ["bat", "cat2", "Cat"]) == "Cat")
    // The failing text itself is never offered back.
    #expect(Suggestion.closest(to: "cat", among: ["cat"]) == nil)
  }
}
