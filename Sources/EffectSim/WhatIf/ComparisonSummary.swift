/// What `effectsim compare` reports: each scenario's cumulative net impact at the horizon, the
/// paired differences against the first, and the probability that each is the cheapest.
public struct ComparisonSummary: Sendable {
  /// The scenarios in the order given; the first is the reference.
  public var scenarios: [ComparedScenario.Info]
  /// The first scenario's identity (the horizon, currency and price level all share).
  public var reference: ScenarioInfo
  public var years: [Int]
  /// Iterations, seed and percentile levels; `overrides` holds the `--set` values shared by
  /// every scenario (a variant's own are in its `Info`).
  public var settings: RunSettings
  /// Per scenario: cumulative net impact (all areas) at the end of the horizon.
  public var cumulativeNetImpact: [Statistic]
  /// Per scenario after the first: its paired difference against the first.
  public var differences: [PairedDifference]
  /// Per scenario: the share of simulated futures in which its cumulative net impact at the
  /// horizon is the lowest; a tie shares the future equally, so the shares sum to 1.
  public var probabilityBest: [Double]
  /// Time, threads and kernel; the kernel is the same for every scenario.
  public var run: RunInfo

  /// One scenario minus the first, future by future: yearly and cumulative net impact.
  public struct PairedDifference: Sendable {
    public var scenario: String
    public var netImpact: [Statistic]
    public var cumulativeNetImpact: [Statistic]
  }
}
