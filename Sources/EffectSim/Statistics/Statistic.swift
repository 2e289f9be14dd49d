/// Summary of one metric over Monte Carlo iterations: mean, spread, its Monte Carlo error and
/// the requested percentiles.
///
/// A value type with stored properties only, so renderers and tests can build one by hand.
public struct Statistic: Sendable, Equatable {
  /// One requested percentile.
  public struct Percentile: Sendable, Equatable {
    /// The level in percent, e.g. 5, 50 or 97.5.
    public var level: Double
    /// The sample percentile at `level` (type 7, see `Percentiles.type7`).
    public var value: Double

    public init(level: Double, value: Double) {
      self.level = level
      self.value = value
    }
  }

  /// The sample mean.
  public var mean: Double
  /// The sample standard deviation with the *n* − 1 divisor; 0 when *n* is 1.
  public var sd: Double
  /// The Monte Carlo standard error of `mean`, `sd / √n`: how far the mean of this run may
  /// lie from the mean of infinitely many iterations.
  public var mcse: Double
  /// The percentiles, in the order they were requested.
  public var percentiles: [Percentile]

  public init(mean: Double, sd: Double, mcse: Double, percentiles: [Percentile]) {
    self.mean = mean
    self.sd = sd
    self.mcse = mcse
    self.percentiles = percentiles
  }

  /// Whether the mean, sd, mcse and every percentile are finite numbers.
  public var isFinite: Bool {
    mean.isFinite && sd.isFinite && mcse.isFinite && percentiles.allSatisfy { $0.value.isFinite }
  }

  /// A deterministic value: sd 0, mcse 0, every percentile equal to the value.
  ///
  /// Deterministic runs report through the same type as Monte Carlo runs, so renderers need
  /// no second code path.
  /// - Parameters:
  ///   - value: the value.
  ///   - levels: the percentile levels to report, in percent.
  /// - Complexity: O(*m*) for *m* levels.
  public static func exact(_ value: Double, levels: [Double]) -> Statistic {
    Statistic(
      mean: value, sd: 0, mcse: 0,
      percentiles: levels.map { Percentile(level: $0, value: value) })
  }

  /// Summarises `samples`, reordering them in place rather than copying them.
  ///
  /// - Parameters:
  ///   - samples: the per-iteration values; their order afterwards is unspecified.
  ///   - levels: the percentile levels to report, in percent.
  /// - Returns: see `summarize(_:levels:)` for buffers, which this forwards to.
  /// - Complexity: O(*n* log *m*) expected for *n* samples and *m* levels.
  public static func summarize(_ samples: inout [Double], levels: [Double]) -> Statistic {
    samples.withUnsafeMutableBufferPointer { summarize($0, levels: levels) }
  }

  /// Summarises `samples`, reordering them in place rather than copying them.
  ///
  /// The moments come from one Welford pass (`RunningMoments`), which gives sd exactly 0 for
  /// a constant column; the percentiles from one shared selection (`Percentiles.type7`).
  /// With no samples every field is NaN; with NaN among the samples the mean, sd, mcse and
  /// percentiles are NaN. Neither case traps.
  /// - Parameters:
  ///   - samples: the per-iteration values, e.g. one column of the result store; their order
  ///     afterwards is unspecified.
  ///   - levels: the percentile levels to report, in percent.
  /// - Complexity: O(*n* log *m*) expected for *n* samples and *m* levels; O(*m*) allocation.
  public static func summarize(
    _ samples: UnsafeMutableBufferPointer<Double>, levels: [Double]
  ) -> Statistic {
    var moments = RunningMoments()
    for sample in samples { moments.add(sample) }
    return summarize(samples, levels: levels, moments: moments)
  }

  /// The statistic of `samples` whose moments, taken before any reordering, are `moments`.
  static func summarize(
    _ samples: UnsafeMutableBufferPointer<Double>, levels: [Double], moments: RunningMoments
  ) -> Statistic {
    let n = Double(moments.count)
    let sd = samples.isEmpty ? .nan : moments.variance.squareRoot()
    let values = Percentiles.type7(samples, levels: levels)
    return Statistic(
      mean: samples.isEmpty ? .nan : moments.mean, sd: sd, mcse: sd / n.squareRoot(),
      percentiles: zip(levels, values).map { Percentile(level: $0, value: $1) })
  }
}
