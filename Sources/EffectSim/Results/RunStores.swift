/// Every column of a run in memory: what `Simulation` fills and `Summarizer` reads.
///
/// Owns its stores; call `deallocate()` once when done.
struct RunStores: RunColumns {
  let metrics: ResultStore
  /// `nil` in a deterministic run, which draws nothing.
  let parameterDraws: ResultStore?

  var iterations: Int { metrics.iterations }

  /// The store of `set`, when the run filled it.
  func store(_ set: ColumnSet) -> ResultStore? {
    switch set {
    case .metrics: return metrics
    case .parameterDraws: return parameterDraws
    }
  }

  func count(_ set: ColumnSet) -> Int { store(set)?.metrics ?? 0 }

  func mapColumns<T: Sendable>(
    _ set: ColumnSet, _ columns: Range<Int>, threads: Int,
    _ transform: @Sendable (UnsafeMutableBufferPointer<Double>) -> T
  ) -> [T] {
    guard let store = store(set) else {
      precondition(columns.isEmpty, "no \(set.rawValue) columns in this run")
      return []
    }
    return store.mapColumns(columns, threads: threads, transform)
  }

  func mapColumnGroups<T: Sendable>(
    _ set: ColumnSet, _ columns: Range<Int>, groupSize: Int, threads: Int,
    _ transform: @Sendable ([UnsafeMutableBufferPointer<Double>]) -> [T]
  ) -> [T] {
    guard let store = store(set) else {
      precondition(columns.isEmpty, "no \(set.rawValue) columns in this run")
      return []
    }
    return store.mapColumnGroups(columns, groupSize: groupSize, threads: threads, transform)
  }

  func withColumns<T>(
    _ set: ColumnSet, _ columns: [Int], _ body: ([UnsafeBufferPointer<Double>]) -> T
  ) -> T {
    guard let store = store(set) else {
      precondition(columns.isEmpty, "no \(set.rawValue) columns in this run")
      return body([])
    }
    return body(columns.map { UnsafeBufferPointer(store.column($0)) })
  }

  func deallocate() {
    metrics.deallocate()
    parameterDraws?.deallocate()
  }
}
