/// What `effectsim breakeven` asks: at which value of one parameter does the case pay back?
public struct BreakEvenQuestion: Sendable {
  /// The parameter searched over; fixed at each value tried, in every iteration.
  public var parameter: String
  /// The payback definition by name; `nil` for the scenario's first.
  public var payback: String?
  /// K: pay back by the end of year K (1 = the first year of the horizon); `nil` for the
  /// horizon's last year.
  public var year: Int?
  /// A: with it, also the value at which P(payback within K years) = A, in (0, 1).
  public var probability: Double?
  /// The values to search; `nil` for the default (`BreakEvenRange.Origin`).
  public var range: ClosedRange<Double>?
  /// Iterations per step, seed, threads and kernel of the Monte Carlo search; every step uses
  /// the same seed and kernel (common random numbers).
  public var options: RunOptions
  /// The two-sided level of the interval of values the Monte Carlo error allows; default 0.95.
  public var confidence: Double

  /// - Parameters:
  ///   - parameter: the parameter searched over.
  ///   - payback: the payback definition's name; default the first.
  ///   - year: K; default the horizon.
  ///   - probability: A; default none (deterministic answer only).
  ///   - range: the values to search; default from the parameter's definition.
  ///   - options: the Monte Carlo settings per step; default 10,000 iterations, seed 1.
  ///   - confidence: the interval's level; default 0.95.
  public init(
    parameter: String, payback: String? = nil, year: Int? = nil, probability: Double? = nil,
    range: ClosedRange<Double>? = nil, options: RunOptions = RunOptions(),
    confidence: Double = 0.95
  ) {
    self.parameter = parameter
    self.payback = payback
    self.year = year
    self.probability = probability
    self.range = range
    self.options = options
    self.confidence = confidence
  }
}

/// The values a break-even search tries, and why those.
public struct BreakEvenRange: Sendable, Equatable {
  /// Where the range comes from.
  public enum Origin: String, Sendable {
    /// `--range`.
    case given
    /// The distribution's support: every value it can take.
    case support
    /// The distribution's 0.1 % and 99.9 % quantiles, for a side without a bound.
    case quantiles
    /// ±10 times a fixed value (or a derived parameter's base value); ±1 around zero.
    case tenfold
  }

  public var low: Double
  public var high: Double
  public var origin: Origin
  /// When the default range had to be narrowed because the scenario cannot be evaluated
  /// beyond a value (a negative count, a probability above 1): the first value that failed
  /// on that side and why. The search range then ends just inside it.
  public var narrowed: [Narrowing]

  public struct Narrowing: Sendable, Equatable {
    public var failedAt: Double
    public var reason: String
  }

  public init(low: Double, high: Double, origin: Origin, narrowed: [Narrowing] = []) {
    self.low = low
    self.high = high
    self.origin = origin
    self.narrowed = narrowed
  }
}
