/// xoshiro256++ (Blackman & Vigna 2018, "Scrambled linear pseudorandom number generators"),
/// seeded through SplitMix64.
///
/// Period 2^256 − 1; passes BigCrush and PractRand. The generator is a value type: copy it
/// to fork a stream, pass it `inout` to draw.
public struct Xoshiro256PlusPlus: Sendable {
  @usableFromInline internal var s0: UInt64
  @usableFromInline internal var s1: UInt64
  @usableFromInline internal var s2: UInt64
  @usableFromInline internal var s3: UInt64

  /// A stream derived only from `(seed, stream)`.
  ///
  /// The seed is hashed through SplitMix64, the stream is folded into that hash and hashed
  /// again, and SplitMix64 from the result fills the four state words. Nearby seeds and
  /// nearby streams therefore start from unrelated states. The state is never all zero: the
  /// four words are SplitMix64 outputs for four distinct counters, and its mix is a bijection.
  /// - Parameters:
  ///   - seed: the run's seed.
  ///   - stream: the stream index, e.g. a block of iterations; streams of one seed are
  ///     independent for practical purposes.
  public init(seed: UInt64, stream: UInt64) {
    var seedHash = SplitMix64(state: seed)
    var streamHash = SplitMix64(state: seedHash.next() ^ stream)
    var filler = SplitMix64(state: streamHash.next())
    self.init(state: (filler.next(), filler.next(), filler.next(), filler.next()))
  }

  /// Creates a generator with the given raw state, for reference-vector tests.
  /// - Precondition: the state is not all zero (a fixed point of the generator).
  internal init(state: (UInt64, UInt64, UInt64, UInt64)) {
    precondition(
      state.0 | state.1 | state.2 | state.3 != 0, "xoshiro256++ state must not be all zero")
    s0 = state.0
    s1 = state.1
    s2 = state.2
    s3 = state.3
  }

  /// The next 64 random bits.
  /// - Complexity: O(1); a handful of shifts, xors and adds.
  @inlinable
  public mutating func next() -> UInt64 {
    let sum = s0 &+ s3
    let result = ((sum << 23) | (sum >> 41)) &+ s0
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = (s3 << 45) | (s3 >> 19)
    return result
  }

  /// Uniform in [0, 1) with 53 random bits: `Double(next() >> 11) * 0x1p-53`.
  ///
  /// The mapping is spelled out rather than left to `Double.random(in:)`, so a seed gives
  /// the same numbers on every toolchain.
  @inlinable
  public mutating func nextUniform() -> Double {
    Double(next() >> 11) * 0x1p-53
  }

  /// The raw 53-bit integer `next() >> 11`, for comparisons against integer thresholds
  /// `ceil(p · 2^53)`: `next53() < threshold` decides exactly as `nextUniform() < p`.
  @inlinable
  public mutating func next53() -> UInt64 {
    next() >> 11
  }
}
