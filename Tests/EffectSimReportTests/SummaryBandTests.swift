import Testing

@testable import EffectSimReport

@Suite("Summary band")
struct SummaryBandTests {
  @Test func prefersTheMedianAndTheFivetoNinetyFiveInterval() {
    let band = SummaryBand(levels: [5, 10, 25, 50, 75, 90, 95])
    #expect(band.hasMedian)
    #expect(band.interval?.low == 5 && band.interval?.high == 95)
    #expect(band.caption() == "median and 90 % interval (5 %-95 %)")
  }

  @Test func fallsBackToTheOutermostLevelsAndSaysSo() {
    let band = SummaryBand(levels: [50, 90, 10, 25])
    #expect(band.interval?.low == 10 && band.interval?.high == 90)
    #expect(
      band.caption()
        == "median and 80 % interval (10 %-90 %); the 5 % and 95 % percentiles were not requested")
  }

  @Test func usesTheMeanWithoutAMedian() {
    let band = SummaryBand(levels: [2.5, 97.5])
    #expect(!band.hasMedian)
    #expect(band.centreName == "mean")
    #expect(band.caption().hasPrefix("mean and 95 % interval (2,5 %-97,5 %); the median"))
    let stat = Fixtures.stat(100, spread: 10, mode: .montecarlo, levels: [2.5, 97.5])
    #expect(band.centre(stat) == stat.mean)
  }

  @Test func hasNoIntervalWithFewerThanTwoLevels() {
    #expect(SummaryBand(levels: [50]).interval == nil)
    #expect(SummaryBand(levels: []).interval == nil)
    #expect(SummaryBand(levels: [50]).caption().hasPrefix("median; the 5 %"))
  }
}
