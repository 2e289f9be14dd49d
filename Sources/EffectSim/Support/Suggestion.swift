/// "Did you mean …?" hints for misspelt names, ids and keys.
///
/// Uses the optimal string alignment variant of the Damerau–Levenshtein distance
/// (Damerau 1964; Levenshtein 1966): insertions, deletions, substitutions and transpositions of
/// two adjacent characters each cost 1, and no substring is edited twice. Transpositions count
/// once because swapped letters (`ipsJobShaer`) are the most common typo in hand-written JSON.
public enum Suggestion {
  /// The candidate closest to a misspelt name, if any is close enough to be a plausible typo.
  ///
  /// Names are compared case-insensitively, so a difference in case alone always yields a
  /// suggestion. Otherwise a candidate qualifies when its distance is at most
  /// `max(1, name.count / 3)`: short names tolerate one slip, longer ones proportionally more,
  /// and unrelated names are not offered. A candidate identical to `name` is skipped, since
  /// suggesting the very text that failed helps nobody.
  /// - Parameters:
  ///   - name: the name that was not found.
  ///   - candidates: the known names; on equal distance the earlier one wins, so callers pass
  ///     them in an order that is meaningful to the reader (declaration order, sorted order).
  /// - Returns: the best candidate, or `nil` when none is close.
  /// - Complexity: O(*m* · *n*) per candidate, for names of lengths *m* and *n*.
  public static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
    let folded = Array(name.lowercased())
    let limit = max(1, name.count / 3)
    var best: (candidate: String, distance: Int)?
    for candidate in candidates where candidate != name {
      let distance = optimalStringAlignment(folded, Array(candidate.lowercased()))
      guard distance <= limit else { continue }
      if best.map({ distance < $0.distance }) ?? true {
        best = (candidate, distance)
      }
    }
    return best?.candidate
  }

  /// The optimal-string-alignment edit distance between two strings.
  ///
  /// Characters are compared exactly (case matters); `closest(to:among:)` folds case first.
  /// - Returns: the least number of insertions, deletions, substitutions and adjacent
  ///   transpositions that turn `a` into `b`.
  /// - Complexity: O(*m* · *n*) time and O(*n*) space.
  public static func editDistance(_ a: String, _ b: String) -> Int {
    optimalStringAlignment(Array(a), Array(b))
  }

  /// Wagner–Fischer dynamic programme with the transposition step, keeping three rows.
  private static func optimalStringAlignment(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previousPrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var distance = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          distance = min(distance, previousPrevious[j - 2] + 1)
        }
        current[j] = distance
      }
      (previousPrevious, previous, current) = (previous, current, previousPrevious)
    }
    return previous[b.count]
  }
}
