/// A probability distribution for a scenario parameter.
///
/// Build values through the validating factories (`makeUniform(min:max:)` and friends):
/// a distribution made that way always samples finite values, and its `mean`, `variance`
/// and `cdf(_:)` are exact. Sampling is stateless, so one value can be shared across
/// threads, each with its own generator.
public enum Distribution: Sendable, Equatable {
  /// Uniform on [min, max).
  case uniform(min: Double, max: Double)
  /// Triangular on [min, max] with peak at `mode`.
  case triangular(min: Double, mode: Double, max: Double)
  /// Beta-PERT: min + (max − min) · Beta(1 + λ(mode − min)/(max − min),
  /// 1 + λ(max − mode)/(max − min)); λ = 4 is the classic PERT.
  case pert(min: Double, mode: Double, max: Double, lambda: Double)
  /// Normal with the given mean and sd, truncated to [min, max] when bounds are given
  /// (a missing bound is unbounded on that side).
  case normal(mean: Double, sd: Double, min: Double?, max: Double?)
  /// Lognormal with the given mean and sd of the variable itself (not of its logarithm).
  case lognormal(mean: Double, sd: Double)
  /// Beta(alpha, beta) on [0, 1].
  case beta(alpha: Double, beta: Double)
  /// Gamma with the given shape k and scale θ: mean kθ.
  case gamma(shape: Double, scale: Double)
  /// Finitely many values with the given probabilities (normalised to sum to 1).
  case discrete(values: [Double], weights: [Double])
}
