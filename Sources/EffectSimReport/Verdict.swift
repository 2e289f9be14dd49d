import EffectSim

/// The two or three plain sentences a finance committee reads first, generated from the run.
///
/// Monte Carlo: the probability of paying back within the horizon (with its Monte Carlo
/// standard error), the median and interval of cumulative net impact at the end of the last
/// year, and the probability that the case loses money over the horizon (cumulative net
/// impact above zero then). Deterministic: the spreadsheet's payback year and final amount.
/// The payback definition quoted is the first over all areas (the business cases'
/// "Totaløkonomi"), else the first one listed.
enum Verdict {
  /// The verdict's sentences, each ending with a full stop.
  static func sentences(_ summary: RunSummary, labels: Labels) -> [String] {
    guard let lastYear = summary.years.last,
      let cumulative = summary.cumulativeNetImpact.total.last
    else { return [] }
    let horizon = summary.years.count
    let payback = headlinePayback(summary)
    let name = payback.map { ReportText.paybackName($0, labels) } ?? ""
    var sentences: [String] = []

    guard summary.settings.mode == .montecarlo else {
      if let payback {
        if let year = ReportText.deterministicYear(payback) {
          let when = labels.paybackSentence(year, calendarYear: summary.years[0] + year - 1)
          sentences.append(labels.verdictDeterministicPayback(when, name: name))
        } else {
          sentences.append(labels.verdictDeterministicNoPayback(horizon: horizon, name: name))
        }
      }
      sentences.append(
        labels.verdictCumulative(
          lastYear: lastYear, amount: millions([cumulative.mean])[0], spread: nil))
      for claimed in summary.claim?.payback ?? [] {
        sentences.append(
          labels.claimStated(years: claimed.years, name: claimedName(claimed, summary, labels)))
      }
      return sentences
    }

    if let payback, let p = payback.probabilityByYear.last {
      // Two decimals below a tenth of a point, so a small error does not read as "0,0".
      let points = (payback.probabilityMCSE.last ?? 0) * 100
      let mcse = AmountFormatting.decimal(points, decimals: points > 0 && points < 0.1 ? 2 : 1)
      sentences.append(
        labels.verdictPaybackProbability(
          horizon: horizon, name: name, lastYear: lastYear, percent: AmountFormatting.percent(p),
          mcse: mcse))
    }
    let band = SummaryBand(levels: summary.settings.percentileLevels, labels: labels)
    let bounds = band.bounds(cumulative)
    let amounts = millions([band.centre(cumulative)] + (bounds.map { [$0.low, $0.high] } ?? []))
    var spread = band.centreName
    if let intervalName = band.shortIntervalName, amounts.count == 3 {
      spread += "; " + labels.verdictInterval(intervalName, low: amounts[1], high: amounts[2])
    }
    sentences.append(
      labels.verdictCumulative(lastYear: lastYear, amount: amounts[0], spread: spread))
    if let loss = summary.horizon?.probabilityOfLoss {
      sentences.append(
        labels.verdictLoss(lastYear: lastYear, percent: AmountFormatting.percent(loss)))
    }
    if let claim = summary.claim { sentences += self.claim(claim, summary, labels) }
    return sentences
  }

  /// The business case's own claim against the futures: each claimed payback time, else (a
  /// document that claims none) its cumulative figure at the horizon.
  static func claim(_ claim: ClaimSummary, _ summary: RunSummary, _ labels: Labels) -> [String] {
    guard !claim.payback.isEmpty else {
      guard let figure = claim.cumulative.last, let share = claim.cumulativeRank.last,
        let lastYear = summary.years.last
      else { return [] }
      return [
        labels.claimFiguresMet(
          amount: millions([figure])[0], lastYear: lastYear,
          percent: AmountFormatting.percent(share))
      ]
    }
    return claim.payback.map { claimed in
      let name = claimedName(claimed, summary, labels)
      guard claimed.probability.isFinite else {
        return labels.claimBeyondHorizon(
          years: claimed.years, name: name, horizon: summary.years.count)
      }
      return labels.claimHolds(
        years: claimed.years, name: name, percent: AmountFormatting.percent(claimed.probability))
    }
  }

  /// A claimed definition's name as the reports show it.
  private static func claimedName(
    _ claimed: ClaimSummary.Payback, _ summary: RunSummary, _ labels: Labels
  ) -> String {
    summary.payback.first { $0.name == claimed.name }.map { ReportText.paybackName($0, labels) }
      ?? claimed.name
  }

  /// The payback definition the verdict quotes: the first over all areas, else the first.
  static func headlinePayback(_ summary: RunSummary) -> PaybackSummary? {
    summary.payback.first { $0.areas == nil } ?? summary.payback.first
  }

  /// Amounts in millions of kroner with one precision for the whole sentence: two decimals
  /// when the largest is below 10 mio. kr., else one, so the numbers of a sentence line up.
  static func millions(_ values: [Double]) -> [String] {
    let largest = values.filter(\.isFinite).map(abs).max() ?? 0
    let decimals = largest < 10_000_000 ? 2 : 1
    return values.map { AmountFormatting.decimal($0 / 1_000_000, decimals: decimals) }
  }
}
