/// Finds where a step function crosses several levels at once: the v where a Monte Carlo
/// proportion P̂(v) reaches the target probability, and where it reaches the target ± the
/// Monte Carlo error.
///
/// With common random numbers P̂ is a fixed step function of v for one seed, so bisection
/// finds a crossing exactly; every evaluation narrows every level's bracket that holds it, so
/// the three searches share their early steps. The next point is always the middle of the
/// widest bracket that is still too wide.
struct LevelBrackets {
  /// One level's bracket: P̂ lies below the level at `below` and at or above it at `reached`.
  struct Bracket {
    var level: Double
    var below: Double
    var reached: Double
    var width: Double { abs(reached - below) }
    var middle: Double { (below + reached) / 2 }
  }

  private(set) var brackets: [Bracket?]

  /// Brackets for `levels` from P̂ at both ends of the range; `nil` for a level P̂ does not
  /// cross between them.
  init(levels: [Double], low: Double, high: Double, pLow: Double, pHigh: Double) {
    brackets = levels.map { level in
      let lowReached = pLow >= level
      let highReached = pHigh >= level
      guard lowReached != highReached else { return nil }
      return lowReached
        ? Bracket(level: level, below: high, reached: low)
        : Bracket(level: level, below: low, reached: high)
    }
  }

  /// Narrows every bracket that holds `v`, where P̂ is `p`.
  mutating func record(_ v: Double, _ p: Double) {
    for index in brackets.indices {
      guard var bracket = brackets[index] else { continue }
      guard v > min(bracket.below, bracket.reached), v < max(bracket.below, bracket.reached)
      else { continue }
      if p >= bracket.level { bracket.reached = v } else { bracket.below = v }
      brackets[index] = bracket
    }
  }

  /// The middle of the widest bracket wider than `tolerance`, or `nil` when all are narrow.
  func nextPoint(tolerance: Double) -> Double? {
    let open = brackets.compactMap { $0 }.filter { $0.width > tolerance }
    return open.max { $0.width < $1.width }?.middle
  }
}
