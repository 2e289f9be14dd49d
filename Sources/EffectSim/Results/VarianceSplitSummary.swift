/// Chance against knowledge for one payback definition (`--variance-split`).
///
/// Each iteration simulates two cohorts with the same iteration-scope parameter draws and
/// independent persons, giving targets *Y*₁ and *Y*₂. By the law of total variance,
/// Var(Y) = Var(E[Y | θ]) + E[Var(Y | θ)]; the first part is Cov(Y₁, Y₂) and the second
/// E[(Y₁ − Y₂)²] / 2, both estimated without bias from the pairs.
public struct VarianceSplitSummary: Sendable {
  public var payback: String
  /// `parameter + chance`: the variance of the target.
  public var total: Double
  /// What better knowledge of the parameters could remove: sample Cov(Y₁, Y₂) (n − 1).
  public var parameter: Double
  /// What no evidence can remove for a cohort of this size: mean of (Y₁ − Y₂)² / 2.
  public var chance: Double
  /// chance / total, clamped to [0, 1] (the covariance estimate can fall below zero when the
  /// parameters matter little); NaN when the target does not vary.
  public var chanceShare: Double
  /// People in the cohort with every parameter at its base value: the "15" of "chance in a
  /// cohort of 15".
  public var cohortSize: Int

  public init(
    payback: String, total: Double, parameter: Double, chance: Double, chanceShare: Double,
    cohortSize: Int
  ) {
    self.payback = payback
    self.total = total
    self.parameter = parameter
    self.chance = chance
    self.chanceShare = chanceShare
    self.cohortSize = cohortSize
  }
}
