/// How to run a Monte Carlo simulation.
public struct RunOptions: Sendable {
  /// Number of iterations (simulated futures). Default 10,000. With `precision`, the most the
  /// run may make (the cap).
  public var iterations: Int
  /// A target for the Monte Carlo standard error of every payback probability: when set, the
  /// run stops at the first checkpoint of `PrecisionRule` where every one is at most this, or
  /// at `iterations`. `nil` (default): exactly `iterations` iterations.
  public var precision: Double?
  /// Called before each checkpoint's iterations with the count the run is heading for (for a
  /// progress display); without `precision`, once, with `iterations`.
  public var target: (@Sendable (Int) -> Void)?
  /// The seed: with the scenario, the iteration count and the engine version, it decides
  /// every number of the output. Default 1.
  public var seed: UInt64
  /// Worker threads; `nil` uses every core. Never changes the results.
  public var threads: Int?
  /// Percentile levels in percent; `nil` uses the scenario's `report.percentiles`.
  public var percentiles: [Double]?
  /// Called from worker threads with the number of iterations done so far.
  public var progress: (@Sendable (Int) -> Void)?
  /// The kernel; default `.auto`, the faster exact one for the scenario.
  public var kernel: KernelChoice
  /// Simulate a second cohort per iteration, with the same iteration-scope draws and
  /// independent persons, to split each target's variance into parameters and chance.
  /// Never changes any other number of the run. Default `false`.
  public var varianceSplit = false
  /// Keep the per-iteration parameters and targets in `RunSummary.iterationDraws`.
  /// Default `false`.
  public var keepDraws = false

  public init(
    iterations: Int = 10_000, seed: UInt64 = 1, threads: Int? = nil, percentiles: [Double]? = nil,
    progress: (@Sendable (Int) -> Void)? = nil, kernel: KernelChoice = .auto,
    precision: Double? = nil
  ) {
    self.precision = precision
    self.kernel = kernel
    self.iterations = iterations
    self.seed = seed
    self.threads = threads
    self.percentiles = percentiles
    self.progress = progress
  }
}
