import Foundation

/// How long a Monte Carlo run of `iterations` takes, extrapolated from timed runs.
///
/// A run pays for two parts that grow differently: the simulation is a fixed cost per
/// iteration, so it grows linearly; the summary sorts every result column (percentiles, and
/// the sensitivity analysis's ranks), so it grows as n log n — on top of a part that does not
/// grow at all (the sensitivity analysis's deterministic traces, two per parameter, which on
/// the refusion staircase cost as much as thousands of iterations' sorting). Extrapolating the
/// whole run linearly from a small one under-predicted a 100.000-iteration run by a fifth;
/// growing the whole summary as n log n over-predicted a staircase scenario's by half.
/// A second, smaller timed run splits the summary into its fixed part and its n log n part.
/// From one size there is no prediction: the split cannot be made, and either guess is far
/// off on some scenario — the whole summary grown as n log n predicted 6,6 s for a 0,2 s
/// 10.000-iteration run of rebild-ips-2022 from a 50-iteration bench, whose summary was
/// almost all fixed part.
struct BenchPrediction {
  /// Iterations of the timed run.
  let iterations: Int
  /// Seconds the timed run spent simulating.
  let simulationSeconds: Double
  /// Seconds the timed run spent summarising (statistics, sensitivity analysis, register).
  let summarySeconds: Double
  /// A smaller timed run: its iterations and the seconds it spent summarising; `nil` when
  /// only one size was timed (then nothing is predicted).
  var smaller: (iterations: Int, summarySeconds: Double)? = nil
  /// What a run pays before it simulates, whatever its size (`BenchStartUp`).
  var startUpSeconds = 0.0

  /// Predicted seconds for a run of `n` iterations; `nil` when the timed run measured nothing
  /// or only one size was timed.
  func seconds(_ n: Int) -> Double? {
    guard iterations > 0, simulationSeconds + summarySeconds > 0, let summary = summary(n)
    else { return nil }
    return startUpSeconds + simulationSeconds * Double(n) / Double(iterations) + summary
  }

  /// Predicted seconds of the summary of `n` iterations: fixed + slope · n log n, the two
  /// fitted through the timed sizes (each clamped at 0, so noise in a short run cannot
  /// predict a negative time); `nil` without a smaller size.
  func summary(_ n: Int) -> Double? {
    guard let smaller, smaller.iterations < iterations else { return nil }
    let slope = max(
      (summarySeconds - smaller.summarySeconds)
        / (Self.growth(iterations) - Self.growth(smaller.iterations)), 0)
    let fixed = max(summarySeconds - slope * Self.growth(iterations), 0)
    return fixed + slope * Self.growth(n)
  }

  /// n log n (n at least 2).
  static func growth(_ n: Int) -> Double { Double(max(n, 2)) * log(Double(max(n, 2))) }
}
