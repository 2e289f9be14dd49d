/// The individual kernel's cycle-by-cycle path for scenarios whose amounts depend on more than
/// the state a person holds: the refusion staircase (each person's clock, `RefusionClock`) and
/// amounts charged once per move along a transition.
///
/// Scenarios without either never come here: they keep the kernel's stretch-counting fast
/// path. This path draws exactly the uniforms the fast path draws — one per cycle in which
/// either arm can leave (coupled), or one per arm that can leave (independent), in the same
/// order — so a person follows the same states on both paths; it only records more per cycle:
/// both halves' occupancy, the clock's share for covered halves, and each move's transition.
struct TrackedPath: PersonPath {
  private let kinds: [RefusionClock.Kind]
  private let rule: RefusionClock.Rule
  private let staircase: Bool
  private let countMoves: Bool
  private let slots: TransitionSlots
  /// Whether the first and the second half of a cycle count the state after the transition.
  private let halves: (first: Bool, second: Bool)
  private let years: Int
  /// Staircase shares summed over half-cycles, indexed like the kernel's counts.
  private var shares: [Double]
  /// Moves per (transition, year).
  private var moves: [Int]
  /// Staircase charges that depend on person-scope parameters: priced per person from the
  /// change of the share cells they read (as the kernel prices its other person charges).
  let personCharges: [Int]
  private let priceTerms: [(cell: Int, charge: Int, amount: Int)]
  private var before: [Double]

  /// `nil` when `model` needs neither a clock nor move counts.
  init?(model: Model) {
    guard model.usesStaircase || !model.transitionCharges.isEmpty else { return nil }
    kinds = StaircaseKinds(model: model).kinds
    rule = RefusionClock.Rule(cyclesPerYear: model.cyclesPerYear)
    staircase = model.usesStaircase
    countMoves = !model.transitionCharges.isEmpty
    slots = TransitionSlots(model: model)
    switch model.occupancy {
    case .start: halves = (false, false)
    case .end: halves = (true, true)
    case .average: halves = (false, true)
    }
    years = model.years
    let cells = 2 * model.years * model.stateCount * model.chargeClassCount
    shares = [Double](repeating: 0, count: staircase ? cells : 0)
    moves = [Int](repeating: 0, count: countMoves ? model.transitionCount * model.years : 0)
    personCharges = model.charges.indices.filter {
      model.charges[$0].staircase && model.charges[$0].dependsOnPerson
    }
    var terms: [(cell: Int, charge: Int, amount: Int)] = []
    for (j, index) in personCharges.enumerated() {
      let charge = model.charges[index]
      for arm in 0..<2 where charge.arm == nil || charge.arm == arm {
        for year in 0..<model.years {
          for cls in 0..<model.chargeClassCount where charge.active[cls] {
            let cell =
              ((arm * model.years + year) * model.stateCount + charge.state)
              * model.chargeClassCount + cls
            terms.append(
              (cell, j, (arm * model.years + year) * model.targetCount + charge.target))
          }
        }
      }
    }
    priceTerms = terms
    before = [Double](repeating: 0, count: terms.count)
  }

  /// Clears the iteration's sums.
  mutating func reset() {
    for i in shares.indices { shares[i] = 0 }
    for i in moves.indices { moves[i] = 0 }
  }

  /// A person's own numbers, once their person-scope parameters are drawn: their entry clock
  /// and their staircase charges; remembers the share cells to price them afterwards.
  mutating func preparePerson(
    _ model: Model, _ tables: inout IterationTables, iteration: Int
  ) throws(RunError) {
    if model.entryClockDependsOnPerson {
      try tables.evaluateEntryClock(model, iteration: iteration)
    }
    guard !personCharges.isEmpty else { return }
    try tables.evaluateCharges(model, indices: personCharges, iteration: iteration)
    for (t, term) in priceTerms.enumerated() { before[t] = shares[term.cell] }
  }

  /// Prices the person just simulated on their staircase charges into `tally.personAmounts`.
  func pricePerson(_ tables: IterationTables, into tally: inout Tally) {
    for (t, term) in priceTerms.enumerated() where shares[term.cell] != before[t] {
      tally.personAmounts[term.amount] +=
        (shares[term.cell] - before[t]) * 0.5 * tables.chargeRates[personCharges[term.charge]]
    }
  }

  /// Hands the iteration's shares (in person-cycles) and move counts to the tally.
  func finish(into tally: inout Tally) {
    for i in shares.indices { tally.staircase[i] = shares[i] * 0.5 }
    for i in moves.indices { tally.moves[i] = Double(moves[i]) }
  }

  /// One person through all their segments, cycle by cycle.
  /// - Parameters:
  ///   - entryWeeks: the person's weeks on covered benefits at entry, in both arms.
  ///   - segments, range, layout, fast, scratch: the individual kernel's, read and counted
  ///     exactly as its fast path does.
  mutating func simulate(
    from initial: (Int, Int), entryWeeks: Double, segments: UnsafeBufferPointer<Int32>,
    range: Range<Int>, layout: IndividualKernel.Layout, coupled: Bool,
    fast: UnsafeBufferPointer<UInt64>, scratch: UnsafeMutableBufferPointer<Int>,
    rng: inout Xoshiro256PlusPlus
  ) {
    let clock = RefusionClock(weeks: entryWeeks, rule)
    let (halves, staircase, rule, years, countMoves) = (
      self.halves, self.staircase, self.rule, self.years, self.countMoves
    )
    let slots = self.slots
    shares.withUnsafeMutableBufferPointer { shares in
      moves.withUnsafeMutableBufferPointer { moves in
        kinds.withUnsafeBufferPointer { kinds in
          let record = Recorder(
            halves: halves, staircase: staircase, rule: rule,
            chargeClasses: layout.chargeClasses, scratch: scratch, shares: shares, kinds: kinds)
          Self.simulate(
            from: initial, clock: clock, segments: segments, range: range, layout: layout,
            coupled: coupled, fast: fast, record: record,
            moves: countMoves ? moves : nil, slots: slots, years: years, rng: &rng)
        }
      }
    }
  }

  /// `simulate(from:entryWeeks:...)` with the path's own arrays borrowed once per person.
  @inline(__always)
  private static func simulate(
    from initial: (Int, Int), clock: RefusionClock, segments: UnsafeBufferPointer<Int32>,
    range: Range<Int>, layout: IndividualKernel.Layout, coupled: Bool,
    fast: UnsafeBufferPointer<UInt64>, record: Recorder,
    moves: UnsafeMutableBufferPointer<Int>?, slots: TransitionSlots, years: Int,
    rng: inout Xoshiro256PlusPlus
  ) {
    // Tracked scenarios never count kinds of person apart: one block of counts.
    assert(layout.countBase == 0, "the tracked path counts into the first block only")
    var (a, b) = initial
    var clockI = clock
    var clockC = clock
    var generator = rng
    let states = layout.states
    let stride = layout.stride
    let scratch = record.scratch
    for segment in range {
      let fields = segment * IndividualKernel.segmentFields
      let from = Int(segments[fields])
      let to = Int(segments[fields + 1])
      let year = Int(segments[fields + 2])
      let transitionClass = Int(segments[fields + 3])
      let chargeClass = Int(segments[fields + 4])
      let marker = Int(segments[fields + 5])
      if marker >= 0 {
        scratch[layout.atOffset + (marker * 2) * states + a] += 1
        scratch[layout.atOffset + (marker * 2 + 1) * states + b] += 1
      }
      let baseI = year * states * layout.chargeClasses + chargeClass
      let baseC = (layout.years + year) * states * layout.chargeClasses + chargeClass
      let tableI = transitionClass * states
      let tableC = (layout.classes + transitionClass) * states
      let boundBase = layout.boundOffset + transitionClass * states * states
      for _ in from..<to {
        var slotI = -1
        var slotC = -1
        if coupled {
          let bound = fast[boundBase + a * states + b]
          if bound != 0 {
            let x = generator.next53()
            if x < bound {
              slotI = Self.slot(fast, layout, table: tableI + a, x: x)
              slotC = Self.slot(fast, layout, table: tableC + b, x: x)
            }
          }
        } else {
          let leaveI = fast[layout.leaveOffset + tableI + a]
          if leaveI != 0 {
            let x = generator.next53()
            if x < leaveI { slotI = Self.slot(fast, layout, table: tableI + a, x: x) }
          }
          let leaveC = fast[layout.leaveOffset + tableC + b]
          if leaveC != 0 {
            let x = generator.next53()
            if x < leaveC { slotC = Self.slot(fast, layout, table: tableC + b, x: x) }
          }
        }
        let nextI =
          slotI < 0 ? a : Int(fast[layout.destinationOffset + (tableI + a) * stride + slotI])
        let nextC =
          slotC < 0 ? b : Int(fast[layout.destinationOffset + (tableC + b) * stride + slotC])
        record.cycle(from: a, to: nextI, base: baseI, &clockI)
        record.cycle(from: b, to: nextC, base: baseC, &clockC)
        if let moves {
          if slotI >= 0 {
            moves[slots.transition(table: tableI + a, slot: slotI) * years + year] += 1
          }
          if slotC >= 0 {
            moves[slots.transition(table: tableC + b, slot: slotC) * years + year] += 1
          }
        }
        a = nextI
        b = nextC
      }
    }
    rng = generator
  }

  /// Counts one arm's cycle into the kernel's half-cycle counts and the path's shares.
  private struct Recorder {
    let halves: (first: Bool, second: Bool)
    let staircase: Bool
    let rule: RefusionClock.Rule
    let chargeClasses: Int
    let scratch: UnsafeMutableBufferPointer<Int>
    let shares: UnsafeMutableBufferPointer<Double>
    let kinds: UnsafeBufferPointer<RefusionClock.Kind>

    /// Each half in the state `occupancy` counts it in, and, on the staircase, the clock's
    /// share of each covered half.
    @inline(__always)
    func cycle(from state: Int, to next: Int, base: Int, _ clock: inout RefusionClock) {
      let first = halves.first ? next : state
      let second = halves.second ? next : state
      if first == second {
        let cell = base + first * chargeClasses
        scratch[cell] += 2
        guard staircase else { return }
        let share = clock.advanceCycle(kinds[first], rule)
        if share != 0 { shares[cell] += share }
        return
      }
      scratch[base + first * chargeClasses] += 1
      scratch[base + second * chargeClasses] += 1
      guard staircase else { return }
      let shareFirst = clock.advance(kinds[first], rule)
      if shareFirst != 0 { shares[base + first * chargeClasses] += shareFirst }
      let shareSecond = clock.advance(kinds[second], rule)
      if shareSecond != 0 { shares[base + second * chargeClasses] += shareSecond }
    }
  }

  /// The slot of the outgoing move a person in `table` with uniform `x` takes (the first whose
  /// cumulative threshold exceeds `x`), or −1 for staying: the fast path's decision, by slot.
  @inline(__always)
  private static func slot(
    _ fast: UnsafeBufferPointer<UInt64>, _ layout: IndividualKernel.Layout, table: Int,
    x: UInt64
  ) -> Int {
    let count = Int(fast[layout.countOffset + table])
    let base = table * layout.stride
    var j = 0
    while j < count {
      if x < fast[base + j] { return j }
      j += 1
    }
    return -1
  }
}
