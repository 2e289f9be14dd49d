/// One person's position on the refusion staircase: weeks on covered benefits, and how long
/// they have been self-supporting since.
///
/// *Lov om kommunernes finansiering af visse offentlige ydelser* §§ 5–6 (DOMAIN.md §2): the
/// municipality pays 20 % of a covered benefit in weeks 1–4 on covered benefits, 60 % in weeks
/// 5–26, 70 % in weeks 27–52 and 80 % from week 53; the count is cumulative across all covered
/// benefits and starts again after 52 weeks of self-support. EffectSim's reading, the same in
/// every kernel and in deterministic mode:
/// - The clock moves in half-cycles (26/12 weeks monthly, 26 weeks yearly), each counted in a
///   state as `occupancy` counts the cycle (`start`: both halves in the state held at the
///   start, `end`: in the state after the transition, `average`: one of each).
/// - A half in a covered state advances the clock; its amount is split over the bands pro
///   rata to the weeks of that half in each band, and the consecutive self-support count
///   drops to 0.
/// - A half in a state that is not covered and is self-support adds to the consecutive count;
///   when the count reaches 52 weeks (a year of cycles) the clock restarts at 0. The law counts
///   52 weeks within the last three years, not in a row: the simplification is documented in
///   docs/refusion.md.
/// - A half in a `"selfSupport": false` state (subsidised work) changes nothing.
///
/// Every kernel, the expected trace and the tests call this type: the band arithmetic and the
/// reset live here only.
struct RefusionClock: Hashable, Sendable {
  /// Weeks on covered benefits when the clock last (re)started: the entry clock, then 0.
  var origin: Double
  /// Covered half-cycles since then.
  var halves: Int
  /// Consecutive self-supported half-cycles, at most `Rule.resetHalves`.
  var selfHalves: Int
  /// Covered half-cycles from which the clock is at or past `saturation` (found once per
  /// (re)start), so that the common case — years on benefits — pays `fullShare` without
  /// computing weeks.
  private var fullFrom: Int

  /// A clock at `weeks` on covered benefits, with no self-support behind it.
  init(weeks: Double, _ rule: Rule) {
    origin = weeks
    halves = 0
    selfHalves = 0
    fullFrom = Self.fullFrom(origin: weeks, rule)
  }

  /// The fewest covered halves after which a clock started at `origin` is at or past
  /// `saturation`, by the same arithmetic as `weeks(_:)`.
  private static func fullFrom(origin: Double, _ rule: Rule) -> Int {
    if origin >= saturation { return 0 }
    var h = Int(((saturation - origin) * Double(rule.cyclesPerYear) / 26).rounded(.up))
    while h > 0 && origin + rule.weeks(halves: h - 1) >= saturation { h -= 1 }
    while origin + rule.weeks(halves: h) < saturation { h += 1 }
    return h
  }

  /// The staircase's bands: upper edge in weeks on covered benefits and the municipal share
  /// below it; from `saturation` on the share is `fullShare`.
  static let bands: [(upTo: Double, share: Double)] = [(4, 0.2), (26, 0.6), (52, 0.7)]
  static let saturation = 52.0
  static let fullShare = 0.8

  /// How the clock advances for one cycle length.
  struct Rule: Sendable, Equatable {
    /// Cycles per calendar year: 12 or 1.
    var cyclesPerYear: Int
    /// Self-supported half-cycles after which the clock restarts: 52 weeks.
    var resetHalves: Int { 2 * cyclesPerYear }

    /// Weeks in `halves` half-cycles: 26 weeks a year of halves, computed as one division so
    /// that whole weeks (26, 52) come out exact.
    @inline(__always)
    func weeks(halves: Int) -> Double { Double(halves * 26) / Double(cyclesPerYear) }
  }

  /// What a half-cycle in a state does to the clock.
  enum Kind: UInt8, Sendable {
    /// Not covered, self-support: counts towards the reset.
    case selfSupport = 0
    /// A covered benefit: advances the clock.
    case covered = 1
    /// Not covered and not self-support (subsidised work): changes nothing.
    case paused = 2
  }

  /// Weeks on covered benefits now.
  @inline(__always)
  func weeks(_ rule: Rule) -> Double { origin + rule.weeks(halves: halves) }

  /// Moves the clock through one half-cycle counted in a state of `kind`.
  /// - Returns: the municipal share of a covered benefit paid for that half (the average
  ///   share over its weeks); 0 when `kind` is not `.covered`.
  @inline(__always)
  mutating func advance(_ kind: Kind, _ rule: Rule) -> Double {
    advance(kind, halves: 1, rule)
  }

  /// Moves the clock through a whole cycle counted in one state: both halves.
  ///
  /// The common cases — years on benefits, a cycle in work that does not complete the year,
  /// subsidised work — take a few instructions inline; the rest (a band edge, a reset) goes to
  /// `advanceCycleSlowly`.
  /// - Returns: the sum of the two halves' shares.
  @inline(__always)
  mutating func advanceCycle(_ kind: Kind, _ rule: Rule) -> Double {
    switch kind {
    case .covered where halves >= fullFrom:
      halves += 2
      selfHalves = 0
      return 2 * Self.fullShare
    case .paused:
      return 0
    case .selfSupport where selfHalves + 2 < rule.resetHalves:
      selfHalves += 2
      return 0
    case .selfSupport where selfHalves >= rule.resetHalves:
      return 0
    default:
      return advanceCycleSlowly(kind, rule)
    }
  }

  /// Moves the clock through `count` consecutive half-cycles counted in one state of `kind`:
  /// the same clock, and the same shares up to rounding, as `count` calls of
  /// `advance(_:_:)` (which is this with `count` 1). For the kernel that counts a person's
  /// stay in a state as one stretch, so that the clock is touched once per move rather than
  /// once per cycle.
  /// - Returns: the sum of the halves' shares; 0 when `kind` is not `.covered`.
  @inline(__always)
  mutating func advance(_ kind: Kind, halves count: Int, _ rule: Rule) -> Double {
    guard count > 0 else { return 0 }
    switch kind {
    case .covered:
      selfHalves = 0
      if halves >= fullFrom {
        halves += count
        return Double(count) * Self.fullShare
      }
      // Each half's share is the band integral over its weeks divided by its length, so
      // the halves' shares sum to `count` times the average over the whole stretch.
      let from = weeks(rule)
      halves += count
      return Double(count) * Self.averageShare(from: from, to: weeks(rule))
    case .selfSupport:
      guard selfHalves < rule.resetHalves else { return 0 }
      selfHalves = min(selfHalves + count, rule.resetHalves)
      if selfHalves == rule.resetHalves {
        origin = 0
        halves = 0
        fullFrom = 2 * rule.cyclesPerYear
      }
      return 0
    case .paused:
      return 0
    }
  }

  /// `advanceCycle` as two halves: a covered cycle below week 52, or the cycle that completes
  /// 52 weeks of self-support.
  @inline(never)
  private mutating func advanceCycleSlowly(_ kind: Kind, _ rule: Rule) -> Double {
    let first = advance(kind, rule)
    return first + advance(kind, rule)
  }

  /// The municipal share averaged over weeks `[from, to)` on covered benefits: each band's
  /// share weighted by the part of the interval that falls in it.
  /// - Precondition: `from < to`.
  /// - Returns: exactly a band's share when the interval lies inside that band.
  @inline(__always)
  static func averageShare(from: Double, to: Double) -> Double {
    if from >= saturation { return fullShare }
    // Most intervals lie inside one band: its share, exactly and without dividing.
    for band in bands where from < band.upTo {
      if to <= band.upTo { return band.share }
      break
    }
    let length = to - from
    var share = 0.0
    var lower = 0.0
    for band in bands {
      let overlap = min(to, band.upTo) - max(from, lower)
      if overlap > 0 { share += band.share * (overlap / length) }
      lower = band.upTo
    }
    let beyond = to - max(from, saturation)
    if beyond > 0 { share += fullShare * (beyond / length) }
    return share
  }

  /// The same behaviour in a bounded form, for the expected trace: a clock at or past the last
  /// band pays `fullShare` whatever its exact weeks, so all such clocks with the same
  /// self-support count are one.
  func canonical(_ rule: Rule) -> RefusionClock {
    guard weeks(rule) >= Self.saturation else { return self }
    var clock = RefusionClock(weeks: Self.saturation, rule)
    clock.selfHalves = selfHalves
    return clock
  }
}
