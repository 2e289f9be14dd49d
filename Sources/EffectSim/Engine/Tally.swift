/// What a kernel counts in one iteration, before anything is priced: person-cycles per
/// (arm, year, state, charge class), the amounts of person-dependent charges, and the states
/// held at the `occupancyAt` cycles.
///
/// Both the Monte Carlo kernels and the deterministic expected trace fill a `Tally`; the
/// accounting reads it without knowing where it came from.
struct Tally {
  let years: Int
  let states: Int
  let chargeClasses: Int
  let targets: Int
  /// Person-cycles, index `((arm · years + year) · states + state) · chargeClasses + class`.
  var occupancy: [Double]
  /// Amounts of charges that depend on person-scope parameters, index
  /// `(arm · years + year) · targets + target`.
  var personAmounts: [Double]
  /// Persons in each state at each `occupancyAt` cycle, index `(c · 2 + arm) · states + state`.
  var atCycle: [Double]
  /// Persons whose entry plus the `occupancyAt` cycle lies inside the horizon, per cycle.
  var eligible: [Double]
  /// Person-cycles simulated, both arms counted.
  var personCycles: Double = 0
  /// Person-cycles weighted by the municipal share of the refusion staircase at each person's
  /// clock, indexed like `occupancy`; empty when no charge uses the staircase.
  var staircase: [Double]
  /// Persons moving along each transition per year, index `transition · years + year`
  /// (`Model.transitionCount` transitions); empty when no transition carries an amount.
  var moves: [Double]

  init(model: Model) {
    years = model.years
    states = model.stateCount
    chargeClasses = model.chargeClassCount
    targets = model.targetCount
    occupancy = [Double](repeating: 0, count: 2 * years * states * chargeClasses)
    personAmounts = [Double](repeating: 0, count: 2 * years * targets)
    atCycle = [Double](repeating: 0, count: model.occupancyAt.count * 2 * states)
    eligible = [Double](repeating: 0, count: model.occupancyAt.count)
    staircase = [Double](repeating: 0, count: model.usesStaircase ? occupancy.count : 0)
    moves = [Double](
      repeating: 0, count: model.transitionCharges.isEmpty ? 0 : model.transitionCount * years)
  }

  mutating func reset() {
    for i in occupancy.indices { occupancy[i] = 0 }
    for i in personAmounts.indices { personAmounts[i] = 0 }
    for i in atCycle.indices { atCycle[i] = 0 }
    for i in eligible.indices { eligible[i] = 0 }
    for i in staircase.indices { staircase[i] = 0 }
    for i in moves.indices { moves[i] = 0 }
    personCycles = 0
  }

  @inline(__always)
  func occupancyIndex(arm: Int, year: Int, state: Int, chargeClass: Int) -> Int {
    ((arm * years + year) * states + state) * chargeClasses + chargeClass
  }

  /// Where the amount of (arm, year, target) sits in `personAmounts`, and in the accounting's
  /// amounts, which share the layout.
  @inline(__always)
  func amountIndex(arm: Int, year: Int, target: Int) -> Int {
    (arm * years + year) * targets + target
  }

  /// Where the persons in `state` of `arm` at the `c`-th `occupancyAt` cycle sit in `atCycle`.
  @inline(__always)
  func atCycleIndex(_ c: Int, arm: Int, state: Int) -> Int { (c * 2 + arm) * states + state }
}
