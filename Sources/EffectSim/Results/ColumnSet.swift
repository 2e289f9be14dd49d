/// The kinds of per-iteration numbers a Monte Carlo run stores, one column per number.
///
/// Everything a summary reads about the iterations is in these columns, so anything that
/// moves a run's results elsewhere (partial result files, their merge) deals in column sets
/// and needs no change when a set is added: add a case, fill it in `Simulation`, read it in
/// `Summarizer`.
public enum ColumnSet: String, CaseIterable, Sendable {
  /// The metrics of `MetricLayout`: net impact, cumulative sums, outcomes, payback years, ...
  case metrics
  /// The iteration-scope parameter values (`ParameterRecord`), for the assumptions register.
  case parameterDraws
}
