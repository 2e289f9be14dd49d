/// How a run to a stated precision (`RunOptions.precision`) ended.
public struct PrecisionOutcome: Sendable, Equatable {
  /// The target: the largest Monte Carlo standard error allowed for any payback probability.
  public var target: Double
  /// The most iterations the run could make.
  public var cap: Int
  /// Whether every payback probability met the target; `false` when the cap stopped the run.
  public var reached: Bool
  /// The largest standard error among the payback probabilities at the end.
  public var largestError: Double

  public init(target: Double, cap: Int, reached: Bool, largestError: Double) {
    self.target = target
    self.cap = cap
    self.reached = reached
    self.largestError = largestError
  }
}
