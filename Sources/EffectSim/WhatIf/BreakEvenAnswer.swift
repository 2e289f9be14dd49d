/// The answer of `effectsim breakeven`: the parameter's value at which the case just pays
/// back, deterministically and (when asked) with a stated probability.
///
/// "Not reached" is an answer, not an error: `value` is `nil` and the ends of the range say
/// how far off the case stays.
public struct BreakEvenAnswer: Sendable {
  public var parameter: String
  /// The payback definition's name and areas (`nil`: all).
  public var payback: String
  public var paybackAreas: [String]?
  public var discounted: Bool
  /// K, and its calendar year.
  public var year: Int
  public var calendarYear: Int
  public var range: BreakEvenRange
  public var deterministic: Deterministic
  public var probabilistic: Probabilistic?
  /// The scenario's name, currency and price level, for the reports' header.
  public var scenario: ScenarioInfo
  /// The `--set` values the search started from.
  public var overrides: [ScenarioOverride]
  public var engineVersion: String
  /// Wall-clock seconds of the whole search; machine-dependent, like `RunInfo`.
  public var seconds: Double

  /// Every other parameter at its base value, the expected cohort trace.
  public struct Deterministic: Sendable {
    /// Where cumulative net impact at the end of year K is 0; `nil` when not within the range.
    public var value: Double?
    /// Cumulative net impact at the end of year K at the range's ends.
    public var atLow: Double
    public var atHigh: Double
    /// Deterministic runs made.
    public var evaluations: Int
  }

  /// The parameter fixed at each value tried, everything else uncertain as the scenario says.
  public struct Probabilistic: Sendable {
    /// A.
    public var probability: Double
    /// Where P(payback within K years) reaches A; `nil` when not within the range.
    public var value: Double?
    /// The values at which A lies within the Monte Carlo error of the estimated probability
    /// (`confidence` level): either end `nil` when it lies beyond the range; both `nil` when
    /// `value` is.
    public var interval: (low: Double?, high: Double?)
    public var confidence: Double
    public var iterations: Int
    public var seed: UInt64
    /// Monte Carlo runs made (the range's ends included).
    public var steps: Int
    /// P(payback within K years) at the range's ends.
    public var atLow: Double
    public var atHigh: Double
    /// The kernel every step used.
    public var kernel: String
  }
}
