/// A rank correlation between two iteration-scope distribution parameters, as the scenario's
/// `correlations` key states it.
///
/// The engine draws the correlated parameters through a Gaussian copula (`GaussianCopula`),
/// so each keeps exactly its declared distribution and the pair has Spearman rank
/// correlation `rank` (exactly for continuous distributions; ties make a discrete
/// parameter's rank correlation smaller in size).
public struct Correlation: Sendable, Equatable {
  /// The two parameter names, in the order the file gives them; checked to be distinct
  /// iteration-scope distribution parameters.
  public var first: String
  public var second: String
  /// Spearman's rank correlation ρs, in (−1, 1).
  public var rank: Double
  /// JSON path of the entry, e.g. `correlations[0]`, for messages.
  public var path: String
  /// Documentation of the assumption, as on a parameter.
  public var note: String?
  public var source: String?

  public init(
    first: String, second: String, rank: Double, path: String, note: String? = nil,
    source: String? = nil
  ) {
    self.first = first
    self.second = second
    self.rank = rank
    self.path = path
    self.note = note
    self.source = source
  }

  /// "ipsShare–controlShare", as messages and reports name the pair.
  public var pairName: String { "\"\(first)\"–\"\(second)\"" }
}

extension Correlation {
  /// The parameter names that take part in `correlations`, in order of first mention: the
  /// members of the copula, in the order their normals are combined.
  static func members(of correlations: [Correlation]) -> [String] {
    var names: [String] = []
    for correlation in correlations {
      for name in [correlation.first, correlation.second] where !names.contains(name) {
        names.append(name)
      }
    }
    return names
  }

  /// Each correlation as (index of first, index of second, rank) into `members`.
  static func indexedPairs(_ correlations: [Correlation], members: [String])
    -> [(Int, Int, rank: Double)]
  {
    correlations.compactMap { correlation in
      guard let i = members.firstIndex(of: correlation.first),
        let j = members.firstIndex(of: correlation.second)
      else { return nil }
      return (i, j, correlation.rank)
    }
  }
}
