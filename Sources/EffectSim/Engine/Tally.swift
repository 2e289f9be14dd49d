/// What a kernel counts in one iteration, before anything is priced: person-cycles per
/// (arm, year, state, charge class), the amounts of person-dependent charges, and the states
/// held at the `occupancyAt` cycles.
///
/// Both the Monte Carlo kernels and the deterministic expected trace fill a `Tally`; the
/// accounting reads it without knowing where it came from. Its layouts are the plan's
/// (`CountCells`, `AmountCells`, `KernelPlan`'s markers).
struct Tally {
  let cells: CountCells
  let amounts: AmountCells
  let shares: ShareCells
  /// Person-cycles per `CountCells` index.
  var occupancy: [Double]
  /// Amounts of charges that depend on person-scope parameters, per `AmountCells` index.
  var personAmounts: [Double]
  /// Persons in each state at each `occupancyAt` cycle, per `ShareCells` index.
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
    cells = CountCells(
      years: model.years, states: model.stateCount, chargeClasses: model.chargeClassCount)
    amounts = AmountCells(years: model.years, targets: model.targetCount)
    shares = ShareCells(states: model.stateCount)
    occupancy = [Double](repeating: 0, count: cells.count)
    personAmounts = [Double](repeating: 0, count: amounts.count)
    atCycle = [Double](repeating: 0, count: model.occupancyAt.count * 2 * model.stateCount)
    eligible = [Double](repeating: 0, count: model.occupancyAt.count)
    staircase = [Double](repeating: 0, count: model.usesStaircase ? occupancy.count : 0)
    moves = [Double](
      repeating: 0, count: model.transitionCharges.isEmpty ? 0 : model.transitionCount * model.years)
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
    cells.index(arm: arm, year: year, state: state, chargeClass: chargeClass)
  }

  /// Where the amount of (arm, year, target) sits in `personAmounts`, and in the accounting's
  /// amounts, which share the layout.
  @inline(__always)
  func amountIndex(arm: Int, year: Int, target: Int) -> Int {
    amounts.index(arm: arm, year: year, target: target)
  }

  /// Where the persons in `state` of `arm` at the `c`-th `occupancyAt` cycle sit in `atCycle`.
  @inline(__always)
  func atCycleIndex(_ c: Int, arm: Int, state: Int) -> Int {
    shares.index(c, arm: arm, state: state)
  }

  /// Sets `occupancy` from the half-cycle counts of the listed blocks of `CountCells` (one per
  /// kind of person, or one), summed exactly as integers first. A kernel that leaves the
  /// blocks of kinds nobody drew unwritten lists the others; the blocks left out must hold no
  /// count of this iteration.
  mutating func setOccupancy<Blocks: Collection<Int>>(
    halfCycles counts: UnsafeBufferPointer<Int>, blocks: Blocks
  ) {
    let size = cells.count
    for i in 0..<size {
      var total = 0
      for block in blocks { total += counts[block * size + i] }
      occupancy[i] = Double(total) * 0.5
    }
  }
}
