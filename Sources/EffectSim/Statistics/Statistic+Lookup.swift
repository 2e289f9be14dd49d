extension Statistic {
  /// The percentile at `level` percent, or `nil` when that level was not computed.
  ///
  /// Looked up by level, not by position, so a renderer (or a test) never shows the wrong percentile
  /// when a statistic was summarised with other levels than the run's settings list.
  public func value(atPercentile level: Double) -> Double? {
    percentiles.first { $0.level == level }?.value
  }
}
