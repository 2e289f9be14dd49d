/// Preallocated storage of every iteration's metrics, one contiguous column per metric.
///
/// Column-major so that each metric's percentiles are computed by selection in place over one
/// contiguous buffer. Not `Sendable`: a parallel run keeps it inside a `Mutex`, and workers
/// hand in whole blocks of iterations through `write(block:first:count:)` under the lock, and
/// the summary deals disjoint columns out to its workers (`mapColumns`, `ColumnDealer`).
///
/// A run to a stated precision does not know its iteration count in advance: it reserves room
/// for its cap (`init(metrics:capacity:)`) and `extend(to:)`s the store checkpoint by
/// checkpoint. Each column keeps its place (`capacity` apart), so growing copies nothing; and
/// only the rows of the iterations actually run are written, so a system that commits memory
/// on first write (Linux, macOS, for allocations this large) gives the run only those.
final class ResultStore {
  let metrics: Int
  /// The iterations the store holds: rows `0..<iterations` of every column.
  private(set) var iterations: Int
  /// Room per column: column *m* starts at `storage[m·capacity]`.
  let capacity: Int
  /// Column *m* is `storage[m·capacity ..< m·capacity + iterations]`; `mapColumns` deals
  /// columns out to workers from here. Rows at and beyond `iterations` are not initialised.
  let storage: UnsafeMutableBufferPointer<Double>

  /// A store holding `iterations` rows, all 0.
  convenience init(metrics: Int, iterations: Int) {
    self.init(metrics: metrics, capacity: iterations)
    extend(to: iterations)
  }

  /// An empty store with room for `capacity` rows per column; nothing is written yet.
  init(metrics: Int, capacity: Int) {
    self.metrics = metrics
    self.capacity = capacity
    iterations = 0
    storage = .allocate(capacity: max(1, metrics * capacity))
  }

  /// Grows the store to `count` rows; the new rows of every column start at 0.
  /// - Precondition: `iterations <= count <= capacity`.
  /// - Complexity: O(`metrics` · (`count` − `iterations`)).
  func extend(to count: Int) {
    precondition(count >= iterations && count <= capacity, "a store grows within its capacity")
    for metric in 0..<metrics {
      let start = metric * capacity
      UnsafeMutableBufferPointer(rebasing: storage[start + iterations..<start + count])
        .initialize(repeating: 0)
    }
    iterations = count
  }

  @inline(__always)
  func write(_ value: Double, metric: Int, iteration: Int) {
    storage[metric * capacity + iteration] = value
  }

  /// Writes `count` iterations from `first` on; `block` holds them row by row (one row of
  /// `metrics` values per iteration).
  func write(block: UnsafeBufferPointer<Double>, first: Int, count: Int) {
    precondition(first + count <= iterations, "rows beyond the store")
    for row in 0..<count {
      for metric in 0..<metrics {
        storage[metric * capacity + first + row] = block[row * metrics + metric]
      }
    }
  }

  /// The column of one metric over all iterations.
  func column(_ metric: Int) -> UnsafeMutableBufferPointer<Double> {
    let start = metric * capacity
    return UnsafeMutableBufferPointer(rebasing: storage[start..<start + iterations])
  }

  func deallocate() { storage.deallocate() }
}
