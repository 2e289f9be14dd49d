import Testing

@testable import EffectSim

/// SHA-256 against the known answers of FIPS 180-4's examples (NIST CSRC "Example Algorithms")
/// and of coreutils' `sha256sum` at the padding boundaries.
@Suite("SHA-256")
struct SHA256Tests {
  static func hex(_ text: String) -> String { SHA256.hex(SHA256.hash(Array(text.utf8))) }

  @Test func nistOneBlock() {
    #expect(Self.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  }

  @Test func nistEmpty() {
    #expect(Self.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
  }

  @Test func nistTwoBlocks() {
    #expect(
      Self.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
  }

  @Test func nist896Bits() {
    let message = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
      + "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"
    #expect(
      Self.hex(message) == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
  }

  @Test func nistMillionA() {
    var hasher = SHA256()
    // Fed in uneven pieces, so that pending bytes straddle block boundaries.
    let piece = [UInt8](repeating: UInt8(ascii: "a"), count: 999)
    var fed = 0
    while fed < 1_000_000 {
      let count = min(piece.count, 1_000_000 - fed)
      hasher.update(Array(piece[0..<count]))
      fed += count
    }
    #expect(
      SHA256.hex(hasher.finalize())
        == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  /// Lengths where the padding needs one block or two (55 and 56 bytes mod 64), and the
  /// whole-block edges around them.
  @Test(arguments: [
    (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
    (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
    (63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
    (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
    (65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
    (119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
    (120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"),
  ])
  func paddingBoundaries(length: Int, digest: String) {
    #expect(Self.hex(String(repeating: "a", count: length)) == digest)
  }

  /// Any split of the input gives the digest of the whole.
  @Test func piecesGiveTheWhole() {
    let bytes = (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
    let whole = SHA256.hash(bytes)
    for split in [0, 1, 63, 64, 65, 128, 200, 299, 300] {
      var hasher = SHA256()
      hasher.update(Array(bytes[..<split]))
      hasher.update(Array(bytes[split...]))
      #expect(hasher.finalize() == whole, "split at \(split)")
    }
  }
}
