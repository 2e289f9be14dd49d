/// The business case's own figures (the scenario's `claim`) held against the simulation.
public struct ClaimSummary: Sendable {
  /// A payback time the document claims for one definition, and how often the run meets it.
  public struct Payback: Sendable {
    public var name: String
    /// Claimed payback time in years (1 = within the first year of the horizon).
    public var years: Int
    /// The share of iterations that pay back within `years` (the payback probability at that
    /// year); NaN (JSON `null`) when `years` lies beyond the horizon, which cannot judge it.
    public var probability: Double

    public init(name: String, years: Int, probability: Double) {
      self.name = name
      self.years = years
      self.probability = probability
    }
  }

  /// The document's net impact per year of the horizon, all areas; 0 where it lists none.
  public var netImpact: [Double]
  /// Its running sum.
  public var cumulative: [Double]
  public var payback: [Payback]
  /// Per year: the share of iterations whose cumulative net impact (all areas) is at or below
  /// the claim's, i.e. as good as the document or better.
  public var cumulativeRank: [Double]
  /// Where the figures stand in the document ("Tabel 1.1").
  public var source: String?

  public init(
    netImpact: [Double], cumulative: [Double], payback: [Payback], cumulativeRank: [Double],
    source: String?
  ) {
    self.netImpact = netImpact
    self.cumulative = cumulative
    self.payback = payback
    self.cumulativeRank = cumulativeRank
    self.source = source
  }
}
