/// SplitMix64 (Steele, Lea & Flood 2014; Vigna's reference `splitmix64.c`): a 64-bit
/// generator whose output is a strong bijective mix of a Weyl sequence.
///
/// Used to expand seeds into xoshiro state, as Blackman & Vigna (2018) recommend: its
/// outputs for distinct states are distinct, so four consecutive outputs are never all zero.
public struct SplitMix64: Sendable {
  /// The Weyl-sequence counter.
  @usableFromInline internal var state: UInt64

  /// Creates a generator that starts from `state`.
  /// - Parameter state: any 64-bit value, zero included.
  public init(state: UInt64) {
    self.state = state
  }

  /// Advances the counter by the golden-ratio increment and returns its mixed value.
  /// - Complexity: O(1).
  @inlinable
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    return SplitMix64.mix(state)
  }

  /// The SplitMix64 finaliser (a variant of MurmurHash3's `fmix64`): a bijection on `UInt64`.
  @inlinable
  static func mix(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
