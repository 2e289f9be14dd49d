/// The compiled plan every kernel reads: one place for the conventions of counting, so that
/// the individual kernel, the aggregated kernel, the expected trace — and a kernel still to
/// come — cannot get one subtly different.
///
/// - **Segments** (`segments(entry:)`): per entry cycle, stretches of cycles since entry cut
///   at every calendar year, window boundary and `occupancyAt` cycle (`Segment`).
/// - **Markers** (`markers`): for each cycle since entry, the `occupancyAt` index that reads
///   the state held at its start; a cycle listed twice is counted once, under its first
///   index, and `copyShares` / `repeatShares` give the later entries the same numbers.
/// - **Eligibility** (`countEntering`): who counts towards an `occupancyAt` share.
/// - **The occupancy convention** in half-cycles (`halfCycles`).
/// - **Cells** (`cells`, `amounts`, `shares`): the layouts of counts, amounts and persons at
///   the markers, which `Tally` uses too.
/// - **Person charges** (`personCharges`, `personCells`, `personGroups`): the charges that
///   depend on person-scope parameters, and the count cells each one prices.
/// - **Settling** (`settle`): the cycle since entry from which no window class and no
///   `occupancyAt` cycle changes any more.
///
/// Built once per worker from the worker's own model, so its arrays share no reference count
/// with another thread. Valid by construction: the model is.
struct KernelPlan: Sendable {
  /// Cycles in the horizon (H).
  let horizon: Int
  let states: Int
  let cells: CountCells
  let amounts: AmountCells
  let shares: ShareCells
  /// The scenario's occupancy convention, in half-cycles (see `OccupancyConvention`).
  let halfCycles: (start: Int, end: Int)
  /// The scenario's `report.occupancyAt`, in its order (repeats allowed).
  let occupancyAt: [Int]
  /// For each cycle since entry `0..<horizon`, the first `occupancyAt` index asking for it,
  /// or −1.
  let markers: [Int32]
  /// Every entry's segments, entry by entry; `segments(entry:)` gives one entry's range.
  let segments: [Segment]
  private let segmentFirst: [Int32]
  /// See `settleCycle(_:)`.
  let settle: Int
  /// Indices into `Model.charges` of the charges that depend on person-scope parameters, in
  /// listing order: a kernel prices these per person or kind of person.
  let personCharges: [Int]
  /// Every count cell a person charge reads, charge by charge (in `personCharges` order), then
  /// arm, year and charge class.
  let personCells: [PersonChargeCell]
  /// `personCells` in runs of one charge, arm and year (one amount each).
  let personGroups: [Range<Int>]
  /// Per `personCells` entry: whether its charge is on the refusion staircase, so that it is
  /// priced from the municipal shares of the cell's half-cycles rather than the half-cycles.
  let personOnStaircase: [Bool]

  init(model: Model) {
    horizon = model.horizon
    states = model.stateCount
    cells = CountCells(
      years: model.years, states: model.stateCount, chargeClasses: model.chargeClassCount)
    amounts = AmountCells(years: model.years, targets: model.targetCount)
    shares = ShareCells(states: model.stateCount)
    halfCycles = model.occupancy.halfCycles
    occupancyAt = model.occupancyAt
    var markers = [Int32](repeating: -1, count: model.horizon)
    for (index, cycle) in model.occupancyAt.enumerated().reversed() where cycle < model.horizon {
      markers[cycle] = Int32(index)
    }
    self.markers = markers
    (segments, segmentFirst) = Self.segments(model, markers: markers, cells: cells)
    settle = Self.settleCycle(model)
    personCharges = model.personCharges
    (personCells, personGroups) = Self.personCells(model, cells: cells, amounts: amounts)
    personOnStaircase = personCells.map { model.charges[$0.charge].staircase }
  }

  // MARK: - Segments

  /// The segments of the people who entered at absolute cycle `entry`, as indices into
  /// `segments`; together they cover `0..<horizon − entry` in order.
  @inline(__always)
  func segments(entry: Int) -> Range<Int> {
    Int(segmentFirst[entry])..<Int(segmentFirst[entry + 1])
  }

  /// Cuts each entry's cycles since entry at every calendar year, window class and
  /// `occupancyAt` cycle.
  /// - Complexity: O(horizon + segments): the cuts that do not depend on the entry (window
  ///   classes, markers) are listed once and merged with each entry's year cuts.
  private static func segments(
    _ model: Model, markers: [Int32], cells: CountCells
  ) -> ([Segment], [Int32]) {
    var cuts: [Int] = []
    for k in 1..<max(model.horizon, 1)
    where model.transitionClassOf[k] != model.transitionClassOf[k - 1]
      || model.chargeClassOf[k] != model.chargeClassOf[k - 1] || markers[k] >= 0
    {
      cuts.append(k)
    }
    cuts.append(model.horizon)
    var segments: [Segment] = []
    var first: [Int32] = []
    for entry in 0..<model.horizon {
      first.append(Int32(segments.count))
      let cycles = model.horizon - entry
      var nextCut = 0
      // The first cycle since entry that starts a calendar year.
      var nextYear = model.cyclesPerYear - entry % model.cyclesPerYear
      var from = 0
      while from < cycles {
        let to = min(cycles, cuts[nextCut], nextYear)
        segments.append(
          Segment(
            from: Int32(from), to: Int32(to), year: model.yearOf[entry + from],
            transitionClass: model.transitionClassOf[from], chargeClass: model.chargeClassOf[from],
            marker: markers[from], cells: cells))
        if cuts[nextCut] == to { nextCut += 1 }
        if nextYear == to { nextYear += model.cyclesPerYear }
        from = to
      }
    }
    first.append(Int32(segments.count))
    return (segments, first)
  }

  /// The cycle since entry from which a person is past every window boundary and every
  /// `occupancyAt` cycle: from there on each cycle has the last transition class, the last
  /// charge class and no marker, so people who entered at different cycles behave alike
  /// (the aggregated kernel pools them).
  static func settleCycle(_ model: Model) -> Int {
    let lastAt = model.occupancyAt.filter { $0 < model.horizon }.max().map { $0 + 1 } ?? 0
    let lastChargeCut =
      model.chargeClassOf.firstIndex { Int($0) == model.chargeClassCount - 1 } ?? 0
    let lastTransitionCut = model.transitionClasses[model.transitionClasses.count - 1].from
    return max(lastTransitionCut, lastChargeCut, lastAt)
  }

  // MARK: - occupancyAt

  /// Counts `persons` who enter at absolute cycle `entry` towards every `occupancyAt` share
  /// they can reach: those with entry + c ≤ H − 1.
  @inline(__always)
  func countEntering(_ persons: Int, entry: Int, into tally: inout Tally) {
    let cycles = horizon - entry
    for (c, at) in occupancyAt.enumerated() where at < cycles {
      tally.eligible[c] += Double(persons)
    }
  }

  /// The `occupancyAt` index whose counts entry `index` reports: its first occurrence.
  @inline(__always)
  func shareSource(_ index: Int) -> Int {
    let cycle = occupancyAt[index]
    return cycle < horizon ? Int(markers[cycle]) : index
  }

  /// Moves a kernel's counts into `tally`, as every per-person kernel keeps them: half-cycles
  /// in the listed `blocks` of `CountCells` (one per kind of person, or one) up to `atOffset`
  /// (`Tally.setOccupancy(halfCycles:blocks:)`), then the persons at the markers (`ShareCells`
  /// layout).
  func collect<Blocks: Collection<Int>>(
    _ counts: UnsafeBufferPointer<Int>, blocks: Blocks, atOffset: Int, personCycles: Int,
    into tally: inout Tally
  ) {
    tally.setOccupancy(
      halfCycles: UnsafeBufferPointer(rebasing: counts[0..<atOffset]), blocks: blocks)
    copyShares(UnsafeBufferPointer(rebasing: counts[atOffset...]), into: &tally)
    tally.personCycles = Double(personCycles)
  }

  /// Prices each kind of person's person-dependent charges once, from the kind's own block of
  /// count cells in `counts` and its rates (`rates[kind · personCharges.count + j]`), into
  /// `tally.personAmounts`; kinds for which `skip` is true (their preparation failed, and
  /// none of their people appeared) are left out. Kind by kind, cell by cell: one order for
  /// every kernel, so their sums agree to the bit.
  ///
  /// A charge on the refusion staircase is priced from `shares` (the same blocks, the
  /// municipal shares of the covered half-cycles) instead of the half-cycles themselves.
  func priceKinds(
    _ counts: UnsafeBufferPointer<Int>, shares: UnsafeBufferPointer<Double> = .init(start: nil, count: 0),
    kinds: Int, rates: [Double], skip: (Int) -> Bool, into tally: inout Tally
  ) {
    for kind in 0..<kinds where !skip(kind) {
      let block = kind * cells.count
      let first = kind * personCharges.count
      for (t, term) in personCells.enumerated() where counts[block + term.cell] != 0 {
        let halves =
          personOnStaircase[t] ? shares[block + term.cell] : Double(counts[block + term.cell])
        tally.personAmounts[term.amount] += halves * 0.5 * rates[first + term.personCharge]
      }
    }
  }

  /// Sets `tally.atCycle` from persons counted at the markers (`ShareCells` layout); a
  /// repeated `occupancyAt` cycle gets the counts of its first occurrence.
  func copyShares(_ counts: UnsafeBufferPointer<Int>, into tally: inout Tally) {
    for index in occupancyAt.indices {
      let source = shareSource(index)
      for arm in 0..<2 {
        for state in 0..<states {
          tally.atCycle[shares.index(index, arm: arm, state: state)] =
            Double(counts[shares.index(source, arm: arm, state: state)])
        }
      }
    }
  }

  /// For a kernel that counted into `tally.atCycle` at the markers: gives each repeated
  /// `occupancyAt` entry the counts of its first occurrence.
  func repeatShares(in tally: inout Tally) {
    for index in occupancyAt.indices where shareSource(index) != index {
      let source = shareSource(index)
      for arm in 0..<2 {
        for state in 0..<states {
          tally.atCycle[shares.index(index, arm: arm, state: state)] =
            tally.atCycle[shares.index(source, arm: arm, state: state)]
        }
      }
    }
  }

  // MARK: - Person charges

  private static func personCells(
    _ model: Model, cells: CountCells, amounts: AmountCells
  ) -> ([PersonChargeCell], [Range<Int>]) {
    var result: [PersonChargeCell] = []
    var groups: [Range<Int>] = []
    for (j, index) in model.personCharges.enumerated() {
      let charge = model.charges[index]
      for arm in 0..<2 where charge.arm == nil || charge.arm == arm {
        for year in 0..<model.years {
          let first = result.count
          for cls in 0..<model.chargeClassCount where charge.active[cls] {
            result.append(
              PersonChargeCell(
                cell: cells.index(arm: arm, year: year, state: charge.state, chargeClass: cls),
                charge: index, personCharge: j,
                amount: amounts.index(arm: arm, year: year, target: charge.target)))
          }
          if result.count > first { groups.append(first..<result.count) }
        }
      }
    }
    return (result, groups)
  }
}

/// One count cell a person-dependent charge prices: its half-cycles times the charge's rate
/// go to one amount.
struct PersonChargeCell: Sendable {
  /// The count cell (`CountCells` index).
  let cell: Int
  /// The charge: its index in `Model.charges` (and `IterationTables.chargeRates`), and its
  /// index in `KernelPlan.personCharges`.
  let charge: Int
  let personCharge: Int
  /// Where the amount goes (`AmountCells` index into `Tally.personAmounts`).
  let amount: Int
}
