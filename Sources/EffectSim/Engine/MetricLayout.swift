/// Where each number of one iteration's result sits in its flat vector.
///
/// One iteration yields a fixed set of numbers (yearly net impact per area, cumulative sums,
/// arm costs, outcomes, present values, occupancy shares, payback years). Storing them as one
/// flat vector per iteration keeps result storage preallocated and its size known up front.
///
/// After the payback years come the *targets* of the risk analysis: per payback definition,
/// the cumulative net impact at the horizon over its areas (discounted when it says so), which
/// the sensitivity analysis explains. With `--variance-split` the same targets of a second,
/// independent cohort (same parameter draws) follow, one column each.
struct MetricLayout: Sendable {
  let years: Int
  let areas: Int
  let outcomes: Int
  let occupancyCycles: Int
  let states: Int
  let paybacks: Int
  /// Simulated cohorts per iteration: 1, or 2 with `--variance-split`.
  let cohorts: Int

  /// - Parameter cohorts: 2 stores the targets of a second independent cohort per iteration.
  init(model: Model, cohorts: Int = 1) {
    precondition(cohorts == 1 || cohorts == 2)
    self.cohorts = cohorts
    years = model.years
    areas = model.areas.count
    outcomes = model.outcomeNames.count
    occupancyCycles = model.occupancyAt.count
    states = model.stateCount
    paybacks = model.payback.count
  }

  func netTotal(_ year: Int) -> Int { year }
  func netArea(_ area: Int, _ year: Int) -> Int { years + area * years + year }
  var cumulativeStart: Int { years + areas * years }
  func cumulativeTotal(_ year: Int) -> Int { cumulativeStart + year }
  func cumulativeArea(_ area: Int, _ year: Int) -> Int {
    cumulativeStart + years + area * years + year
  }
  var armCostStart: Int { 2 * (years + areas * years) }
  func armCost(_ arm: Int, _ year: Int) -> Int { armCostStart + arm * years + year }
  var outcomeStart: Int { armCostStart + 2 * years }
  /// `part`: 0 intervention, 1 control, 2 difference.
  func outcome(_ outcome: Int, _ part: Int) -> Int { outcomeStart + outcome * 3 + part }
  var presentValueStart: Int { outcomeStart + 3 * outcomes }
  var presentNetTotal: Int { presentValueStart }
  func presentNetArea(_ area: Int) -> Int { presentValueStart + 1 + area }
  func presentArmCost(_ arm: Int) -> Int { presentValueStart + 1 + areas + arm }
  func presentOutcome(_ outcome: Int, _ part: Int) -> Int {
    presentValueStart + 3 + areas + outcome * 3 + part
  }
  var occupancyStart: Int { presentValueStart + 3 + areas + 3 * outcomes }
  func occupancy(_ cycleIndex: Int, _ arm: Int, _ state: Int) -> Int {
    occupancyStart + (cycleIndex * 2 + arm) * states + state
  }
  var paybackStart: Int { occupancyStart + occupancyCycles * 2 * states }
  /// The payback year (1-based) of a definition, or `years + 1` when not within the horizon.
  func payback(_ definition: Int) -> Int { paybackStart + definition }
  var targetStart: Int { paybackStart + paybacks }
  /// Cumulative net impact at the horizon over a payback definition's areas (discounted when
  /// the definition is): the quantity the sensitivity analysis explains.
  func target(_ definition: Int) -> Int { targetStart + definition }
  /// The same target in the second cohort of the iteration (only when `cohorts` is 2).
  func secondCohortTarget(_ definition: Int) -> Int { targetStart + paybacks + definition }
  var count: Int { targetStart + cohorts * paybacks }
}
