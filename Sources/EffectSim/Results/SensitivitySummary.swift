/// What drives the risk of one payback definition: how its target depends on each uncertain
/// parameter, and what knowing them would be worth before the money is committed.
///
/// The target *Y* is the cumulative net impact at the horizon over the definition's areas
/// (discounted when the definition is); expenses are positive, so the net benefit of funding
/// the case is *NB* = −*Y*. Every figure is computed from the draws of the run itself (no second
/// simulation), except `ParameterSensitivity.oneWay`, which is the deterministic model.
/// docs/drivers.md gives the estimators and the bias measured for each.
public struct SensitivitySummary: Sendable {
  /// The payback definition's name.
  public var payback: String
  /// Expected value of perfect information, in the scenario's currency:
  /// mean(max(NB, 0)) − max(mean(NB), 0). What knowing the outcome before deciding to fund
  /// would be worth; an upper bound for any study or count.
  public var evpi: Double
  /// Mean of the target over the iterations: the centre the tornado is drawn around.
  public var mean: Double
  /// Standard deviation of the target (n − 1); 0 when no simulated future differs from
  /// another, and then nothing drives it.
  public var sd: Double
  /// Every iteration-scope parameter with a distribution that varied in the run, by
  /// `varianceShare`, largest first (ties in the scenario's order).
  public var parameters: [ParameterSensitivity]

  public init(
    payback: String, evpi: Double, mean: Double, sd: Double, parameters: [ParameterSensitivity]
  ) {
    self.payback = payback
    self.evpi = evpi
    self.mean = mean
    self.sd = sd
    self.parameters = parameters
  }
}
