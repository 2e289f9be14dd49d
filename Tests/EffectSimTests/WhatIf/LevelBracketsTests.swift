import Foundation
import Testing

@testable import EffectSim

/// The break-even search's brackets on step functions whose crossings are known exactly:
/// P̂(v) = #{i : tᵢ ≤ v} / N for N thresholds tᵢ, as common random numbers make P̂.
@Suite struct LevelBracketsTests {
  /// The levels of a search for A = 0,8 at N futures, as `BreakEvenSearch` sets them.
  static func levels(futures: Int) -> [Double] {
    let margin = 1.959964 * (0.8 * 0.2 / Double(futures)).squareRoot()
    return [0.8, 0.8 - margin, 0.8 + margin]
  }

  /// P̂(v) = #{i : tᵢ ≤ v} / N.
  static func proportion(_ thresholds: [Double]) -> (Double) -> Double {
    { v in Double(thresholds.count { $0 <= v }) / Double(thresholds.count) }
  }

  /// Runs the search for `levels` of the proportion `p` of `futures` futures over
  /// [low, high] to `tolerance`; the brackets and the number of evaluations, the two ends
  /// included.
  static func search(
    _ p: (Double) -> Double, futures: Int, levels: [Double], low: Double, high: Double,
    tolerance: Double
  ) -> (brackets: [LevelBrackets.Bracket?], steps: Int) {
    var brackets = LevelBrackets(
      levels: levels, low: low, high: high, pLow: p(low), pHigh: p(high), futures: futures)
    var steps = 2
    while let v = brackets.nextPoint(tolerance: tolerance), steps < 500 {
      brackets.record(v, p(v))
      steps += 1
    }
    return (brackets.brackets, steps)
  }

  /// Bisection's evaluations for the same levels: the middle of the widest bracket each step.
  static func bisectionSteps(
    _ thresholds: [Double], levels: [Double], low: Double, high: Double, tolerance: Double
  ) -> Int {
    let p = proportion(thresholds)
    var brackets: [(below: Double, reached: Double, level: Double)] = levels.map {
      (low, high, $0)
    }
    var steps = 2
    while true {
      func width(_ i: Int) -> Double { abs(brackets[i].reached - brackets[i].below) }
      let open = brackets.indices.filter { width($0) > tolerance }
      guard let widest = open.max(by: { width($0) < width($1) }) else { return steps }
      let v = (brackets[widest].below + brackets[widest].reached) / 2
      let pv = p(v)
      steps += 1
      for i in brackets.indices {
        let (a, b) = (brackets[i].below, brackets[i].reached)
        guard v > min(a, b), v < max(a, b) else { continue }
        if pv >= brackets[i].level { brackets[i].reached = v } else { brackets[i].below = v }
      }
    }
  }

  /// N thresholds at the normal quantiles (i + ½)/N: the crossing of level A is the
  /// ⌈A·N⌉-th smallest.
  static func normalThresholds(_ n: Int, mean: Double, sd: Double) -> [Double] {
    (0..<n).map { mean + sd * SpecialFunctions.normalQuantile((Double($0) + 0.5) / Double(n)) }
  }

  /// Every bracket holds the exact crossing of its level — the ⌈A·N⌉-th smallest threshold,
  /// the first value at which P̂ reaches A — and is no wider than the tolerance.
  static func expectExact(
    _ brackets: [LevelBrackets.Bracket?], thresholds: [Double], tolerance: Double
  ) throws {
    let sorted = thresholds.sorted()
    for bracket in brackets {
      let bracket = try #require(bracket)
      let k = try #require(
        sorted.indices.first { Double($0 + 1) / Double(sorted.count) >= bracket.level })
      #expect(bracket.width <= tolerance)
      #expect(bracket.below < sorted[k] && sorted[k] <= bracket.reached, "\(bracket) \(sorted[k])")
    }
  }

  @Test func aSmoothProportionIsCrossedExactlyInFewerStepsThanBisection() throws {
    let futures = 10_000
    let thresholds = Self.normalThresholds(futures, mean: 0.74, sd: 0.03)
    let levels = Self.levels(futures: futures)
    let tolerance = 0.0012 / 50
    let found = Self.search(
      Self.proportion(thresholds), futures: futures, levels: levels, low: 0.2, high: 1,
      tolerance: tolerance)
    try Self.expectExact(found.brackets, thresholds: thresholds, tolerance: tolerance)
    let bisection = Self.bisectionSteps(
      thresholds, levels: levels, low: 0.2, high: 1, tolerance: tolerance)
    // Bisection needs ⌈log₂(0,8 / tolerance)⌉ = 15 steps for the first level and about 8 for
    // each of the other two; interpolation on a nearly straight P̂ needs a few per level.
    #expect(bisection >= 30, "\(bisection)")
    #expect(Double(found.steps) <= 0.6 * Double(bisection), "\(found.steps) vs \(bisection)")
  }

  /// A proportion that jumps from 0 to 1 at one value, where interpolation learns nothing:
  /// the ITP projection keeps every level within n₀ steps of bisection.
  @Test func aSingleJumpCostsAtMostN0StepsMorePerLevelThanBisection() throws {
    for jump in [0.2000001, 0.37, 0.5, 0.93, 0.9999999] {
      let thresholds = [Double](repeating: jump, count: 1000)
      let levels = Self.levels(futures: 1000)
      let tolerance = 1e-6
      let found = Self.search(
        Self.proportion(thresholds), futures: 1000, levels: levels, low: 0.2, high: 1,
        tolerance: tolerance)
      try Self.expectExact(found.brackets, thresholds: thresholds, tolerance: tolerance)
      let bisection = Self.bisectionSteps(
        thresholds, levels: levels, low: 0.2, high: 1, tolerance: tolerance)
      #expect(
        found.steps <= bisection + Int(LevelBrackets.n0) * levels.count,
        "jump \(jump): \(found.steps) vs \(bisection)")
    }
  }

  /// A decreasing proportion (a cost: the more it is, the less often the case pays back)
  /// is searched as well as an increasing one.
  @Test func aDecreasingProportionIsCrossedExactly() throws {
    let futures = 4000
    let thresholds = Self.normalThresholds(futures, mean: 300, sd: 40)
    // P̂(cost) = #{saving ≥ cost} / N: decreasing in the cost.
    let p = { (v: Double) in Double(thresholds.count { $0 >= v }) / Double(futures) }
    let found = Self.search(
      p, futures: futures, levels: Self.levels(futures: futures), low: 0, high: 600,
      tolerance: 0.05)
    for bracket in found.brackets {
      let bracket = try #require(bracket)
      #expect(bracket.width <= 0.05 && bracket.reached < bracket.below)
      #expect(p(bracket.reached) >= bracket.level && p(bracket.below) < bracket.level)
    }
    #expect(found.steps < 30, "\(found.steps)")
  }

  /// P̂ takes only the values k/N: the search aims halfway between the two around the level,
  /// so that a P̂ exactly at the level is not the end interpolation lands on.
  @Test func theAimIsHalfwayBetweenTheProportionsAroundTheLevel() {
    #expect(LevelBrackets.aim(0.8, futures: 2000) == 1599.5 / 2000)
    #expect(LevelBrackets.aim(0.80001, futures: 2000) == 1600.5 / 2000)
    #expect(LevelBrackets.aim(0.7999, futures: 2000) == 1599.5 / 2000)
    #expect(LevelBrackets.aim(0.1, futures: 10) == 0.5 / 10)
    // 0,3 · 10 rounds up to 3,0000000000000004 in floating point; P̂ = 3/10 still reaches 0,3.
    #expect(LevelBrackets.aim(0.3, futures: 10) == 2.5 / 10)
  }
}
