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
  /// One plain sentence before the numbers: how likely the investment is to pay back within
  /// the horizon, in words and as a percentage; for a deterministic run, the base-value
  /// reading and that no uncertainty was simulated. `nil` without a payback definition.
  static func headline(_ summary: RunSummary, labels: Labels) -> String? {
    guard let payback = headlinePayback(summary) else { return nil }
    let horizon = summary.years.count
    guard summary.settings.mode == .montecarlo else {
      let when = ReportText.deterministicYear(payback).map { year in
        labels.paybackSentence(year, calendarYear: (summary.years.first ?? 0) + year - 1)
      }
      return labels.deterministicHeadline(when, horizon: horizon)
    }
    guard let p = payback.probabilityByYear.last else { return nil }
    return labels.headline(
      Labels.Likelihood(p), horizon: horizon, percent: AmountFormatting.probability(p))
  }

  /// The verdict's sentences, each ending with a full stop.
  static func sentences(_ summary: RunSummary, labels: Labels) -> [String] {
    guard let lastYear = summary.years.last,
      let cumulative = summary.cumulativeNetImpact.total.last
    else { return [] }
    let horizon = summary.years.count
    let payback = headlinePayback(summary)
    let name = payback.map { ReportText.paybackName($0, summary.scenario, labels) } ?? ""
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
      sentences.append(labels.verdictNothingSimulated)
      return sentences
    }

    if let payback, let p = payback.probabilityByYear.last {
      sentences.append(
        labels.verdictPaybackProbability(
          horizon: horizon, name: name, lastYear: lastYear,
          percent: AmountFormatting.probability(p),
          precision: precision(p, mcse: payback.probabilityMCSE.last ?? 0, summary, labels)))
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
        labels.verdictLoss(lastYear: lastYear, percent: AmountFormatting.probability(loss)))
    }
    if let claim = summary.claim { sentences += self.claim(claim, summary, labels) }
    return sentences
  }

  /// What follows a probability in parentheses: its Monte Carlo standard error, or, when the
  /// figure reads "< 0,1 %" or "> 99,9 %" and a standard error would claim too much, how
  /// many of the simulated futures paid back.
  static func precision(
    _ p: Double, mcse: Double, _ summary: RunSummary, _ labels: Labels
  ) -> String {
    let n = summary.settings.iterations
    guard p < 0.0005 || p >= 0.9995 else {
      return labels.standardError(AmountFormatting.standardErrorPoints(mcse))
    }
    return labels.futuresCount(Int((p * Double(n)).rounded()), of: n)
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
          percent: AmountFormatting.probability(share))
      ]
    }
    return claim.payback.map { claimed in
      let name = claimedName(claimed, summary, labels)
      guard claimed.probability.isFinite else {
        return labels.claimBeyondHorizon(
          years: claimed.years, name: name, horizon: summary.years.count)
      }
      return labels.claimHolds(
        years: claimed.years, name: name,
        percent: AmountFormatting.probability(claimed.probability))
    }
  }

  /// A claimed definition's name as the reports show it.
  private static func claimedName(
    _ claimed: ClaimSummary.Payback, _ summary: RunSummary, _ labels: Labels
  ) -> String {
    summary.payback.first { $0.name == claimed.name }
      .map { ReportText.paybackName($0, summary.scenario, labels) } ?? claimed.name
  }

  /// The payback definition the verdict quotes: the first over all areas, else the first.
  static func headlinePayback(_ summary: RunSummary) -> PaybackSummary? {
    summary.payback.first { $0.areas == nil } ?? summary.payback.first
  }

  /// Amounts in millions of kroner with one precision for the whole sentence: two decimals
  /// when the largest is below 10 mio. kr., else one, so the numbers of a sentence line up.
  /// Negative amounts carry the minus sign (U+2212): the verdict is read, not parsed.
  static func millions(_ values: [Double]) -> [String] {
    let largest = values.filter(\.isFinite).map(abs).max() ?? 0
    let decimals = largest < 10_000_000 ? 2 : 1
    return values.map {
      AmountFormatting.decimal($0 / 1_000_000, decimals: decimals, minus: .sign)
    }
  }
}
