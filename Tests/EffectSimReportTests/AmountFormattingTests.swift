import Testing

@testable import EffectSimReport

@Suite("Amount formatting")
struct AmountFormattingTests {
  @Test(arguments: [
    (2_073_000.0, "2.073"), (-709_000, "-709"), (-2_105_000, "-2.105"), (0, "0"),
    (500, "1"), (-500, "-1"), (499.9, "0"), (-400, "0"), (1_500, "2"), (-2_500, "-3"),
    (1_234_567_890, "1.234.568"), (999_499, "999"), (999_500, "1.000"), (.nan, "n/a"),
  ])
  func thousandsRoundHalfAwayFromZero(value: Double, expected: String) {
    #expect(AmountFormatting.thousands(value) == expected)
  }

  @Test func decimalsUseACommaAndGroupThousands() {
    #expect(AmountFormatting.decimal(-1234.56, decimals: 1) == "-1.234,6")
    #expect(AmountFormatting.decimal(0.05, decimals: 2) == "0,05")
    #expect(AmountFormatting.decimal(-0.04, decimals: 1) == "0,0")
    #expect(AmountFormatting.decimal(100.25, decimals: 1) == "100,3")
    #expect(AmountFormatting.grouped(10_000) == "10.000")
    #expect(AmountFormatting.grouped(-1_000_000) == "-1.000.000")
    #expect(AmountFormatting.grouped(999) == "999")
  }

  @Test func percentagesAndLevels() {
    #expect(AmountFormatting.percent(0.4235) == "42,4 %")
    #expect(AmountFormatting.percent(1) == "100,0 %")
    #expect(AmountFormatting.percentagePoints(-0.15) == "-15,0 pp")
    #expect(AmountFormatting.level(5) == "5 %")
    #expect(AmountFormatting.level(97.5) == "97,5 %")
  }

  @Test func outcomePrecisionFollowsTheLargestValue() {
    #expect(AmountFormatting.decimals(forLargest: [312.4, 5]) == 1)
    #expect(AmountFormatting.decimals(forLargest: [5.27, -1]) == 2)
    #expect(AmountFormatting.decimals(forLargest: [0.042]) == 3)
    #expect(AmountFormatting.decimals(forLargest: [.nan]) == 3)
  }
}
