/// Everything a renderer needs to show one run, and nothing of the engine's internals.
///
/// The shape mirrors the JSON output contract of the scenario format (docs/scenario-format.md):
/// renderers walk this value; they never see a trace, a tally or a random stream.
public struct RunSummary: Sendable {
  public var scenario: ScenarioInfo
  public var settings: RunSettings
  /// Calendar years of the horizon, first to last.
  public var years: [Int]
  /// Budget areas in code-point order of their names.
  public var areas: [String]
  /// Net impact per year: intervention − control + line items (expenses positive).
  public var netImpact: AreaSeries
  /// Running sum of `netImpact` from the first year.
  public var cumulativeNetImpact: AreaSeries
  /// State costs per arm and year (line items excluded).
  public var armCosts: ArmSeries
  public var payback: [PaybackSummary]
  /// Undiscounted outcome totals over the horizon, in the scenario's listing order.
  public var outcomes: [OutcomeSummary]
  public var presentValue: PresentValueSummary
  public var occupancy: [OccupancySummary]
  /// Facts about the machine and the time taken; the only part that varies between equal runs.
  public var run: RunInfo
  /// Cumulative net impact at the horizon as a histogram, and the probability of a loss.
  /// Not part of the JSON contract; the decision report draws it.
  public var horizon: HorizonSummary?
  /// The assumptions register: every parameter in the scenario's order.
  public var parameters: [ParameterSummary]
  /// The spreadsheet reading, when the caller attached one (`attachDeterministic(_:)`).
  public var deterministic: DeterministicReading?
  /// The scenario's rank correlations, as the run drew them (Monte Carlo runs only; a
  /// deterministic run uses base values and no correlation).
  public var correlations: [Correlation] = []
  /// What drives the risk, per payback definition (Monte Carlo runs; empty otherwise).
  public var sensitivity: [SensitivitySummary] = []
  /// Chance against knowledge per payback definition (runs with two cohorts per iteration;
  /// empty otherwise).
  public var varianceSplit: [VarianceSplitSummary] = []
  /// The business case's own figures against the run, when the scenario has a `claim`.
  public var claim: ClaimSummary?
  /// Per-iteration parameters and targets, when the run was asked to keep them
  /// (`RunOptions.keepDraws`); not part of any report.
  public var iterationDraws: IterationDraws?

  public init(
    scenario: ScenarioInfo, settings: RunSettings, years: [Int], areas: [String],
    netImpact: AreaSeries, cumulativeNetImpact: AreaSeries, armCosts: ArmSeries,
    payback: [PaybackSummary], outcomes: [OutcomeSummary], presentValue: PresentValueSummary,
    occupancy: [OccupancySummary], run: RunInfo, horizon: HorizonSummary? = nil,
    parameters: [ParameterSummary] = [], deterministic: DeterministicReading? = nil
  ) {
    self.scenario = scenario
    self.settings = settings
    self.years = years
    self.areas = areas
    self.netImpact = netImpact
    self.cumulativeNetImpact = cumulativeNetImpact
    self.armCosts = armCosts
    self.payback = payback
    self.outcomes = outcomes
    self.presentValue = presentValue
    self.occupancy = occupancy
    self.run = run
    self.horizon = horizon
    self.parameters = parameters
    self.deterministic = deterministic
  }
}

/// The scenario's identity as shown in reports.
public struct ScenarioInfo: Sendable {
  public var name: String
  public var source: String?
  public var description: String?
  public var start: Int
  public var years: Int
  /// `"month"` or `"year"`.
  public var cycle: String
  public var currency: String
  public var priceLevel: String?
  /// State id → the scenario's `label`, for the states that have one: reports show the
  /// analyst's words ("Kontanthjælp") where the JSON keeps the ids.
  public var stateLabels: [String: String]
  /// Outcome, area or payback definition name → the scenario's `labels` text.
  public var labels: [String: String]

  public init(
    name: String, source: String?, description: String?, start: Int, years: Int, cycle: String,
    currency: String, priceLevel: String?, stateLabels: [String: String] = [:],
    labels: [String: String] = [:]
  ) {
    self.stateLabels = stateLabels
    self.labels = labels
    self.name = name
    self.source = source
    self.description = description
    self.start = start
    self.years = years
    self.cycle = cycle
    self.currency = currency
    self.priceLevel = priceLevel
  }

  /// The name a report shows for a state: its label, else its id.
  public func stateName(_ id: String) -> String { stateLabels[id] ?? id }

  /// The name a report shows for an outcome, an area or a payback definition: the scenario's
  /// label, else the name itself.
  public func displayName(_ name: String) -> String { labels[name] ?? name }
}

/// How the run was made: enough to reproduce it.
public struct RunSettings: Sendable {
  public enum Mode: String, Sendable { case montecarlo, deterministic }
  public var mode: Mode
  public var iterations: Int
  public var seed: UInt64
  /// `"coupled"` or `"independent"`.
  public var pairing: String
  /// Percentile levels in percent, in the order reports show them.
  public var percentileLevels: [Double]
  /// Parameters replaced on the command line (`--set`), in the order given.
  public var overrides: [ScenarioOverride]
  /// Whether each iteration simulated a second, independent cohort (`--variance-split`).
  public var varianceSplit: Bool
  /// How a run to a stated precision ended; `nil` for a run of a fixed iteration count.
  public var precision: PrecisionOutcome?

  public init(
    mode: Mode, iterations: Int, seed: UInt64, pairing: String, percentileLevels: [Double],
    overrides: [ScenarioOverride] = [], varianceSplit: Bool = false,
    precision: PrecisionOutcome? = nil
  ) {
    self.varianceSplit = varianceSplit
    self.precision = precision
    self.mode = mode
    self.iterations = iterations
    self.seed = seed
    self.pairing = pairing
    self.percentileLevels = percentileLevels
    self.overrides = overrides
  }
}

/// One statistic per year, in total and per budget area.
public struct AreaSeries: Sendable {
  public var total: [Statistic]
  /// Per area, in the order of `RunSummary.areas`.
  public var byArea: [(area: String, values: [Statistic])]

  public init(total: [Statistic], byArea: [(area: String, values: [Statistic])]) {
    self.total = total
    self.byArea = byArea
  }
}

/// Yearly state costs of each arm.
public struct ArmSeries: Sendable {
  public var intervention: [Statistic]
  public var control: [Statistic]

  public init(intervention: [Statistic], control: [Statistic]) {
    self.intervention = intervention
    self.control = control
  }
}

/// The probability of having paid back by each year, for one payback definition.
public struct PaybackSummary: Sendable {
  public var name: String
  /// `nil` means all areas.
  public var areas: [String]?
  public var discounted: Bool
  /// Entry t − 1 is the probability that cumulative net impact is ≤ 0 at the end of year t.
  public var probabilityByYear: [Double]
  /// Monte Carlo standard error of each entry of `probabilityByYear` (binomial).
  public var probabilityMCSE: [Double]
  public var probabilityNotWithinHorizon: Double
  /// The first year (1 = the first of the horizon) whose probability reaches 0.5.
  public var medianYear: Int?
  /// The deterministic reading: the payback year when every parameter is at its base value.
  /// Filled by Monte Carlo runs too when the caller asks for it; `nil` otherwise.
  public var deterministicYear: Int?

  public init(
    name: String, areas: [String]?, discounted: Bool, probabilityByYear: [Double],
    probabilityMCSE: [Double], probabilityNotWithinHorizon: Double, medianYear: Int?,
    deterministicYear: Int? = nil
  ) {
    self.name = name
    self.areas = areas
    self.discounted = discounted
    self.probabilityByYear = probabilityByYear
    self.probabilityMCSE = probabilityMCSE
    self.probabilityNotWithinHorizon = probabilityNotWithinHorizon
    self.medianYear = medianYear
    self.deterministicYear = deterministicYear
  }
}

/// An outcome's horizon totals per arm and their difference (intervention − control).
public struct OutcomeSummary: Sendable {
  public var name: String
  public var intervention: Statistic
  public var control: Statistic
  public var difference: Statistic

  public init(name: String, intervention: Statistic, control: Statistic, difference: Statistic) {
    self.name = name
    self.intervention = intervention
    self.control = control
    self.difference = difference
  }
}

/// Discounted sums over the horizon.
public struct PresentValueSummary: Sendable {
  public var netImpactTotal: Statistic
  public var netImpactByArea: [(area: String, value: Statistic)]
  public var armCostsIntervention: Statistic
  public var armCostsControl: Statistic
  public var outcomes: [OutcomeSummary]

  public init(
    netImpactTotal: Statistic, netImpactByArea: [(area: String, value: Statistic)],
    armCostsIntervention: Statistic, armCostsControl: Statistic, outcomes: [OutcomeSummary]
  ) {
    self.netImpactTotal = netImpactTotal
    self.netImpactByArea = netImpactByArea
    self.armCostsIntervention = armCostsIntervention
    self.armCostsControl = armCostsControl
    self.outcomes = outcomes
  }
}

/// Shares of the cohort in each state, `cycle` cycles after entry.
public struct OccupancySummary: Sendable {
  public var cycle: Int
  /// Per state id in the scenario's state order.
  public var intervention: [(state: String, share: Statistic)]
  public var control: [(state: String, share: Statistic)]

  public init(
    cycle: Int, intervention: [(state: String, share: Statistic)],
    control: [(state: String, share: Statistic)]
  ) {
    self.cycle = cycle
    self.intervention = intervention
    self.control = control
  }
}

/// Machine- and time-dependent facts: kept apart so equal runs compare equal without them.
public struct RunInfo: Sendable {
  public var engineVersion: String
  public var threads: Int
  public var seconds: Double
  /// Person-cycles simulated, both arms counted.
  public var personCycles: Double
  public var personCyclesPerSecond: Double
  /// `"individual"`, `"aggregated"`, `"jump"` or `"expected"` (deterministic trace).
  public var kernel: String
  /// Seconds the summary spent on what drives the risk (sensitivity, one-way swings, value of
  /// information, variance split, claim); not part of `seconds`, which times the simulation.
  public var driversSeconds: Double = 0

  public init(
    engineVersion: String, threads: Int, seconds: Double, personCycles: Double,
    personCyclesPerSecond: Double, kernel: String
  ) {
    self.engineVersion = engineVersion
    self.threads = threads
    self.seconds = seconds
    self.personCycles = personCycles
    self.personCyclesPerSecond = personCyclesPerSecond
    self.kernel = kernel
  }
}
