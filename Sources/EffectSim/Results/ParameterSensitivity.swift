/// How one payback definition's target depends on one uncertain parameter θ.
///
/// A value that cannot be estimated from the run (a target that never varies, a correlation
/// matrix that cannot be inverted) is NaN, which the JSON output prints as `null`.
public struct ParameterSensitivity: Sendable {
  /// The mean target among the iterations with θ on one side of a percentile.
  public struct Tail: Sendable, Equatable {
    /// The percentile of θ over the run (type 7): the 10th for `low`, the 90th for `high`.
    public var value: Double
    /// The mean target among iterations with θ at or below (`low`) or at or above (`high`) it.
    public var mean: Double

    public init(value: Double, mean: Double) {
      self.value = value
      self.mean = mean
    }
  }

  /// The deterministic one-way swing: the model at base values with θ alone moved to the
  /// exact 5th and 95th percentiles of its distribution.
  public struct OneWay: Sendable, Equatable {
    public var lowValue: Double
    public var highValue: Double
    /// The target with θ at `lowValue`; NaN when that deterministic run fails.
    public var lowResult: Double
    /// The target with θ at `highValue`; NaN when that deterministic run fails.
    public var highResult: Double

    public init(lowValue: Double, highValue: Double, lowResult: Double, highResult: Double) {
      self.lowValue = lowValue
      self.highValue = highValue
      self.lowResult = lowResult
      self.highResult = highResult
    }
  }

  public var name: String
  /// Spearman's rank correlation between θ and the target, average ranks for ties.
  public var spearman: Double
  /// Partial rank correlation: θ's rank correlation with the target after the linear effect
  /// of every other uncertain parameter's rank is removed from both.
  public var prcc: Double
  /// First-order sensitivity index Var(E[Y | θ]) / Var(Y), in [0, 1]: the share of the
  /// target's variance that knowing θ alone would remove.
  public var varianceShare: Double
  /// Expected value of partial perfect information on θ, in the scenario's currency:
  /// E[max(E[NB | θ], 0)] − max(E[NB], 0). Never above `SensitivitySummary.evpi`.
  public var evppi: Double
  public var low: Tail
  public var high: Tail
  public var oneWay: OneWay

  public init(
    name: String, spearman: Double, prcc: Double, varianceShare: Double, evppi: Double,
    low: Tail, high: Tail, oneWay: OneWay
  ) {
    self.name = name
    self.spearman = spearman
    self.prcc = prcc
    self.varianceShare = varianceShare
    self.evppi = evppi
    self.low = low
    self.high = high
    self.oneWay = oneWay
  }
}
