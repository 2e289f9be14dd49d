/// The distribution of cumulative net impact at the end of the horizon, for the histogram and
/// the verdict of the decision report.
///
/// The statistics of `RunSummary.cumulativeNetImpact` give percentiles; a histogram and the
/// probability of ending above zero need the samples themselves, so the summarizer computes
/// them while it still holds the per-iteration column.
public struct HorizonSummary: Sendable {
  /// Cumulative net impact, all areas, at the end of the last year, binned.
  public var histogram: Histogram
  /// The share of iterations whose cumulative net impact at the horizon is above zero:
  /// the probability that the case costs more than it saves over the horizon.
  public var probabilityOfLoss: Double
  /// Monte Carlo standard error of `probabilityOfLoss` (binomial); 0 in deterministic mode.
  public var probabilityOfLossMCSE: Double

  public init(histogram: Histogram, probabilityOfLoss: Double, probabilityOfLossMCSE: Double) {
    self.histogram = histogram
    self.probabilityOfLoss = probabilityOfLoss
    self.probabilityOfLossMCSE = probabilityOfLossMCSE
  }

  /// Summarises the per-iteration cumulative net impact at the horizon.
  ///
  /// - Parameter samples: one value per iteration; their order does not matter.
  /// - Complexity: O(*n*).
  public init<Samples: Collection>(samples: Samples) where Samples.Element == Double {
    let n = samples.count
    let losses = samples.reduce(0) { $1 > 0 ? $0 + 1 : $0 }
    let p = n > 0 ? Double(losses) / Double(n) : .nan
    self.init(
      histogram: Histogram(samples), probabilityOfLoss: p,
      probabilityOfLossMCSE: n > 1 ? (p * (1 - p) / Double(n - 1)).squareRoot() : 0)
  }
}
