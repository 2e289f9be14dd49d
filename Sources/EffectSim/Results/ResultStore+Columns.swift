import Dispatch
import Synchronization

/// Per-column work over a result store, on several threads.
extension ResultStore {
  /// Applies `transform` to each column in `columns`, on up to `threads` threads.
  ///
  /// Each column is handed to `transform` exactly once, alone, so `transform` may reorder it
  /// in place (selection does). A column's result depends only on that column, never on which
  /// thread computed it or when, so the results are the same for every thread count.
  /// - Parameters:
  ///   - columns: the metric indices, within `0..<metrics`.
  ///   - threads: the most threads to use; 1 (or fewer) runs on the calling thread only.
  ///   - transform: computes one column's result; called concurrently for distinct columns.
  /// - Returns: one result per column, in the order of `columns`.
  /// - Complexity: the sum of `transform`'s costs, spread over the threads; O(`columns.count`)
  ///   allocation for the results.
  func mapColumns<T: Sendable>(
    _ columns: Range<Int>, threads: Int,
    _ transform: @Sendable (UnsafeMutableBufferPointer<Double>) -> T
  ) -> [T] {
    precondition(columns.lowerBound >= 0 && columns.upperBound <= metrics)
    let threads = min(threads, columns.count)
    guard threads > 1 else { return columns.map { transform(column($0)) } }
    // Several claims per thread, so that a thread that drew cheap columns takes more.
    let dealer = ColumnDealer(
      storage: storage, stride: capacity, iterations: iterations, columns: columns,
      claimSize: max(1, columns.count / (4 * threads)))
    let results = Mutex([T?](repeating: nil, count: columns.count))
    DispatchQueue.concurrentPerform(iterations: threads) { _ in
      var done: [(Int, T)] = []
      while let claim = dealer.claim() {
        for metric in claim.columns {
          done.append((metric - columns.lowerBound, transform(claim.column(metric))))
        }
      }
      results.withLock { results in
        for (index, value) in done { results[index] = value }
      }
    }
    let all = results.withLock { $0.compactMap { $0 } }
    precondition(all.count == columns.count, "a column was not summarised")
    return all
  }
}

extension ResultStore {
  /// Applies `transform` to consecutive groups of up to `groupSize` columns in `columns`, on
  /// up to `threads` threads.
  ///
  /// As `mapColumns`, but `transform` sees several columns at once (to interleave their
  /// passes) and returns one result per column it was given. Each column is in exactly one
  /// group; which columns share a group depends on the thread count, so a column's result must
  /// depend only on that column.
  /// - Parameters:
  ///   - columns: the metric indices, within `0..<metrics`.
  ///   - groupSize: the most columns per call, at least 1.
  ///   - threads: the most threads to use; 1 (or fewer) runs on the calling thread only.
  ///   - transform: computes the results of a group's columns, in order; called concurrently
  ///     for disjoint groups.
  /// - Returns: one result per column, in the order of `columns`.
  /// - Complexity: the sum of `transform`'s costs, spread over the threads; O(`columns.count`)
  ///   allocation for the results.
  func mapColumnGroups<T: Sendable>(
    _ columns: Range<Int>, groupSize: Int, threads: Int,
    _ transform: @Sendable ([UnsafeMutableBufferPointer<Double>]) -> [T]
  ) -> [T] {
    precondition(columns.lowerBound >= 0 && columns.upperBound <= metrics && groupSize > 0)
    let threads = min(threads, (columns.count + groupSize - 1) / groupSize)
    guard threads > 1 else {
      return stride(from: columns.lowerBound, to: columns.upperBound, by: groupSize)
        .flatMap { lower in
          let results = transform(
            (lower..<min(lower + groupSize, columns.upperBound)).map { column($0) })
          precondition(results.count == min(groupSize, columns.upperBound - lower))
          return results
        }
    }
    // Claims of whole groups, several per thread, so that a thread that drew cheap columns
    // takes more.
    let groups = max(1, columns.count / (4 * threads * groupSize))
    let dealer = ColumnDealer(
      storage: storage, stride: capacity, iterations: iterations, columns: columns,
      claimSize: groups * groupSize)
    let results = Mutex([T?](repeating: nil, count: columns.count))
    DispatchQueue.concurrentPerform(iterations: threads) { _ in
      var done: [(Int, T)] = []
      while let claim = dealer.claim() {
        let claimed = claim.columns
        for lower in stride(from: claimed.lowerBound, to: claimed.upperBound, by: groupSize) {
          let group = lower..<min(lower + groupSize, claim.columns.upperBound)
          let values = transform(group.map { claim.column($0) })
          precondition(values.count == group.count, "a group's results do not match its columns")
          for (metric, value) in zip(group, values) {
            done.append((metric - columns.lowerBound, value))
          }
        }
      }
      results.withLock { results in
        for (index, value) in done { results[index] = value }
      }
    }
    let all = results.withLock { $0.compactMap { $0 } }
    precondition(all.count == columns.count, "a column was not summarised")
    return all
  }
}

/// Deals the columns of a result store out to concurrent workers, each column at most once.
///
/// Why this is free of data races although it hands out mutable memory to several threads:
/// the only way to reach a column through a dealer is `claim()`, and `claim()` returns the
/// range `[lowerBound + k·claimSize, lowerBound + (k+1)·claimSize)` (clipped to `columns`)
/// for the k it reads from an atomic counter that only ever increases. Each k is returned to
/// one caller only, and distinct k give disjoint column ranges; columns are disjoint slices of
/// the storage. So no two claims, on any threads, share a byte. A `Claim` is neither copyable
/// nor `Sendable`: it stays with the thread that claimed it and cannot be duplicated. The
/// dealer does not own the storage; its creator keeps the store alive, and does not touch the
/// dealt columns itself, until every worker has returned.
final class ColumnDealer: Sendable {
  /// Columns one `claim()` returned: only these, and only to the claiming thread.
  struct Claim: ~Copyable {
    let columns: Range<Int>
    fileprivate let storage: UnsafeMutableBufferPointer<Double>
    fileprivate let stride: Int
    fileprivate let iterations: Int

    /// The iterations of one claimed metric.
    func column(_ metric: Int) -> UnsafeMutableBufferPointer<Double> {
      precondition(columns.contains(metric), "column \(metric) not in this claim")
      return UnsafeMutableBufferPointer(
        rebasing: storage[metric * stride..<metric * stride + iterations])
    }
  }

  // Reached only through `claim()`, which hands out disjoint parts (see the type's comment).
  nonisolated(unsafe) private let storage: UnsafeMutableBufferPointer<Double>
  private let stride: Int
  private let iterations: Int
  private let columns: Range<Int>
  private let claimSize: Int
  private let next = Atomic<Int>(0)

  /// - Parameters:
  ///   - storage: a column-major store: column *m* is
  ///     `storage[m·stride ..< m·stride + iterations]`.
  ///   - stride: the distance between columns, at least `iterations`.
  ///   - columns: the columns to deal.
  ///   - claimSize: columns per claim, at least 1.
  init(
    storage: UnsafeMutableBufferPointer<Double>, stride: Int, iterations: Int,
    columns: Range<Int>, claimSize: Int
  ) {
    precondition(
      claimSize > 0 && stride >= iterations && columns.upperBound * stride <= storage.count)
    self.storage = storage
    self.stride = stride
    self.iterations = iterations
    self.columns = columns
    self.claimSize = claimSize
  }

  /// The next columns no one has claimed, or `nil` when all are dealt.
  /// - Complexity: O(1); one atomic increment.
  func claim() -> Claim? {
    let k = next.add(1, ordering: .relaxed).oldValue
    guard k < (columns.count + claimSize - 1) / claimSize else { return nil }
    let lower = columns.lowerBound + k * claimSize
    return Claim(
      columns: lower..<min(lower + claimSize, columns.upperBound), storage: storage,
      stride: stride, iterations: iterations)
  }
}
