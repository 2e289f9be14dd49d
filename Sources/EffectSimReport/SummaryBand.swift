import EffectSim

/// Which statistics the human formats show for an uncertain amount: a centre and an interval.
///
/// Business-case readers want one number per cell and a sense of the spread, so the tables
/// show the median with the 90 % interval (the 5th and 95th percentiles). A run may have been
/// asked for other levels; then the band falls back to the outermost requested levels (or the
/// mean when 50 was not requested) and `caption` says so, rather than inventing numbers.
struct SummaryBand {
  /// The levels preferred for the interval, in percent.
  static let preferredLow = 5.0
  static let preferredHigh = 95.0

  /// Whether the median (level 50) was requested; otherwise the centre is the mean.
  var hasMedian: Bool
  /// Lower and upper interval levels in percent; `nil` when fewer than two levels exist.
  var interval: (low: Double, high: Double)?
  /// Whether the interval uses other levels than 5 % and 95 %, or is missing.
  var intervalSubstituted: Bool

  /// Chooses the band for a run's percentile levels.
  ///
  /// - Parameter levels: the requested levels in percent, in any order.
  init(levels: [Double]) {
    hasMedian = levels.contains(50)
    intervalSubstituted = true
    if levels.contains(Self.preferredLow), levels.contains(Self.preferredHigh) {
      interval = (Self.preferredLow, Self.preferredHigh)
      intervalSubstituted = false
    } else {
      let low = levels.min()
      let high = levels.max()
      if let low, let high, low < high {
        interval = (low, high)
      } else {
        interval = nil
      }
    }
  }

  /// `"median"` or `"mean"`.
  var centreName: String { hasMedian ? "median" : "mean" }

  /// The centre of `value`: its median when requested, else its mean.
  func centre(_ statistic: Statistic) -> Double {
    hasMedian ? statistic.value(atPercentile: 50) ?? .nan : statistic.mean
  }

  /// The interval's lower and upper values of `value`, when the band has an interval.
  func bounds(_ statistic: Statistic) -> (low: Double, high: Double)? {
    interval.map { levels in
      (
        statistic.value(atPercentile: levels.low) ?? .nan,
        statistic.value(atPercentile: levels.high) ?? .nan
      )
    }
  }

  /// Describes the interval: "90 % interval (5 %-95 %)"; "interval 10 %-75 %" when the
  /// levels are not symmetric about the median.
  var intervalName: String? {
    guard let (low, high) = interval else { return nil }
    let span = "\(AmountFormatting.level(low))-\(AmountFormatting.level(high))"
    guard low + high == 100 else { return "interval \(span)" }
    return "\(AmountFormatting.level(high - low)) interval (\(span))"
  }

  /// A caption for a table, e.g. "median and 90 % interval (5 %-95 %)", naming the levels
  /// that stand in for missing ones.
  ///
  /// - Parameter showsMean: the table shows the mean whatever was requested (outcomes).
  func caption(showsMean: Bool = false) -> String {
    var text = showsMean ? "mean" : centreName
    if let intervalName { text += " and " + intervalName }
    var notes: [String] = []
    if !showsMean, !hasMedian { notes.append("the median was not requested") }
    if intervalSubstituted { notes.append("the 5 % and 95 % percentiles were not requested") }
    if !notes.isEmpty { text += "; " + notes.joined(separator: ", ") }
    return text
  }
}
