/// Root finding for the deterministic break-even: a continuous (or stepwise) function of one
/// parameter. The Monte Carlo search uses `LevelBrackets`.
enum RootSearch {
  /// A root of `f` in `[low, high]`, where `f(low)` and `f(high)` have opposite signs (or one
  /// is zero), by the Illinois variant of regula falsi (Dowell & Jarratt 1971): superlinear on
  /// smooth functions, never leaving its bracket, and still converging to the jump of a step
  /// (a cohort count rounded to whole people).
  /// - Parameters:
  ///   - f: the function; its errors end the search.
  ///   - low, high: the bracket, with `fLow` and `fHigh` already known.
  ///   - tolerance: the bracket width at which to stop.
  ///   - maximumEvaluations: the most new evaluations of `f`; default 200.
  /// - Returns: the root (the last estimate when the budget runs out) and the evaluations made.
  static func illinois<E: Error>(
    _ f: (Double) throws(E) -> Double, low: Double, high: Double, fLow: Double, fHigh: Double,
    tolerance: Double, maximumEvaluations: Int = 200
  ) throws(E) -> (root: Double, evaluations: Int) {
    if fLow == 0 { return (low, 0) }
    if fHigh == 0 { return (high, 0) }
    var (a, b, fa, fb) = (low, high, fLow, fHigh)
    var side = 0
    var evaluations = 0
    while abs(b - a) > tolerance, evaluations < maximumEvaluations {
      var c = (a * fb - b * fa) / (fb - fa)
      // Falling on (or outside) an end by rounding: bisect instead.
      if !(c > min(a, b) && c < max(a, b)) { c = (a + b) / 2 }
      let fc = try f(c)
      evaluations += 1
      if fc == 0 { return (c, evaluations) }
      if (fc < 0) == (fb < 0) {
        (b, fb) = (c, fc)
        if side == -1 { fa /= 2 }
        side = -1
      } else {
        (a, fa) = (c, fc)
        if side == 1 { fb /= 2 }
        side = 1
      }
    }
    // The end with the smaller residual; for a step, the one nearer the jump.
    return (abs(fa) < abs(fb) ? a : b, evaluations)
  }
}
