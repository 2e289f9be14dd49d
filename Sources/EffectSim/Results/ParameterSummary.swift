/// One line of the assumptions register: a parameter as the scenario defines it, and the
/// values the run gave it.
public struct ParameterSummary: Sendable {
  /// How the scenario defines the parameter.
  public enum Kind: Sendable, Equatable {
    case fixed
    /// An expression over other parameters; the text as written.
    case derived(String)
    /// A distribution, in `Distribution.notation`.
    case distributed(String)
  }

  /// Where `range` comes from.
  public enum RangeSource: String, Sendable {
    /// Percentiles of the values the iterations drew (or derived): iteration scope.
    case simulated
    /// The distribution's own quantiles: person scope, whose draws are not stored (one per
    /// person and iteration would cost more memory than the whole run).
    case distribution
    /// Only the base value is known: fixed parameters, deterministic runs, and derived
    /// parameters of person scope.
    case base
  }

  public var name: String
  public var kind: Kind
  /// `"iteration"` or `"person"`.
  public var scope: String
  /// The value deterministic mode uses.
  public var base: Double
  /// The 5th, 50th and 95th percentiles of the parameter's values; `nil` when only the base
  /// is known (`rangeSource == .base`).
  public var range: (low: Double, median: Double, high: Double)?
  public var rangeSource: RangeSource
  public var note: String?
  public var source: String?
  /// The distribution of a `.distributed` parameter, for reports that write it in their own
  /// language and number style; `nil` otherwise.
  public var distribution: Distribution?
  /// The value given on the command line (`--set`) that replaced the file's definition.
  public var setOnCommandLine: String?

  public init(
    name: String, kind: Kind, scope: String, base: Double,
    range: (low: Double, median: Double, high: Double)?, rangeSource: RangeSource,
    note: String?, source: String?, distribution: Distribution? = nil
  ) {
    self.distribution = distribution
    self.name = name
    self.kind = kind
    self.scope = scope
    self.base = base
    self.range = range
    self.rangeSource = rangeSource
    self.note = note
    self.source = source
  }
}
