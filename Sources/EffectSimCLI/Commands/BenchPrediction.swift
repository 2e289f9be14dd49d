import Foundation

/// How long a Monte Carlo run of `iterations` takes, extrapolated from one timed run.
///
/// A run pays for two parts that grow differently: the simulation is a fixed cost per
/// iteration, so it grows linearly; the summary sorts every result column (percentiles, and
/// the sensitivity analysis's ranks), so it grows as n log n. Extrapolating the whole run
/// linearly from a small one under-predicted a 100.000-iteration run by a fifth.
struct BenchPrediction {
  /// Iterations of the timed run.
  let iterations: Int
  /// Seconds the timed run spent simulating.
  let simulationSeconds: Double
  /// Seconds the timed run spent summarising (statistics, sensitivity analysis, register).
  let summarySeconds: Double

  /// Predicted seconds for a run of `n` iterations; `nil` when the timed run measured nothing.
  func seconds(_ n: Int) -> Double? {
    guard iterations > 0, simulationSeconds + summarySeconds > 0 else { return nil }
    let ratio = Double(n) / Double(iterations)
    return simulationSeconds * ratio + summarySeconds * ratio * Self.logFactor(n, iterations)
  }

  /// log n / log m, the sort's growth beyond linear from `m` to `n` iterations (at least 2 each,
  /// so one iteration's summary does not divide by zero).
  static func logFactor(_ n: Int, _ m: Int) -> Double {
    log(Double(max(n, 2))) / log(Double(max(m, 2)))
  }
}
