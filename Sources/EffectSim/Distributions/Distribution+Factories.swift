import Foundation

/// Validating factories: what the scenario decoder calls. Each names the offending field.
extension Distribution {
  /// The least probability a truncated normal's interval may carry. Below it the bounds
  /// almost surely come from a mistake (an sd in the wrong units, a swapped bound): 1e-9 is
  /// an interval starting about 6 sd beyond the mean.
  public static let minimumTruncatedMass = 1e-9

  // MARK: - Bounded

  /// Uniform on [min, max).
  /// - Throws: `DistributionError` naming `min` or `max` when a field is not finite, or
  ///   `min` when min ≥ max.
  public static func makeUniform(min: Double, max: Double) throws(DistributionError)
    -> Distribution
  {
    try finite(min, "min")
    try finite(max, "max")
    try ordered(min: min, max: max)
    return .uniform(min: min, max: max)
  }

  /// Triangular on [min, max] with peak at `mode`.
  /// - Throws: `DistributionError` when a field is not finite, min ≥ max (`min`), or the
  ///   mode lies outside [min, max] (`mode`).
  public static func makeTriangular(min: Double, mode: Double, max: Double)
    throws(DistributionError) -> Distribution
  {
    try finite(min, "min")
    try finite(mode, "mode")
    try finite(max, "max")
    try ordered(min: min, max: max)
    try modeInside(min: min, mode: mode, max: max)
    return .triangular(min: min, mode: mode, max: max)
  }

  /// Beta-PERT on [min, max] with the given mode.
  /// - Parameter lambda: the weight of the mode; default 4 (classic PERT); must be > 0.
  /// - Throws: as `makeTriangular`, and `lambda` when it is not a positive number.
  public static func makePERT(min: Double, mode: Double, max: Double, lambda: Double = 4)
    throws(DistributionError) -> Distribution
  {
    try finite(min, "min")
    try finite(mode, "mode")
    try finite(max, "max")
    try positive(lambda, "lambda")
    try ordered(min: min, max: max)
    try modeInside(min: min, mode: mode, max: max)
    return .pert(min: min, mode: mode, max: max, lambda: lambda)
  }

  // MARK: - Normal family

  /// Normal(mean, sd), truncated to [min, max] when either bound is given.
  /// - Throws: `DistributionError` when a field is not finite, sd ≤ 0 (`sd`), min ≥ max
  ///   (`min`), or the interval carries less than `minimumTruncatedMass` of the untruncated
  ///   distribution (`min` when the interval lies above the mean, else `max`).
  public static func makeNormal(mean: Double, sd: Double, min: Double? = nil, max: Double? = nil)
    throws(DistributionError) -> Distribution
  {
    try finite(mean, "mean")
    try positive(sd, "sd")
    if let min { try finite(min, "min") }
    if let max { try finite(max, "max") }
    if let min, let max { try ordered(min: min, max: max) }
    if min != nil || max != nil {
      let lower = ((min ?? -.infinity) - mean) / sd
      let upper = ((max ?? .infinity) - mean) / sd
      let mass = SpecialFunctions.normalMass(lower: lower, upper: upper)
      if !(mass >= minimumTruncatedMass) {
        let field = lower > 0 ? "min" : "max"
        throw DistributionError(
          field: field,
          message: "the interval [\(min.map { JSONValue.format($0) } ?? "-inf"), "
            + "\(max.map { JSONValue.format($0) } ?? "inf")] holds only \(mass) of the probability"
          + " of "
            + "a normal with mean \(mean) and sd \(sd); it must hold at least "
            + "\(minimumTruncatedMass) (are mean, sd and the bounds in the same units?)")
      }
    }
    return .normal(mean: mean, sd: sd, min: min, max: max)
  }

  /// Lognormal with the given mean and sd of the variable itself.
  /// - Throws: `DistributionError` when mean ≤ 0 (`mean`), sd ≤ 0 (`sd`), or sd / mean is
  ///   so large that the log-scale sd overflows (`sd`).
  public static func makeLognormal(mean: Double, sd: Double) throws(DistributionError)
    -> Distribution
  {
    try positive(mean, "mean")
    try positive(sd, "sd")
    let ratio = sd / mean
    guard (ratio * ratio).isFinite else {
      throw DistributionError(field: "sd", message: "sd / mean = \(ratio) is too large")
    }
    return .lognormal(mean: mean, sd: sd)
  }

  // MARK: - Beta

  /// Beta(alpha, beta).
  /// - Throws: `DistributionError` naming `alpha` or `beta` when it is not a positive number.
  public static func makeBeta(alpha: Double, beta: Double) throws(DistributionError)
    -> Distribution
  {
    try positive(alpha, "alpha")
    try positive(beta, "beta")
    return .beta(alpha: alpha, beta: beta)
  }

  /// The Beta distribution with the given mean and sd (method of moments):
  /// alpha = mean · ν, beta = (1 − mean) · ν with ν = mean(1 − mean)/sd² − 1.
  /// - Throws: `DistributionError` when the mean is not in (0, 1) (`mean`), sd ≤ 0 (`sd`),
  ///   or sd ≥ √(mean(1 − mean)), which no Beta distribution can have (`sd`).
  public static func makeBeta(mean: Double, sd: Double) throws(DistributionError)
    -> Distribution
  {
    try finite(mean, "mean")
    guard mean > 0, mean < 1 else {
      throw DistributionError(
        field: "mean",
        message: "mean must lie strictly between 0 and 1, not \(JSONValue.format(mean))")
    }
    try positive(sd, "sd")
    let spread = mean * (1 - mean)
    let size = spread / (sd * sd) - 1
    let alpha = mean * size
    let beta = (1 - mean) * size
    guard sd * sd < spread, alpha > 0, beta > 0, alpha.isFinite, beta.isFinite else {
      throw DistributionError(
        field: "sd",
        message: "no Beta distribution has mean \(mean) and sd \(sd) (sd must be below "
          + "sqrt(mean*(1-mean)) = \(spread.squareRoot()))")
    }
    return .beta(alpha: alpha, beta: beta)
  }

  /// Beta(successes, trials − successes): the distribution of a proportion observed as
  /// `successes` out of `trials`. Non-integer counts are accepted (e.g. pooled or weighted).
  /// - Throws: `DistributionError` when a count is not finite, successes > trials or
  ///   successes ≤ 0 (`successes`), or trials = successes (`trials`): both shapes must be
  ///   positive.
  public static func makeBeta(successes: Double, trials: Double) throws(DistributionError)
    -> Distribution
  {
    try finite(successes, "successes")
    try finite(trials, "trials")
    guard successes <= trials else {
      throw DistributionError(
        field: "successes",
        message: "successes (\(JSONValue.format(successes))) cannot exceed trials"
          + " (\(JSONValue.format(trials)))")
    }
    guard successes > 0 else {
      throw DistributionError(
        field: "successes",
        message: "successes must be above 0: Beta(successes, trials - successes) needs "
          + "positive shapes (with a uniform prior, use successes + 1 and trials + 2)")
    }
    guard trials - successes > 0 else {
      throw DistributionError(
        field: "trials",
        message: "trials must exceed successes: Beta(successes, trials - successes) needs "
          + "positive shapes (with a uniform prior, use successes + 1 and trials + 2)")
    }
    return .beta(alpha: successes, beta: trials - successes)
  }

  // MARK: - Gamma

  /// Gamma with the given shape and scale.
  /// - Throws: `DistributionError` naming `shape` or `scale` when it is not a positive number.
  public static func makeGamma(shape: Double, scale: Double) throws(DistributionError)
    -> Distribution
  {
    try positive(shape, "shape")
    try positive(scale, "scale")
    return .gamma(shape: shape, scale: scale)
  }

  /// The Gamma distribution with the given mean and sd: shape (mean/sd)², scale sd²/mean.
  /// - Throws: `DistributionError` naming `mean` or `sd` when it is not a positive number,
  ///   or `sd` when the shape or scale leaves the range of `Double`.
  public static func makeGamma(mean: Double, sd: Double) throws(DistributionError)
    -> Distribution
  {
    try positive(mean, "mean")
    try positive(sd, "sd")
    let ratio = mean / sd
    let shape = ratio * ratio
    let scale = sd / ratio
    guard shape > 0, shape.isFinite, scale > 0, scale.isFinite else {
      throw DistributionError(
        field: "sd",
        message: "mean \(mean) and sd \(sd) give shape \(shape) and scale \(scale), "
          + "outside the range of numbers")
    }
    return .gamma(shape: shape, scale: scale)
  }

  // MARK: - Discrete

  /// Finitely many values with probabilities proportional to `weights`.
  /// - Throws: `DistributionError` when there are no values or a value is not finite
  ///   (`values`), or the weights differ in number from the values, include a negative or
  ///   non-finite weight, or do not have a positive finite sum (`weights`).
  public static func makeDiscrete(values: [Double], weights: [Double]) throws(DistributionError)
    -> Distribution
  {
    guard !values.isEmpty else {
      throw DistributionError(field: "values", message: "needs at least one value")
    }
    guard weights.count == values.count else {
      throw DistributionError(
        field: "weights",
        message: "has \(weights.count) entries but values has \(values.count)")
    }
    if let index = values.firstIndex(where: { !$0.isFinite }) {
      throw DistributionError(
        field: "values", message: "value \(index + 1) is not a finite number")
    }
    if let index = weights.firstIndex(where: { !($0.isFinite && $0 >= 0) }) {
      throw DistributionError(
        field: "weights",
        message: "weight \(index + 1) is \(weights[index]); weights must be finite and >= 0")
    }
    let total = weights.reduce(0, +)
    guard total > 0, total.isFinite else {
      throw DistributionError(
        field: "weights",
        message: "weights must have a positive, finite sum, not \(JSONValue.format(total))")
    }
    return .discrete(values: values, weights: weights.map { $0 / total })
  }

  // MARK: - Checks

  static func finite(_ value: Double, _ field: String) throws(DistributionError) {
    guard value.isFinite else {
      throw DistributionError(field: field, message: "\(field) must be a finite number")
    }
  }

  static func positive(_ value: Double, _ field: String) throws(DistributionError) {
    try finite(value, field)
    guard value > 0 else {
      throw DistributionError(
        field: field, message: "\(field) must be above 0, not \(JSONValue.format(value))")
    }
  }

  static func ordered(min: Double, max: Double) throws(DistributionError) {
    guard min < max else {
      throw DistributionError(
        field: "min",
        message:
          "min must be below max (min \(JSONValue.format(min)), max \(JSONValue.format(max)))")
    }
  }

  static func modeInside(min: Double, mode: Double, max: Double) throws(DistributionError) {
    guard min <= mode, mode <= max else {
      throw DistributionError(
        field: "mode",
        message: "mode \(JSONValue.format(mode)) must lie between min \(JSONValue.format(min))"
          + " and max \(JSONValue.format(max))")
    }
  }
}
