/// The spreadsheet reading of a case (every parameter at its base value, expected cohort
/// trace), carried beside a Monte Carlo summary so a chart can draw the document's line
/// through the simulated spread.
public struct DeterministicReading: Sendable {
  /// Net impact per year, all areas.
  public var netImpact: [Double]
  /// Cumulative net impact per year, all areas.
  public var cumulativeNetImpact: [Double]
  /// Per payback definition, in the summary's order: the payback year (1 = the first year),
  /// `nil` when not within the horizon.
  public var paybackYears: [Int?]

  public init(netImpact: [Double], cumulativeNetImpact: [Double], paybackYears: [Int?]) {
    self.netImpact = netImpact
    self.cumulativeNetImpact = cumulativeNetImpact
    self.paybackYears = paybackYears
  }
}

extension RunSummary {
  /// The deterministic reading of a deterministic run's summary.
  public var deterministicReading: DeterministicReading {
    DeterministicReading(
      netImpact: netImpact.total.map(\.mean),
      cumulativeNetImpact: cumulativeNetImpact.total.map(\.mean),
      paybackYears: payback.map(\.medianYear))
  }

  /// Attaches the reading of `deterministic` (a run of the same model in deterministic mode):
  /// `deterministic` and each payback definition's `deterministicYear`.
  ///
  /// JSON and CSV print `deterministicYear` when it is set, so the command line attaches a
  /// reading only for the formats that draw it.
  public mutating func attachDeterministic(_ deterministic: RunSummary) {
    let reading = deterministic.deterministicReading
    self.deterministic = reading
    for index in payback.indices where index < reading.paybackYears.count {
      payback[index].deterministicYear = reading.paybackYears[index]
    }
  }
}
