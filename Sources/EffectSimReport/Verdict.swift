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
    guard let lastYear = summary.years.last, let cumulative = summary.cumulativeNetImpact.total.last
    else { return [] }
    let horizon = summary.years.count
    let payback = headlinePayback(summary)
    let name = payback.map { ReportText.paybackName($0, labels) }
    let da = labels.language == .da
    var sentences: [String] = []

    guard summary.settings.mode == .montecarlo else {
      if let payback, let name {
        let year = ReportText.deterministicYear(payback)
        if let year {
          sentences.append(
            da
              ? "Med alle parametre på deres basisværdi (regnearkets beregning) er sagen tilbagebetalt efter \(labels.paybackSentence(year, calendarYear: summary.years[0] + year - 1)) (\(name))."
              : "With every parameter at its base value (the spreadsheet reading) the case pays back in \(labels.paybackSentence(year, calendarYear: summary.years[0] + year - 1)) (\(name)).")
        } else {
          sentences.append(
            da
              ? "Med alle parametre på deres basisværdi (regnearkets beregning) er sagen ikke tilbagebetalt inden for tidshorisonten på \(labels.years(horizon)) (\(name))."
              : "With every parameter at its base value (the spreadsheet reading) the case does not pay back within its \(horizon)-year horizon (\(name)).")
        }
      }
      let amount = millions([cumulative.mean])[0]
      sentences.append(
        da
          ? "Ved udgangen af \(lastYear) er den akkumulerede økonomiske påvirkning (\(labels.signConvention)) \(amount) \(labels.millionsUnit)."
          : "By the end of \(lastYear) the cumulative net impact (\(labels.signConvention)) is \(amount) \(labels.millionsUnit).")
      return sentences
    }

    if let payback, let name, let p = payback.probabilityByYear.last {
      // Two decimals below a tenth of a point, so a small error does not read as "0,0".
      let points = (payback.probabilityMCSE.last ?? 0) * 100
      let mcse = AmountFormatting.decimal(points, decimals: points > 0 && points < 0.1 ? 2 : 1)
      let percent = AmountFormatting.percent(p)
      sentences.append(
        da
          ? "Sandsynligheden for at sagen er tilbagebetalt inden for tidshorisonten på \(labels.years(horizon)) (\(name): akkumuleret påvirkning på nul eller derunder ved udgangen af \(lastYear)) er \(percent) (Monte Carlo-standardfejl \(mcse) \(labels.percentagePointsLong))."
          : "The probability that the case pays back within its \(horizon)-year horizon (\(name): cumulative net impact at or below zero by the end of \(lastYear)) is \(percent) (Monte Carlo standard error \(mcse) \(labels.percentagePointsLong)).")
    }
    let band = SummaryBand(levels: summary.settings.percentileLevels, labels: labels)
    let bounds = band.bounds(cumulative)
    let amounts = millions([band.centre(cumulative)] + (bounds.map { [$0.low, $0.high] } ?? []))
    var spread = band.centreName
    if let intervalName = band.shortIntervalName, amounts.count == 3 {
      spread += "; \(intervalName) \(amounts[1]) \(da ? "til" : "to") \(amounts[2]) \(labels.millionsUnit)"
    }
    sentences.append(
      da
        ? "Ved udgangen af \(lastYear) er den akkumulerede økonomiske påvirkning (\(labels.signConvention)) \(amounts[0]) \(labels.millionsUnit) (\(spread))."
        : "By the end of \(lastYear) the cumulative net impact (\(labels.signConvention)) is \(amounts[0]) \(labels.millionsUnit) (\(spread)).")
    if let loss = summary.horizon?.probabilityOfLoss {
      let percent = AmountFormatting.percent(loss)
      sentences.append(
        da
          ? "Sandsynligheden for at sagen giver underskud over tidshorisonten (akkumuleret påvirkning over nul ved udgangen af \(lastYear)) er \(percent)."
          : "The probability that the case loses money over the horizon (cumulative net impact above zero at the end of \(lastYear)) is \(percent).")
    }
    return sentences
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
