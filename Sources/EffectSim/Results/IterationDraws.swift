/// Per-iteration values for export (`--draws FILE.csv`): every recorded iteration-scope
/// parameter and each payback definition's target, so that an analyst can recompute every
/// figure of the risk-driver analysis in R, Python or a spreadsheet.
public struct IterationDraws: Sendable {
  /// Column names: the parameters in the scenario's order, then the payback definitions (and,
  /// with `--variance-split`, their second-cohort targets).
  public var names: [String]
  /// One array per column, one value per iteration in iteration order.
  public var columns: [[Double]]

  public init(names: [String], columns: [[Double]]) {
    self.names = names
    self.columns = columns
  }

  /// Iterations per column.
  public var iterations: Int { columns.first?.count ?? 0 }
}
