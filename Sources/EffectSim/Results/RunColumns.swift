/// Per-iteration results of a run, column by column, as the summary reads them.
///
/// Two kinds of storage stand behind it: `RunStores`, every column in memory at once (a run),
/// and the merge of partial result files, which loads a column from the parts only when it is
/// asked for, so that merging 10⁸ iterations needs memory for a few columns rather than for
/// all of them. The summary therefore reads through these calls alone, and never keeps a
/// column beyond the call that handed it over.
///
/// A column handed to a transform may be reordered by it in place (selection does) and must
/// not escape the call. It holds the iterations in order, first to last — unless an earlier
/// transform reordered that same column: in memory the change stays, loaded from parts it
/// does not. So what pairs iterations across columns reads them first (see `Summarizer`).
protocol RunColumns {
  /// Rows: the run's iterations.
  var iterations: Int { get }

  /// Columns in `set`; 0 for a set the run did not fill.
  func count(_ set: ColumnSet) -> Int

  /// Applies `transform` to each column in `columns` of `set`, on up to `threads` threads;
  /// one result per column, in the order of `columns`. A column's result must depend only on
  /// that column.
  func mapColumns<T: Sendable>(
    _ set: ColumnSet, _ columns: Range<Int>, threads: Int,
    _ transform: @Sendable (UnsafeMutableBufferPointer<Double>) -> T
  ) -> [T]

  /// As `mapColumns`, but `transform` may see up to `groupSize` consecutive columns at once
  /// (to interleave their passes) and returns one result per column it was given. How columns
  /// are grouped is the storage's choice.
  func mapColumnGroups<T: Sendable>(
    _ set: ColumnSet, _ columns: Range<Int>, groupSize: Int, threads: Int,
    _ transform: @Sendable ([UnsafeMutableBufferPointer<Double>]) -> [T]
  ) -> [T]

  /// Calls `body` with columns `columns` of `set` side by side, each in iteration order, for
  /// what pairs iterations across columns (rank correlations, conditional means). Read only;
  /// the columns are valid only during the call. A merge loads them for the call: memory is
  /// 8 bytes × iterations per column asked for.
  func withColumns<T>(
    _ set: ColumnSet, _ columns: [Int], _ body: ([UnsafeBufferPointer<Double>]) -> T
  ) -> T

  /// Calls `body` with column `column` of `set` in consecutive pieces, the first iterations
  /// first, each with the number of its first iteration: to copy a column elsewhere (a sort)
  /// without a second buffer of its length. A merge hands over pieces of a fixed size.
  func readColumn(
    _ set: ColumnSet, _ column: Int, _ body: (Int, UnsafeBufferPointer<Double>) -> Void)
}

extension RunColumns {
  /// The whole column as one piece.
  func readColumn(
    _ set: ColumnSet, _ column: Int, _ body: (Int, UnsafeBufferPointer<Double>) -> Void
  ) {
    withColumns(set, [column]) { body(0, $0[0]) }
  }

  /// `transform` of one column.
  func withColumn<T: Sendable>(
    _ set: ColumnSet, _ column: Int,
    _ transform: @Sendable (UnsafeMutableBufferPointer<Double>) -> T
  ) -> T {
    mapColumns(set, column..<column + 1, threads: 1, transform)[0]
  }
}
