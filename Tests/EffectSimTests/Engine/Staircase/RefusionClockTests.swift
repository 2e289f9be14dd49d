import Foundation
import Testing

@testable import EffectSim

/// The band arithmetic and the reset of the refusion staircase, against the law's weeks
/// (DOMAIN.md §2) written out by hand.
@Suite struct RefusionClockTests {
  static let monthly = RefusionClock.Rule(cyclesPerYear: 12)
  static let yearly = RefusionClock.Rule(cyclesPerYear: 1)

  /// ∫₀ᵗ share: the municipal weeks paid in the first `t` weeks on covered benefits.
  static func paidWeeks(_ t: Double) -> Double {
    let bands = [(0.0, 4.0, 0.2), (4, 26, 0.6), (26, 52, 0.7), (52, .infinity, 0.8)]
    return bands.reduce(0) { sum, band in sum + band.2 * max(0, min(t, band.1) - band.0) }
  }

  @Test func theIssuesExampleMonth() {
    // "A month from week 2.5 to 6.83 is 1.5 weeks at 20 % and 2.83 at 60 %."
    let to = 2.5 + 52.0 / 12
    let expected = (1.5 * 0.2 + (to - 4) * 0.6) / (52.0 / 12)
    #expect(abs(RefusionClock.averageShare(from: 2.5, to: to) - expected) < 1e-15)
  }

  @Test(arguments: [
    (0.0, 4.0, 0.2), (4.0, 26.0, 0.6), (26.0, 52.0, 0.7), (52.0, 60.0, 0.8), (3.0, 5.0, 0.4),
    (25.0, 27.0, 0.65), (51.0, 53.0, 0.75), (0.0, 52.0, 32.2 / 52), (3.5, 4.0, 0.2),
    (4.0, 4.5, 0.6), (25.5, 26.0, 0.6), (26.0, 26.5, 0.7), (51.5, 52.0, 0.7),
  ])
  func bandsSplitProRata(from: Double, to: Double, share: Double) {
    #expect(abs(RefusionClock.averageShare(from: from, to: to) - share) < 1e-14)
  }

  @Test func insideOneBandTheShareIsExact() {
    #expect(RefusionClock.averageShare(from: 5, to: 5 + 26.0 / 12) == 0.6)
    #expect(RefusionClock.averageShare(from: 400, to: 426) == 0.8)
  }

  /// Month by month from week `start`, always covered: each month's share is the average of
  /// the staircase over its 52/12 weeks.
  @Test(arguments: [0.0, 2.5, 30.0, 51.0, 80.0])
  func aCoveredClockPaysTheIntegralOfTheStaircase(start: Double) {
    var clock = RefusionClock(weeks: start, Self.monthly)
    for month in 0..<30 {
      let a = clock.advance(.covered, Self.monthly)
      let b = clock.advance(.covered, Self.monthly)
      let from = start + Double(month) * 52 / 12
      let expected = (Self.paidWeeks(from + 52.0 / 12) - Self.paidWeeks(from)) / (52.0 / 12)
      #expect(abs((a + b) / 2 - expected) < 1e-12, "month \(month) from week \(start)")
    }
    #expect(abs(clock.weeks(Self.monthly) - (start + 30 * 52.0 / 12)) < 1e-9)
  }

  @Test func wholeWeeksAreExact() {
    // 12 months of halves reach exactly week 52: the 13th month is all at 80 %.
    var clock = RefusionClock(weeks: 0, Self.monthly)
    for _ in 0..<24 { _ = clock.advance(.covered, Self.monthly) }
    #expect(clock.weeks(Self.monthly) == 52)
    #expect(clock.advance(.covered, Self.monthly) == 0.8)
    var year = RefusionClock(weeks: 0, Self.yearly)
    #expect(year.advance(.covered, Self.yearly) == 14.0 / 26)
    #expect(year.advance(.covered, Self.yearly) == 0.7)
    #expect(year.weeks(Self.yearly) == 52)
  }

  @Test(arguments: [(monthly, 24), (yearly, 2)])
  func fiftyTwoSelfSupportedWeeksRestartTheClock(rule: RefusionClock.Rule, halves: Int) {
    var clock = RefusionClock(weeks: 100, rule)
    for _ in 0..<(halves - 1) { #expect(clock.advance(.selfSupport, rule) == 0) }
    #expect(clock.weeks(rule) == 100, "one half short of 52 weeks: no reset")
    _ = clock.advance(.selfSupport, rule)
    #expect(clock.weeks(rule) == 0)
    // Back on benefits, the first weeks are at 20 % again.
    #expect(clock.advance(.covered, rule) < 0.8)
    // More self-support after the reset changes nothing.
    var reset = RefusionClock(weeks: 100, rule)
    for _ in 0..<(3 * halves) { _ = reset.advance(.selfSupport, rule) }
    #expect(reset.weeks(rule) == 0)
    #expect(reset.selfHalves == rule.resetHalves)
  }

  @Test func aCoveredSpellInterruptsTheSelfSupportCount() {
    var clock = RefusionClock(weeks: 100, Self.monthly)
    for _ in 0..<23 { _ = clock.advance(.selfSupport, Self.monthly) }
    #expect(clock.advance(.covered, Self.monthly) == 0.8)
    for _ in 0..<23 { _ = clock.advance(.selfSupport, Self.monthly) }
    #expect(clock.weeks(Self.monthly) > 100, "the count restarted after the covered half")
  }

  @Test func subsidisedWorkNeitherAdvancesNorResets() {
    var clock = RefusionClock(weeks: 10, Self.monthly)
    for _ in 0..<23 { _ = clock.advance(.selfSupport, Self.monthly) }
    for _ in 0..<100 { #expect(clock.advance(.paused, Self.monthly) == 0) }
    #expect(clock.weeks(Self.monthly) == 10)
    #expect(clock.selfHalves == 23)
    // The 24th self-supported half still counts as consecutive: pausing kept the count.
    _ = clock.advance(.selfSupport, Self.monthly)
    #expect(clock.weeks(Self.monthly) == 0)
  }

  /// The shortcut for a clock past week 52 pays exactly what the band arithmetic pays, from
  /// every start, including starts a rounding error away from a band edge.
  @Test(arguments: [0.0, 2.5, 30.0, 52 - 26.0 / 12, 52 - 1e-12, 52.0, 52 + 1e-12, 90.0])
  func theFullShareShortcutIsExact(start: Double) {
    for rule in [Self.monthly, Self.yearly] {
      var clock = RefusionClock(weeks: start, rule)
      var pair = clock
      for _ in 0..<30 {
        let from = clock.weeks(rule)
        let share = clock.advance(.covered, rule)
        #expect(share == RefusionClock.averageShare(from: from, to: clock.weeks(rule)))
        let second = clock.advance(.covered, rule)
        #expect(pair.advanceCycle(.covered, rule) == share + second)
      }
    }
  }

  /// A whole cycle in one state is two halves in it, whatever the kind and the count.
  @Test(arguments: [0.0, 30.0, 51.0, 200.0])
  func aCycleIsTwoHalves(start: Double) {
    for rule in [Self.monthly, Self.yearly] {
      var byCycle = RefusionClock(weeks: start, rule)
      var byHalves = byCycle
      var generator = Xoshiro256PlusPlus(seed: 7, stream: 0)
      // Runs of 1–30 cycles of one kind, so that resets happen.
      for _ in 0..<60 {
        let kind = RefusionClock.Kind(rawValue: UInt8(generator.next() % 3)) ?? .covered
        for _ in 0...(generator.next() % 30) {
          let whole = byCycle.advanceCycle(kind, rule)
          let first = byHalves.advance(kind, rule)
          #expect(whole == first + byHalves.advance(kind, rule))
          #expect(byCycle == byHalves)
        }
      }
    }
  }

  @Test func canonicalClocksBehaveAlike() {
    var exact = RefusionClock(weeks: 77.3, Self.monthly)
    for _ in 0..<5 { _ = exact.advance(.covered, Self.monthly) }
    for _ in 0..<7 { _ = exact.advance(.selfSupport, Self.monthly) }
    var canonical = exact.canonical(Self.monthly)
    #expect(canonical.weeks(Self.monthly) == RefusionClock.saturation)
    for step in 0..<60 {
      let kind: RefusionClock.Kind = step % 7 == 0 ? .covered : step % 5 == 0 ? .paused : .selfSupport
      #expect(exact.advance(kind, Self.monthly) == canonical.advance(kind, Self.monthly))
      #expect(exact.selfHalves == canonical.selfHalves)
    }
  }
}
