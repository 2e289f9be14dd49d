import Testing

@testable import EffectSim

@Suite("SplitMix64")
struct SplitMix64Tests {
  /// Published outputs of Vigna's `splitmix64.c`.
  @Test("golden stream from state 0")
  func goldenFromZero() {
    var generator = SplitMix64(state: 0)
    let expected: [UInt64] = [
      0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F,
      0xF88B_B8A8_724C_81EC, 0x1B39_896A_51A8_749B,
    ]
    for value in expected { #expect(generator.next() == value) }
  }

  @Test("golden stream from state 1234567")
  func goldenFrom1234567() {
    var generator = SplitMix64(state: 1_234_567)
    let expected: [UInt64] = [
      6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
      4_593_380_528_125_082_431, 16_408_922_859_458_223_821,
    ]
    for value in expected { #expect(generator.next() == value) }
  }
}
