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
  /// The words of captions.
  var labels: Labels

  /// Chooses the band for a run's percentile levels.
  ///
  /// - Parameters:
  ///   - levels: the requested levels in percent, in any order.
  ///   - labels: the words of captions; English by default.
  init(levels: [Double], labels: Labels = .english) {
    self.labels = labels
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
  var centreName: String { hasMedian ? labels.median : labels.mean }

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
    guard low + high == 100 else { return "\(labels.interval) \(span)" }
    return labels.namedInterval(AmountFormatting.level(high - low)) + " (\(span))"
  }

  /// The interval's name without its levels, for running text: "90 % interval"; the
  /// levels when they are not symmetric: "interval 10 %-75 %".
  var shortIntervalName: String? {
    guard let (low, high) = interval else { return nil }
    guard low + high == 100 else { return intervalName }
    return labels.namedInterval(AmountFormatting.level(high - low))
  }

  /// A caption for a table, e.g. "median and 90 % interval (5 %-95 %)", naming the levels
  /// that stand in for missing ones.
  ///
  /// - Parameter showsMean: the table shows the mean whatever was requested (outcomes).
  func caption(showsMean: Bool = false) -> String {
    var text = showsMean ? labels.mean : centreName
    if let intervalName { text += " \(labels.and) " + intervalName }
    var notes: [String] = []
    if !showsMean, !hasMedian { notes.append(labels.medianNotRequested) }
    if intervalSubstituted { notes.append(labels.fivePercentilesNotRequested) }
    if !notes.isEmpty { text += "; " + notes.joined(separator: ", ") }
    return text
  }
}
