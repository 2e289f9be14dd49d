import Foundation

/// Finds where a step function crosses several levels at once: the v where a Monte Carlo
/// proportion P̂(v) reaches the target probability, and where it reaches the target ± the
/// Monte Carlo error.
///
/// With common random numbers P̂ is a fixed step function of v for one seed, so a bracketing
/// search finds a crossing exactly; every evaluation narrows every level's bracket that holds
/// it, so the three searches share their early steps. Each step evaluates the widest bracket
/// that is still too wide, at its ITP point (`itpPoint`). Each step is a whole Monte Carlo
/// run, so steps are what a search costs.
struct LevelBrackets {
  /// One level's bracket: P̂ lies below the level at `below` and at or above it at `reached`.
  struct Bracket {
    var level: Double
    /// Where regula falsi aims: halfway between the largest proportion k/N below `level` and
    /// the smallest at or above it. P̂ takes only those values, so aiming at the level itself
    /// would put the point on the `reached` end whenever P̂ there equals the level exactly —
    /// regula falsi's slow side, one tiny step after another.
    var aim: Double
    var below: Double
    var reached: Double
    /// P̂ at `below` and at `reached`: regula falsi reads them.
    var pBelow: Double
    var pReached: Double
    /// The bracket's width when it was first found, and the steps taken inside it since
    /// (the ITP method's n₀ budget counts from these).
    let initialWidth: Double
    var steps = 0
    var width: Double { abs(reached - below) }
    var middle: Double { (below + reached) / 2 }

    init(
      level: Double, aim: Double, below: Double, reached: Double, pBelow: Double,
      pReached: Double
    ) {
      self.level = level
      self.aim = aim
      self.below = below
      self.reached = reached
      self.pBelow = pBelow
      self.pReached = pReached
      initialWidth = abs(reached - below)
    }
  }

  private(set) var brackets: [Bracket?]

  /// Brackets for `levels` from P̂ at both ends of the range; `nil` for a level P̂ does not
  /// cross between them. P̂ is a count of `futures` futures divided by `futures`.
  init(
    levels: [Double], low: Double, high: Double, pLow: Double, pHigh: Double, futures: Int
  ) {
    brackets = levels.map { level in
      let lowReached = pLow >= level
      let highReached = pHigh >= level
      guard lowReached != highReached else { return nil }
      let aim = Self.aim(level, futures: futures)
      return lowReached
        ? Bracket(
          level: level, aim: aim, below: high, reached: low, pBelow: pHigh, pReached: pLow)
        : Bracket(
          level: level, aim: aim, below: low, reached: high, pBelow: pLow, pReached: pHigh)
    }
  }

  /// (k − ½)/N for the smallest count k with k/N ≥ `level`, compared as P̂ is compared.
  static func aim(_ level: Double, futures: Int) -> Double {
    guard futures > 0 else { return level }
    let n = Double(futures)
    var k = (level * n).rounded(.up)
    while k > 0 && (k - 1) / n >= level { k -= 1 }
    while k / n < level { k += 1 }
    return (k - 0.5) / n
  }

  /// Narrows every bracket that holds `v`, where P̂ is `p`.
  mutating func record(_ v: Double, _ p: Double) {
    for index in brackets.indices {
      guard var bracket = brackets[index] else { continue }
      guard v > min(bracket.below, bracket.reached), v < max(bracket.below, bracket.reached)
      else { continue }
      if p >= bracket.level {
        (bracket.reached, bracket.pReached) = (v, p)
      } else {
        (bracket.below, bracket.pBelow) = (v, p)
      }
      brackets[index] = bracket
    }
  }

  /// The next value to evaluate: the ITP point of the widest bracket wider than `tolerance`,
  /// or `nil` when all are narrow. Counts the step against that bracket.
  mutating func nextPoint(tolerance: Double) -> Double? {
    var widest: (index: Int, width: Double)?
    for (index, bracket) in brackets.enumerated() {
      guard let bracket, bracket.width > tolerance, bracket.width > widest?.width ?? 0 else {
        continue
      }
      widest = (index, bracket.width)
    }
    guard let widest, var bracket = brackets[widest.index] else { return nil }
    let point = Self.itpPoint(bracket, tolerance: tolerance)
    bracket.steps += 1
    brackets[widest.index] = bracket
    return point
  }

  /// How many steps more than bisection the ITP projection allows per level.
  static let n0 = 2.0

  /// The ITP method's next point (Oliveira & Takahashi, "An Enhancement of the Bisection
  /// Method Average Performance Preserving Minmax Optimality", ACM TOMS 47(1), 2020): the
  /// regula falsi point of P̂ − aim, truncated towards the middle by δ, then projected into
  /// the interval around the middle that keeps the search within n₀ steps of bisection's
  /// count for `tolerance` — so a level is never found more than n₀ steps later than
  /// bisection would find it, whatever P̂ looks like, and P̂, nearly straight at the scale
  /// of a bracket over thousands of futures, is crossed in a few steps instead of one halving
  /// each.
  ///
  /// δ = κ₁·width^κ₂ with κ₁ = 0,2 / the bracket's first width, κ₂ = 1,5 and n₀ = 2, and at
  /// least 0,3 · tolerance: the last, as Brent's method steps at least its tolerance, moves the
  /// point off the end it would otherwise creep along, so that the next step can close the
  /// bracket from the other side. The constants were chosen on proportions with known
  /// crossings (18 sigmoids of 2.000–50.000 futures: 42 % fewer steps than bisection in all,
  /// at most 0,7 of bisection's on each; the same with plateaus of 1–3 tolerances, 54 in
  /// all: 37 % fewer, at most 0,91); the projection alone makes the guarantee.
  static func itpPoint(_ bracket: Bracket, tolerance: Double) -> Double {
    // The ends a < b and f = P̂ − aim there, of opposite signs (at least half a future from 0).
    let below: (Double, Double) = (bracket.below, bracket.pBelow - bracket.aim)
    let reached: (Double, Double) = (bracket.reached, bracket.pReached - bracket.aim)
    let ((a, fa), (b, fb)) = bracket.below < bracket.reached ? (below, reached) : (reached, below)
    let middle = (a + b) / 2
    let epsilon = tolerance / 2
    let bisections = max(ceil(log2(bracket.initialWidth / tolerance)), 0)
    let radius = max(
      epsilon * pow(2, bisections + n0 - Double(bracket.steps)) - (b - a) / 2, 0)
    let falsi = (b * fa - a * fb) / (fa - fb)
    let delta = max(0.2 / bracket.initialWidth * pow(b - a, 1.5), 0.3 * tolerance)
    let sigma: Double = middle - falsi >= 0 ? 1 : -1
    let truncated = delta <= abs(middle - falsi) ? falsi + sigma * delta : middle
    let point = abs(truncated - middle) <= radius ? truncated : middle - sigma * radius
    // Strictly inside, so every step narrows the bracket (rounding at a tiny width).
    return point > a && point < b ? point : middle
  }
}
