/// SHA-256 (FIPS 180-4, §6.2), written out so that the engine needs no cryptography package.
///
/// Partial result files carry the SHA-256 of the scenario file's bytes (so a merge can tell
/// that all parts simulated the same scenario) and one checksum per block of data (so a
/// damaged part is refused instead of merged). Streaming: feed bytes in pieces of any size
/// with `update`, then call `finalize()` once.
public struct SHA256: Sendable {
  /// The running hash value H(i), eight 32-bit words.
  private var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
    0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a,
    0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19
  )
  /// Bytes of an incomplete 64-byte block, waiting for more input.
  private var pending: [UInt8] = []
  /// Bytes fed so far; the padding records it in bits.
  private var length: UInt64 = 0

  public init() { pending.reserveCapacity(64) }

  /// The digest of `bytes`.
  /// - Complexity: O(*n*).
  public static func hash(_ bytes: some Collection<UInt8>) -> [UInt8] {
    var hasher = SHA256()
    hasher.update(Array(bytes))
    return hasher.finalize()
  }

  /// Feeds `bytes`.
  public mutating func update(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { update($0) }
  }

  /// Feeds `bytes`.
  /// - Complexity: O(*n*); whole 64-byte blocks are read in place, without copying.
  public mutating func update(_ bytes: UnsafeRawBufferPointer) {
    length &+= UInt64(bytes.count)
    var offset = 0
    if !pending.isEmpty {
      let take = min(64 - pending.count, bytes.count)
      pending.append(contentsOf: bytes[0..<take])
      offset = take
      guard pending.count == 64 else { return }
      pending.withUnsafeBytes { compress($0) }
      pending.removeAll(keepingCapacity: true)
    }
    while bytes.count - offset >= 64 {
      compress(UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + 64]))
      offset += 64
    }
    pending.append(contentsOf: bytes[offset...])
  }

  /// The 32-byte digest of everything fed. The hasher is spent afterwards.
  public mutating func finalize() -> [UInt8] {
    let bits = length &* 8
    // Padding (§5.1.1): a 1 bit, zeros up to 56 bytes mod 64, then the length in bits.
    var tail: [UInt8] = [0x80]
    tail += [UInt8](repeating: 0, count: (55 &- Int(length % 64) + 64) % 64)
    for shift in stride(from: 56, through: 0, by: -8) {
      tail.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift)))
    }
    update(tail)
    precondition(pending.isEmpty, "SHA-256 padding left a partial block")
    let words = [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7]
    return words.flatMap { word in
      [UInt8(word >> 24), UInt8(truncatingIfNeeded: word >> 16),
       UInt8(truncatingIfNeeded: word >> 8), UInt8(truncatingIfNeeded: word)]
    }
  }

  /// Lower-case hexadecimal, as `sha256sum` prints a digest.
  public static func hex(_ digest: [UInt8]) -> String {
    let digits = Array("0123456789abcdef")
    return String(digest.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] })
  }

  // MARK: - Compression function (§6.2.2)

  /// The first 32 bits of the fractional parts of the cube roots of the first 64 primes.
  private static let k: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4,
    0xab1c_5ed5, 0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe,
    0x9bdc_06a7, 0xc19b_f174, 0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f,
    0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da, 0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7,
    0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967, 0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc,
    0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85, 0xa2bf_e8a1, 0xa81a_664b,
    0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070, 0x19a4_c116,
    0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7,
    0xc671_78f2,
  ]

  @inline(__always)
  private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }

  /// Processes one 64-byte block into `state`.
  private mutating func compress(_ block: UnsafeRawBufferPointer) {
    assert(block.count == 64)
    var w = (
      UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0),
      UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0),
      UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0),
      UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
    // The message schedule W0…W63 as 64 words in a fixed-size tuple: no heap allocation.
    withUnsafeMutableBytes(of: &w) { raw in
      let schedule = raw.bindMemory(to: UInt32.self)
      for t in 0..<16 {
        let b = 4 * t
        schedule[t] =
          UInt32(block[b]) << 24 | UInt32(block[b + 1]) << 16 | UInt32(block[b + 2]) << 8
          | UInt32(block[b + 3])
      }
      for t in 16..<64 {
        let s0 = Self.rotr(schedule[t - 15], 7) ^ Self.rotr(schedule[t - 15], 18)
          ^ (schedule[t - 15] >> 3)
        let s1 = Self.rotr(schedule[t - 2], 17) ^ Self.rotr(schedule[t - 2], 19)
          ^ (schedule[t - 2] >> 10)
        schedule[t] = schedule[t - 16] &+ s0 &+ schedule[t - 7] &+ s1
      }
      var (a, b, c, d, e, f, g, h) = state
      Self.k.withUnsafeBufferPointer { k in
        for t in 0..<64 {
          let sum1 = Self.rotr(e, 6) ^ Self.rotr(e, 11) ^ Self.rotr(e, 25)
          let choice = (e & f) ^ (~e & g)
          let t1 = h &+ sum1 &+ choice &+ k[t] &+ schedule[t]
          let sum0 = Self.rotr(a, 2) ^ Self.rotr(a, 13) ^ Self.rotr(a, 22)
          let majority = (a & b) ^ (a & c) ^ (b & c)
          let t2 = sum0 &+ majority
          h = g
          g = f
          f = e
          e = d &+ t1
          d = c
          c = b
          b = a
          a = t1 &+ t2
        }
      }
      state = (
        state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d,
        state.4 &+ e, state.5 &+ f, state.6 &+ g, state.7 &+ h
      )
    }
  }
}
