/// The aggregated kernel: people who entered in the same cycle, are of the same kind (person
/// stratum) and hold the same joint state (intervention state, control state) are moved
/// together, with exact multinomial draws.
///
/// Its cost per cycle depends on the number of occupied groups, not on the number of people, so
/// it wins for large cohorts. It is exact, not an approximation:
/// - With `coupled` pairing one uniform moves a person in both arms. The joint destination
///   (i, c) is taken when that uniform falls in both the intervention's interval for i and the
///   control's interval for c, so its probability is the length of the overlap of the two
///   intervals — computed on the same 53-bit integer thresholds the individual kernel compares
///   against, so the two kernels draw from exactly the same joint distribution. With
///   `independent` pairing it is the product of the two lengths.
/// - A group of n people then splits over the joint destinations as Multinomial(n, p), drawn
///   as conditional binomials, largest probability first.
/// - Transitions and charges depend only on the window class of the cycles since entry, and
///   `occupancyAt` only on the exact cycle since entry; once an entry group is past every
///   window boundary and every `occupancyAt` cycle ("settled"), it behaves like every other
///   settled group, so settled groups are merged into one pool (exact).
/// - Discrete person-scope parameters split the cohort into strata (`PersonStrata`), drawn as a
///   multinomial at entry; person-dependent charges are priced per stratum.
/// - When transitions carry amounts, joint destinations reached along different transitions
///   stay separate cells (the multinomial over finer cells is the same distribution), so each
///   cell's draw is also the number of people moving along its transitions.
/// - The refusion staircase gives every person a clock of their own; this kernel refuses such
///   scenarios (`PersonStrata.make`).
///
/// Markers, eligibility, the occupancy convention, count cells, settling and the
/// person-charge cells come from the `KernelPlan`, which every kernel reads.
struct AggregatedKernel {
  private let plan: KernelPlan
  /// The plan's layouts and convention, kept apart: the per-cycle step reads them, and a field
  /// read from the stored plan there would copy (retain and release) the whole plan.
  private let cells: CountCells
  private let shares: ShareCells
  private let halfCycles: (start: Int, end: Int)
  private let strata: PersonStrata
  /// Conditional probabilities that split an entry group over the strata.
  private let strataRatios: [Double]
  /// Per stratum, whether anyone of that kind entered in this iteration (scratch).
  private var occupied: [Bool]
  private let states: Int
  private let joint: Int
  private let classes: Int
  /// Room for joint destinations per joint table: (outgoing + 1)² covers both pairings.
  private let cellStride: Int
  private let lastTransitionClass: Int
  private let lastChargeClass: Int
  /// The intervention and control state of each joint state.
  private let jointI: [Int32]
  private let jointC: [Int32]

  // Per iteration: joint tables per (table set, class, joint state); a table set per stratum
  // when transitions depend on person-scope parameters, else one.
  private var cellCount: [Int32]
  private var cellDestination: [Int32]
  private var cellRatio: [Double]
  /// Per cell, the transitions taken (`moveKey`); 0 when no transition carries an amount.
  private var cellMoves: [Int32]
  /// Whether moves are counted per transition, and their counts per (transition, year).
  private let countMoves: Bool
  private let slots: TransitionSlots
  private let transitionCount: Int
  private let years: Int
  private var moves: [Int]
  private var initialCount: Int32 = 0
  private var initialDestination: [Int32]
  private var initialRatio: [Double]
  /// Per stratum, the rates of the plan's `personCharges`.
  private var personRates: [Double]

  // Per iteration: people per (stratum, slot, joint state); slot = entry cycle, or `horizon`
  // for the pool of settled groups.
  private var groups: [Int]
  private var next: [Int]
  /// Persons per (stratum, entry cycle).
  private var entering: [Int]
  /// Half-cycles per stratum and count cell: stratum s's cells start at s · `CountCells.count`.
  private var counts: [Int]
  /// Persons per (`occupancyAt` index, arm, state), at the plan's markers.
  private var atCounts: [Int]
  /// Scratch for building tables: probabilities and destinations of the cells.
  private var probabilityScratch: [Double]
  private var destinationScratch: [Int32]
  private var moveScratch: [Int32]

  /// - Throws: `PersonStrata.Unsupported` when the kernel cannot be exact for `model`.
  init(model: Model) throws(PersonStrata.Unsupported) {
    strata = try PersonStrata.make(model).get()
    plan = KernelPlan(model: model)
    cells = plan.cells
    shares = plan.shares
    halfCycles = plan.halfCycles
    strataRatios = Self.conditionalRatios(strata.probabilities)
    states = model.stateCount
    joint = states * states
    classes = model.transitionClasses.count
    cellStride = (model.maxOutgoing + 1) * (model.maxOutgoing + 1)
    lastTransitionClass = classes - 1
    lastChargeClass = model.chargeClassCount - 1
    jointI = (0..<joint).map { Int32($0 / model.stateCount) }
    jointC = (0..<joint).map { Int32($0 % model.stateCount) }

    let sets = model.transitionsDependOnPerson ? strata.count : 1
    let tables = sets * classes * joint
    cellCount = [Int32](repeating: 0, count: tables)
    cellDestination = [Int32](repeating: 0, count: tables * cellStride)
    cellRatio = [Double](repeating: 0, count: tables * cellStride)
    cellMoves = [Int32](repeating: 0, count: tables * cellStride)
    countMoves = !model.transitionCharges.isEmpty
    slots = TransitionSlots(model: model)
    transitionCount = model.transitionCount
    years = model.years
    moves = [Int](repeating: 0, count: countMoves ? model.transitionCount * model.years : 0)
    initialDestination = [Int32](repeating: 0, count: cellStride * states * states)
    initialRatio = [Double](repeating: 0, count: cellStride * states * states)
    personRates = [Double](repeating: 0, count: strata.count * plan.personCharges.count)
    occupied = [Bool](repeating: false, count: strata.count)
    groups = [Int](repeating: 0, count: strata.count * (model.horizon + 1) * joint)
    next = [Int](repeating: 0, count: joint)
    entering = [Int](repeating: 0, count: strata.count * model.horizon)
    counts = [Int](repeating: 0, count: strata.count * plan.cells.count)
    atCounts = [Int](repeating: 0, count: model.occupancyAt.count * 2 * states)
    let room = max(cellStride, states * states)
    probabilityScratch = [Double](repeating: 0, count: room)
    destinationScratch = [Int32](repeating: 0, count: room)
    moveScratch = [Int32](repeating: 0, count: room)
  }

  /// Simulates one iteration's cohort into `tally`.
  /// - Parameters:
  ///   - tables: the iteration's tables; person-dependent entries are rewritten per stratum.
  ///   - streams: the iteration's streams; the cohort moves on its cohort stream.
  /// - Complexity: O(horizon × occupied groups × joint destinations), independent of the
  ///   number of people but for the binomial draws' O(1) expected cost.
  mutating func run(
    _ model: Model, _ tables: inout IterationTables, _ streams: IterationStreams,
    into tally: inout Tally, iteration: Int
  ) throws(RunError) {
    var rng = streams.cohort()
    let horizon = model.horizon
    for i in groups.indices { groups[i] = 0 }
    for i in counts.indices { counts[i] = 0 }
    for i in atCounts.indices { atCounts[i] = 0 }
    for i in entering.indices { entering[i] = 0 }
    for i in moves.indices { moves[i] = 0 }

    // Who enters when, and of which kind.
    var personCycles = 0
    for s in occupied.indices { occupied[s] = false }
    for entry in 0..<horizon where tables.entries[entry] > 0 {
      let n = tables.entries[entry]
      plan.countEntering(n, entry: entry, into: &tally)
      personCycles += 2 * n * (horizon - entry)
      var left = n
      for s in 0..<strata.count where left > 0 {
        let x =
          s == strata.count - 1 ? left : Binomial.sample(n: left, p: strataRatios[s], using: &rng)
        entering[s * horizon + entry] = x
        if x > 0 { occupied[s] = true }
        left -= x
      }
    }

    // Tables of the kinds of person present.
    buildInitial(model, tables)
    if !model.transitionsDependOnPerson { buildJoint(model, tables, set: 0) }
    if strata.split {
      for s in 0..<strata.count where occupied[s] {
        try tables.setKind(strata.values[s], model, iteration: iteration)
        if model.transitionsDependOnPerson { buildJoint(model, tables, set: s) }
        try tables.evaluatePersonCharges(model, iteration: iteration)
        tables.storeRates(of: plan.personCharges, kind: s, into: &personRates)
      }
    }

    for s in 0..<strata.count where occupied[s] {
      simulateStratum(model, s, &rng)
    }
    finish(into: &tally)
    for i in moves.indices { tally.moves[i] = Double(moves[i]) }
    tally.personCycles = Double(personCycles)
  }

  /// Moves every group of stratum `s` through the horizon.
  private mutating func simulateStratum(
    _ model: Model, _ s: Int, _ rng: inout Xoshiro256PlusPlus
  ) {
    let horizon = model.horizon
    let set = model.transitionsDependOnPerson ? s : 0
    let groupBase = s * (horizon + 1)
    let pool = (groupBase + horizon) * joint
    let settle = plan.settle
    let markers = plan.markers
    var poolUsed = false
    for t in 0..<horizon {
      let year = Int(model.yearOf[t])
      // Entry: the initial joint states.
      let n = entering[s * horizon + t]
      if n > 0 {
        split(
          n, cells: 0, count: Int(initialCount), destinations: initialDestination,
          ratios: initialRatio, into: (groupBase + t) * joint, &rng)
      }
      // Groups that settle now join the pool.
      if t >= settle {
        let entry = t - settle
        let from = (groupBase + entry) * joint
        if entering[s * horizon + entry] > 0 {
          for j in 0..<joint where groups[from + j] != 0 {
            groups[pool + j] += groups[from + j]
            groups[from + j] = 0
          }
          poolUsed = true
        }
      }
      if poolUsed {
        step(
          model, group: pool, set: set, transitionClass: lastTransitionClass,
          chargeClass: lastChargeClass, marker: -1, year: year, stratum: s, &rng)
      }
      for entry in Swift.stride(from: max(0, t - settle + 1), through: t, by: 1)
      where entering[s * horizon + entry] > 0 {
        let k = t - entry
        step(
          model, group: (groupBase + entry) * joint, set: set,
          transitionClass: Int(model.transitionClassOf[k]),
          chargeClass: Int(model.chargeClassOf[k]), marker: Int(markers[k]), year: year,
          stratum: s, &rng)
      }
    }
  }

  /// One cycle of one group: count its occupancy, then move it.
  @inline(__always)
  private mutating func step(
    _ model: Model, group: Int, set: Int, transitionClass: Int, chargeClass: Int, marker: Int,
    year: Int, stratum: Int, _ rng: inout Xoshiro256PlusPlus
  ) {
    let (weightStart, weightEnd) = halfCycles
    // The count cell of (stratum, arm, year, state, class) is base + state · stateStride.
    let stateStride = cells.stateStride
    let block = stratum * cells.count
    let baseI = block + cells.base(arm: 0, year: year, chargeClass: chargeClass)
    let baseC = block + cells.base(arm: 1, year: year, chargeClass: chargeClass)
    let tableBase = (set * classes + transitionClass) * joint
    for j in 0..<joint where groups[group + j] != 0 {
      let n = groups[group + j]
      let a = Int(jointI[j])
      let b = Int(jointC[j])
      if marker >= 0 {
        atCounts[shares.index(marker, arm: 0, state: a)] += n
        atCounts[shares.index(marker, arm: 1, state: b)] += n
      }
      if weightStart != 0 {
        counts[baseI + a * stateStride] += weightStart * n
        counts[baseC + b * stateStride] += weightStart * n
      }
      let table = tableBase + j
      split(
        n, cells: table * cellStride, count: Int(cellCount[table]),
        destinations: cellDestination, ratios: cellRatio, into: -1, year: year, &rng)
    }
    for j in 0..<joint {
      let n = next[j]
      groups[group + j] = n
      if n != 0 {
        next[j] = 0
        if weightEnd != 0 {
          let a = Int(jointI[j])
          let b = Int(jointC[j])
          counts[baseI + a * stateStride] += weightEnd * n
          counts[baseC + b * stateStride] += weightEnd * n
        }
      }
    }
  }

  /// Splits `n` people over the cells `cells..<cells + count` by conditional binomials, adding
  /// them to `groups` from `target` on, or to `next` when `target` is −1.
  /// - Parameter year: for a transition table when moves are counted, the year whose moves the
  ///   cells' draws are; −1 otherwise.
  @inline(__always)
  private mutating func split(
    _ n: Int, cells: Int, count: Int, destinations: [Int32], ratios: [Double], into target: Int,
    year: Int = -1, _ rng: inout Xoshiro256PlusPlus
  ) {
    var left = n
    for cell in 0..<count {
      let x =
        cell == count - 1
        ? left : Binomial.sample(n: left, p: ratios[cells + cell], using: &rng)
      if x > 0 {
        let d = Int(destinations[cells + cell])
        if target < 0 { next[d] += x } else { groups[target + d] += x }
        if countMoves && year >= 0 { addMoves(x, key: Int(cellMoves[cells + cell]), year: year) }
        left -= x
        if left == 0 { break }
      }
    }
  }

  /// The transitions a cell's people take, one per arm, as one key: 0 for no move in either.
  private func moveKey(_ transitionI: Int, _ transitionC: Int) -> Int32 {
    Int32((transitionI + 1) * (transitionCount + 1) + transitionC + 1)
  }

  /// Adds `x` people to the move counts of the transitions of `key` in `year`.
  @inline(__always)
  private mutating func addMoves(_ x: Int, key: Int, year: Int) {
    let transitionI = key / (transitionCount + 1) - 1
    let transitionC = key % (transitionCount + 1) - 1
    if transitionI >= 0 { moves[transitionI * years + year] += x }
    if transitionC >= 0 { moves[transitionC * years + year] += x }
  }

  /// Sums the strata into the tally, pricing person-dependent charges per stratum.
  private func finish(into tally: inout Tally) {
    let size = plan.cells.count
    counts.withUnsafeBufferPointer { counts in
      tally.setOccupancy(halfCycles: counts, blocks: 0..<strata.count)
    }
    let rates = plan.personCharges.count
    let personCells = plan.personCells
    for s in 0..<strata.count {
      for group in plan.personGroups {
        let first = personCells[group.lowerBound]
        var halfCycles = 0
        for cell in personCells[group] { halfCycles += counts[s * size + cell.cell] }
        if halfCycles != 0 {
          tally.personAmounts[first.amount] +=
            Double(halfCycles) * 0.5 * personRates[s * rates + first.personCharge]
        }
      }
    }
    atCounts.withUnsafeBufferPointer { atCounts in plan.copyShares(atCounts, into: &tally) }
  }

  // MARK: - Joint tables

  /// The joint initial distribution: the overlap (coupled) or product (independent) of the two
  /// arms' initial distributions.
  private mutating func buildInitial(_ model: Model, _ tables: IterationTables) {
    var cells = 0
    let coupled = model.pairing == .coupled
    var loI: UInt64 = 0
    for i in 0..<Int(tables.initialCount[0]) {
      let hiI = tables.initialThresholds[i]
      let stateI = Int(tables.initialStates[i])
      var loC: UInt64 = 0
      for c in 0..<Int(tables.initialCount[1]) {
        let hiC = tables.initialThresholds[states + c]
        let stateC = Int(tables.initialStates[states + c])
        let p = Self.cellProbability(loI, hiI, loC, hiC, coupled: coupled)
        if p > 0 { cells = add(p, Int32(stateI * states + stateC), moves: 0, cells) }
        loC = hiC
      }
      loI = hiI
    }
    finishCells(cells)
    for k in 0..<cells {
      initialDestination[k] = destinationScratch[k]
      initialRatio[k] = probabilityScratch[k]
    }
    initialCount = Int32(cells)
  }

  /// The joint transition tables of one table set from the per-arm tables in `tables`.
  private mutating func buildJoint(_ model: Model, _ tables: IterationTables, set: Int) {
    let coupled = model.pairing == .coupled
    let stride = tables.stride
    let top: UInt64 = 1 << 53
    for cls in 0..<classes {
      for j in 0..<joint {
        let a = Int(jointI[j])
        let b = Int(jointC[j])
        let tableI = tables.table(arm: 0, transitionClass: cls, state: a)
        let tableC = tables.table(arm: 1, transitionClass: cls, state: b)
        let countI = Int(tables.outgoingCount[tableI])
        let countC = Int(tables.outgoingCount[tableC])
        var cells = 0
        var loI: UInt64 = 0
        for i in 0...countI {
          let hiI = i < countI ? tables.thresholds[tableI * stride + i] : top
          let toI = i < countI ? Int(tables.destinations[tableI * stride + i]) : a
          var loC: UInt64 = 0
          for c in 0...countC {
            let hiC = c < countC ? tables.thresholds[tableC * stride + c] : top
            let toC = c < countC ? Int(tables.destinations[tableC * stride + c]) : b
            let p = Self.cellProbability(loI, hiI, loC, hiC, coupled: coupled)
            let key =
              countMoves
              ? moveKey(
                i < countI ? slots.transition(table: tableI, slot: i) : -1,
                c < countC ? slots.transition(table: tableC, slot: c) : -1) : 0
            if p > 0 { cells = add(p, Int32(toI * states + toC), moves: key, cells) }
            loC = max(loC, hiC)
          }
          loI = max(loI, hiI)
        }
        let table = (set * classes + cls) * joint + j
        finishCells(cells)
        for k in 0..<cells {
          cellDestination[table * cellStride + k] = destinationScratch[k]
          cellRatio[table * cellStride + k] = probabilityScratch[k]
          cellMoves[table * cellStride + k] = moveScratch[k]
        }
        cellCount[table] = Int32(cells)
      }
    }
  }

  /// The probability that one person's uniform(s) fall in [loI, hiI) and [loC, hiC), in units
  /// of 2^-53: one shared uniform (coupled) or two independent ones.
  @inline(__always)
  private static func cellProbability(
    _ loI: UInt64, _ hiI: UInt64, _ loC: UInt64, _ hiC: UInt64, coupled: Bool
  ) -> Double {
    if coupled {
      let lo = max(loI, loC)
      let hi = min(hiI, hiC)
      return hi > lo ? Double(hi - lo) * 0x1p-53 : 0
    }
    guard hiI > loI, hiC > loC else { return 0 }
    return Double(hiI - loI) * 0x1p-53 * (Double(hiC - loC) * 0x1p-53)
  }

  /// Adds a cell to the scratch, merging it with an earlier cell of the same destination
  /// reached along the same transitions (`moveKey`).
  private mutating func add(_ p: Double, _ destination: Int32, moves: Int32, _ cells: Int) -> Int {
    for k in 0..<cells where destinationScratch[k] == destination && moveScratch[k] == moves {
      probabilityScratch[k] += p
      return cells
    }
    probabilityScratch[cells] = p
    destinationScratch[cells] = destination
    moveScratch[cells] = moves
    return cells + 1
  }

  /// Sorts the scratch cells by decreasing probability and turns the probabilities into the
  /// conditional ones, p_j / (p_j + p_{j+1} + ...), of the multinomial's binomial chain.
  private mutating func finishCells(_ cells: Int) {
    // Insertion sort: a handful of cells.
    for i in 1..<max(cells, 1) {
      var k = i
      while k > 0 && probabilityScratch[k - 1] < probabilityScratch[k] {
        probabilityScratch.swapAt(k - 1, k)
        destinationScratch.swapAt(k - 1, k)
        moveScratch.swapAt(k - 1, k)
        k -= 1
      }
    }
    Self.makeConditional(&probabilityScratch, count: cells)
  }

  /// p_s / (p_s + p_{s+1} + ...) for a chain of binomials over the strata.
  static func conditionalRatios(_ probabilities: [Double]) -> [Double] {
    var ratios = probabilities
    makeConditional(&ratios, count: ratios.count)
    return ratios
  }

  /// Turns the first `count` probabilities, in place, into the conditional ones
  /// p_j / (p_j + p_{j+1} + ...) with which a chain of binomials draws a multinomial exactly.
  static func makeConditional(_ p: inout [Double], count: Int) {
    var rest = 0.0
    for k in Swift.stride(from: count - 1, through: 0, by: -1) {
      rest += p[k]
      p[k] = rest > 0 ? min(p[k] / rest, 1) : 0
    }
  }
}
