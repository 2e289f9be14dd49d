/// Preallocated storage of every iteration's metrics, one contiguous column per metric.
///
/// Column-major so that each metric's percentiles are computed by selection in place over one
/// contiguous buffer. Not `Sendable`: a parallel run keeps it inside a `Mutex`, and workers
/// hand in whole blocks of iterations through `write(block:first:count:)` under the lock, and
/// the summary deals disjoint columns out to its workers (`mapColumns`, `ColumnDealer`).
final class ResultStore {
  let metrics: Int
  let iterations: Int
  /// Column *m* is `storage[m·iterations ..< (m+1)·iterations]`; `mapColumns` deals columns
  /// out to workers from here.
  let storage: UnsafeMutableBufferPointer<Double>

  init(metrics: Int, iterations: Int) {
    self.metrics = metrics
    self.iterations = iterations
    storage = .allocate(capacity: max(1, metrics * iterations))
    storage.initialize(repeating: 0)
  }

  @inline(__always)
  func write(_ value: Double, metric: Int, iteration: Int) {
    storage[metric * iterations + iteration] = value
  }

  /// Writes `count` iterations from `first` on; `block` holds them row by row (one row of
  /// `metrics` values per iteration).
  func write(block: UnsafeBufferPointer<Double>, first: Int, count: Int) {
    for row in 0..<count {
      for metric in 0..<metrics {
        storage[metric * iterations + first + row] = block[row * metrics + metric]
      }
    }
  }

  /// The column of one metric over all iterations.
  func column(_ metric: Int) -> UnsafeMutableBufferPointer<Double> {
    UnsafeMutableBufferPointer(rebasing: storage[metric * iterations..<(metric + 1) * iterations])
  }

  func deallocate() { storage.deallocate() }
}
