/// One of `count` equal slices of a run's iterations, for a job array: shard `index` of
/// `count`, both fixed on the command line (`--shard K/N`).
///
/// The slices depend on the iteration total and `count` alone — never on the machine — so
/// every task of an array computes the same split, and the merge can check it.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
  /// 0-based, as Slurm's `SLURM_ARRAY_TASK_ID` (with `--array=0-31`) and Kubernetes'
  /// `JOB_COMPLETION_INDEX` count.
  public let index: Int
  /// The number of shards, at least 1.
  public let count: Int

  /// The most shards a run may be split into; far above any job array in use.
  public static let maximumCount = 1_000_000

  /// `nil` unless `0 <= index < count <= maximumCount`.
  public init?(index: Int, count: Int) {
    guard count >= 1, count <= Self.maximumCount, index >= 0, index < count else { return nil }
    self.index = index
    self.count = count
  }

  /// Parses `K/N` (decimal digits only), e.g. `3/32`; `nil` for anything else.
  public init?(_ text: String) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    let digits = { (part: Substring) in
      !part.isEmpty && part.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
    }
    guard parts.count == 2, parts.allSatisfy(digits),
      let index = Int(parts[0]), let count = Int(parts[1])
    else { return nil }
    self.init(index: index, count: count)
  }

  /// `K/N`.
  public var description: String { "\(index)/\(count)" }

  /// This shard's iterations of a run of `total`:
  /// `⌊index·total/count⌋ ..< ⌊(index+1)·total/count⌋`.
  ///
  /// Contiguous, and together the shards cover `0..<total` exactly once; their sizes differ
  /// by at most one. A shard is empty when `count > total`.
  /// - Precondition: `total >= 0`; `total · count` fits in an `Int` (the command line allows
  ///   at most 10⁸ · 10⁶).
  public func range(of total: Int) -> Range<Int> {
    precondition(total >= 0)
    return total * index / count..<total * (index + 1) / count
  }
}
