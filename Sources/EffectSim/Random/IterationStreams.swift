/// The random streams of one iteration, each keyed by what it is for rather than by the order
/// in which the engine happens to draw.
///
/// Every iteration-scope parameter draws from a stream derived from (seed, iteration, the
/// parameter's name); every person moves on a stream derived from (seed, iteration,
/// replicate, person number), and draws each person-scope parameter from a stream derived
/// from that person's key and the parameter's name; the aggregated kernel moves its groups on
/// a cohort stream derived from (seed, iteration, replicate). Adding, removing or reordering a
/// parameter therefore changes no other parameter's draws, and two variants of one case that
/// define a parameter alike see the same values and the same people: a scenario edit changes
/// the results only through what was edited (common random numbers for `compare` and
/// `breakeven`).
///
/// `replicate` numbers independent cohorts that share one iteration's parameter draws
/// (replicate 0 is the run itself): parameter streams ignore it, person and cohort streams
/// include it. That is what splitting the variance into chance and knowledge needs.
///
/// Keys are chained through the SplitMix64 finaliser, a bijection with full avalanche, and
/// each stream's xoshiro256++ state is filled by SplitMix64 from its key, as Blackman & Vigna
/// (2018) recommend for seeding; distinct keys start from unrelated states.
public struct IterationStreams: Sendable {
  /// Mixed from (seed, iteration) alone.
  let iterationKey: UInt64
  /// Mixed from the iteration key, the person domain and the replicate: a person's key is one
  /// mix away.
  let personPrefix: UInt64
  let cohortKey: UInt64

  /// Domain tags keep the parameter, person and cohort families of keys apart.
  static let parameterDomain: UInt64 = 0x7061_7261_6D65_7465  // "paramete"
  static let personDomain: UInt64 = 0x7065_7273_6F6E_7321  // "persons!"
  static let cohortDomain: UInt64 = 0x636F_686F_7274_2121  // "cohort!!"

  /// The streams of `iteration` of a run with `seed`.
  /// - Parameters:
  ///   - seed: the run's seed.
  ///   - iteration: the iteration, 0-based.
  ///   - replicate: which independent cohort of this iteration; default 0, the run itself.
  public init(seed: UInt64, iteration: Int, replicate: Int = 0) {
    var seedHash = SplitMix64(state: seed)
    var iterationHash = SplitMix64(state: seedHash.next() ^ UInt64(truncatingIfNeeded: iteration))
    iterationKey = iterationHash.next()
    let replicateBits = UInt64(truncatingIfNeeded: replicate)
    personPrefix = SplitMix64.mix(
      SplitMix64.mix(iterationKey ^ Self.personDomain) ^ replicateBits)
    cohortKey = SplitMix64.mix(SplitMix64.mix(iterationKey ^ Self.cohortDomain) ^ replicateBits)
  }

  /// The stream of the iteration-scope parameter whose name has key `nameKey`.
  public func parameter(_ nameKey: UInt64) -> Xoshiro256PlusPlus {
    let family = SplitMix64.mix(iterationKey ^ Self.parameterDomain)
    return Xoshiro256PlusPlus(key: SplitMix64.mix(family ^ nameKey))
  }

  /// The key of person `number` (0-based, in order of entry), from which their streams derive.
  public func personKey(_ number: Int) -> UInt64 {
    SplitMix64.mix(personPrefix ^ UInt64(truncatingIfNeeded: number))
  }

  /// The stream on which the person with `personKey` moves (initial state and transitions).
  public static func moves(personKey: UInt64) -> Xoshiro256PlusPlus {
    Xoshiro256PlusPlus(key: personKey)
  }

  /// The stream of one person's draw of the person-scope parameter whose name has `nameKey`.
  public static func personParameter(personKey: UInt64, _ nameKey: UInt64) -> Xoshiro256PlusPlus {
    Xoshiro256PlusPlus(key: SplitMix64.mix(personKey ^ nameKey))
  }

  /// The aggregated kernel's stream for the whole cohort.
  public func cohort() -> Xoshiro256PlusPlus {
    Xoshiro256PlusPlus(key: cohortKey)
  }

  /// A 64-bit key of a parameter's name: FNV-1a over its UTF-8 bytes, then mixed, so names
  /// that differ in one letter give unrelated keys.
  public static func nameKey(_ name: String) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
    return SplitMix64.mix(hash)
  }
}

extension Xoshiro256PlusPlus {
  /// The stream whose state SplitMix64 fills from `key`: never all zero, because four
  /// consecutive SplitMix64 outputs are distinct.
  public init(key: UInt64) {
    var filler = SplitMix64(state: key)
    self.init(state: (filler.next(), filler.next(), filler.next(), filler.next()))
  }
}
