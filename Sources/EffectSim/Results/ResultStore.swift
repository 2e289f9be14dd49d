/// Preallocated storage of every iteration's metrics, one contiguous column per metric.
///
/// Column-major so that each metric's percentiles are computed by selection in place over one
/// contiguous buffer. Workers write disjoint slots (each iteration its own), which is why the
/// unchecked `Sendable` is sound here: no slot is ever written by two threads, and nothing is
/// read until every worker has finished.
final class ResultStore: @unchecked Sendable {
  let metrics: Int
  let iterations: Int
  private let storage: UnsafeMutableBufferPointer<Double>

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

  /// The column of one metric over all iterations.
  func column(_ metric: Int) -> UnsafeMutableBufferPointer<Double> {
    UnsafeMutableBufferPointer(rebasing: storage[metric * iterations..<(metric + 1) * iterations])
  }

  func deallocate() { storage.deallocate() }
}
