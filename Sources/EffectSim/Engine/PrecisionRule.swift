/// When a run to a stated precision (`--precision P`) stops.
///
/// The run checks its precision only at fixed checkpoints, 10,000 · 2^k iterations (10,000,
/// 20,000, 40,000, …), and at the cap: the first checkpoint at which the Monte Carlo standard
/// error of every payback probability (every definition, every year of the horizon) is at most
/// P ends the run; else the cap does. The checkpoints depend on nothing but the cap, and the
/// numbers of iteration i only on (seed, i), so the decision at a checkpoint reads the same
/// numbers on any thread count: one seed gives one iteration count and one output.
///
/// Doubling keeps the checks few, O(log(cap / 10,000)), and the overshoot to about a factor
/// two: the standard error falls as 1/√n, so a checkpoint that misses P narrowly is followed
/// by one that meets it with room to spare.
public enum PrecisionRule {
  /// The first checkpoint: fewer iterations describe a payback probability too coarsely to
  /// judge its own standard error.
  public static let firstCheckpoint = 10_000
  /// The cap when `--precision` is given without `--iterations`.
  public static let defaultCap = 1_000_000

  /// The checkpoint that follows `done` iterations: the least 10,000 · 2^k above `done`, or
  /// the cap if that is smaller.
  /// - Complexity: O(log(`done` / 10,000)).
  public static func checkpoint(after done: Int, cap: Int) -> Int {
    var next = firstCheckpoint
    while next <= done, next < cap { next *= 2 }
    return min(next, cap)
  }

  /// Every checkpoint of a run with this cap, in order; the last is the cap.
  public static func checkpoints(cap: Int) -> [Int] {
    var result: [Int] = []
    var done = 0
    while done < cap {
      done = checkpoint(after: done, cap: cap)
      result.append(done)
    }
    return result
  }

  /// The Monte Carlo standard error of a probability p estimated from n iterations,
  /// √(p(1 − p)/(n − 1)) — the one the output reports as `probabilityMCSE`; 0 for n ≤ 1.
  public static func standardError(_ p: Double, iterations n: Int) -> Double {
    n > 1 ? (p * (1 - p) / Double(n - 1)).squareRoot() : 0
  }

  /// The largest standard error among the payback probabilities of the iterations in `store`.
  /// - Complexity: O(definitions · iterations).
  static func largestPaybackError(_ model: Model, layout: MetricLayout, store: ResultStore)
    -> Double
  {
    let n = store.iterations
    let years = model.years
    var largest = 0.0
    for definition in model.payback.indices {
      // The column holds the payback year, 1...years, or years + 1 for "not within".
      var paidBy = [Int](repeating: 0, count: years + 2)
      for value in store.column(layout.payback(definition)) {
        paidBy[min(max(Int(value), 1), years + 1)] += 1
      }
      var running = 0
      for year in 1...years {
        running += paidBy[year]
        largest = max(largest, standardError(Double(running) / Double(n), iterations: n))
      }
    }
    return largest
  }
}
