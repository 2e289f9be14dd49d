/// The individual kernel's cycle-by-cycle path for scenarios with amounts charged once per move
/// along a transition, which it counts move by move; it carries their refusion staircase too
/// (each person's clock, `RefusionClock`).
///
/// Every other scenario keeps the kernel's stretch-counting paths, the staircase included
/// (`IndividualKernel.StretchClocks`); tests run a staircase scenario here as well
/// (`tracksEveryCycle`) and compare the two. This path reads the same `KernelPlan` (segments, markers, eligibility, convention,
/// count cells, person-charge cells) and the same `FastTables`, and draws exactly the uniforms
/// the fast path draws — one per cycle in which either arm can leave (coupled), or one per arm
/// that can leave (independent), in the same order — so a person follows the same states on
/// both paths. It only records more per cycle: both halves' occupancy, the clock's share for
/// covered halves, and each move's transition.
///
/// It owns its counts and tables, so the kernel hands it a whole iteration
/// (`IndividualKernel.run`) and its hot loop borrows nothing of the kernel's.
struct TrackedPath {
  private let plan: KernelPlan
  /// The plan's segments, held directly (borrowed in place in the person loop).
  private let segments: [Segment]
  private let layout: IndividualKernel.FastTables
  private var fast: [UInt64]
  /// Half-cycles per count cell (`CountCells`), then persons per (`occupancyAt` index, arm,
  /// state) from `atOffset` on, as the kernel's fast path counts them.
  private var counts: [Int]
  private let atOffset: Int
  /// Per count cell: the staircase shares of its covered half-cycles, summed (a half-cycle at
  /// 80 % adds 0.8); empty without the staircase.
  private var shares: [Double]
  /// Moves per (transition, year); empty without amounts on transitions.
  private var moves: [Int]
  private let kinds: StaircaseKinds
  private let rule: RefusionClock.Rule
  private let slots: TransitionSlots
  /// Whether the first and the second half of a cycle are counted in the state after the
  /// transition (from the plan's `halfCycles`: `start` neither, `end` both, `average` the
  /// second).
  private let halves: (first: Bool, second: Bool)
  /// Per `plan.personCells` entry: its value (staircase shares for a charge on the staircase,
  /// `plan.personOnStaircase`, else half-cycles) before the person.
  private var before: [Double]

  /// `nil` when `model` needs neither a clock nor move counts.
  init?(model: Model, plan: KernelPlan) {
    guard model.usesStaircase || !model.transitionCharges.isEmpty else { return nil }
    self.plan = plan
    segments = plan.segments
    layout = IndividualKernel.FastTables(model: model)
    fast = [UInt64](repeating: 0, count: layout.count)
    atOffset = plan.cells.count
    counts = [Int](repeating: 0, count: atOffset + plan.occupancyAt.count * 2 * plan.states)
    shares = [Double](repeating: 0, count: model.usesStaircase ? plan.cells.count : 0)
    moves = [Int](
      repeating: 0,
      count: model.transitionCharges.isEmpty ? 0 : model.transitionCount * model.years)
    kinds = StaircaseKinds(model: model)
    rule = RefusionClock.Rule(cyclesPerYear: model.cyclesPerYear)
    slots = TransitionSlots(model: model)
    halves = (plan.halfCycles.end == 2, plan.halfCycles.end > 0)
    before = [Double](repeating: 0, count: plan.personCells.count)
  }

  /// Simulates one iteration's cohort into `tally`, person by person: occupancy, the persons
  /// at the `occupancyAt` cycles, staircase shares, moves and the person-dependent charges.
  mutating func run(
    _ model: Model, _ tables: inout IterationTables, _ streams: IterationStreams,
    into tally: inout Tally, iteration: Int
  ) throws(RunError) {
    for i in counts.indices { counts[i] = 0 }
    for i in shares.indices { shares[i] = 0 }
    for i in moves.indices { moves[i] = 0 }
    layout.load(tables, into: &fast)
    let coupled = model.pairing == .coupled
    let pricesPerson = !plan.personCells.isEmpty
    // Trivial values as locals, so the per-person closures capture no part of `self` but the
    // arrays they borrow.
    let recording = Recording(
      cells: plan.cells, shares: plan.shares, atOffset: atOffset, halves: halves, rule: rule,
      staircase: !shares.isEmpty, countsMoves: !moves.isEmpty, years: model.years)
    let (layout, slots, stateKinds) = (self.layout, self.slots, kinds.kinds)
    var personCycles = 0
    var person = 0

    for entry in 0..<model.horizon where tables.entries[entry] > 0 {
      plan.countEntering(tables.entries[entry], entry: entry, into: &tally)
      let segmentRange = plan.segments(entry: entry)
      for _ in 0..<tables.entries[entry] {
        let personKey = streams.personKey(person)
        person += 1
        var rng = IterationStreams.moves(personKey: personKey)
        if model.hasPersonScope {
          try preparePerson(model, &tables, personKey: personKey, iteration: iteration)
        }
        let x = rng.next53()
        let stateI = tables.initialState(arm: 0, x: x)
        let stateC = tables.initialState(arm: 1, x: coupled ? x : rng.next53())
        let clock = RefusionClock(weeks: tables.entryWeeks, rule)
        fast.withUnsafeBufferPointer { fast in
          segments.withUnsafeBufferPointer { segments in
            counts.withUnsafeMutableBufferPointer { counts in
              shares.withUnsafeMutableBufferPointer { shares in
                moves.withUnsafeMutableBufferPointer { moves in
                  stateKinds.withUnsafeBufferPointer { kinds in
                    Self.simulate(
                      from: (stateI, stateC), clock: clock, segments: segments,
                      range: segmentRange, recording: recording, coupled: coupled,
                      fast: layout.handle(fast), slots: slots,
                      borrowed: Borrowed(
                        counts: counts, shares: shares, moves: moves, kinds: kinds),
                      rng: &rng)
                  }
                }
              }
            }
          }
        }
        personCycles += 2 * (model.horizon - entry)
        if pricesPerson { pricePerson(tables, into: &tally) }
      }
    }

    counts.withUnsafeBufferPointer { counts in
      plan.collect(
        counts, blocks: 0..<1, atOffset: atOffset, personCycles: personCycles, into: &tally)
    }
    for i in shares.indices { tally.staircase[i] = shares[i] * 0.5 }
    for i in moves.indices { tally.moves[i] = Double(moves[i]) }
  }

  /// A person's own numbers, once their person-scope parameters are drawn: their tables,
  /// their person-dependent charges (remembering the cells those read, to price the person
  /// afterwards) and their entry clock.
  private mutating func preparePerson(
    _ model: Model, _ tables: inout IterationTables, personKey: UInt64, iteration: Int
  ) throws(RunError) {
    try tables.drawPersonParameters(model, personKey: personKey, iteration: iteration)
    if model.transitionsDependOnPerson {
      try tables.buildTransitions(model, iteration: iteration)
      layout.load(tables, into: &fast)
    }
    if !plan.personCells.isEmpty {
      try tables.evaluatePersonCharges(model, iteration: iteration)
      for (t, term) in plan.personCells.enumerated() {
        before[t] = plan.personOnStaircase[t] ? shares[term.cell] : Double(counts[term.cell])
      }
    }
    if model.entryClockDependsOnPerson {
      try tables.evaluateEntryClock(model, iteration: iteration)
    }
  }

  /// Prices the person just simulated on their person-dependent charges: what each cell they
  /// read gained (half-cycles, or staircase shares of half-cycles) times half the rate.
  private func pricePerson(_ tables: IterationTables, into tally: inout Tally) {
    for (t, term) in plan.personCells.enumerated() {
      let now = plan.personOnStaircase[t] ? shares[term.cell] : Double(counts[term.cell])
      if now != before[t] {
        tally.personAmounts[term.amount] +=
          (now - before[t]) * 0.5 * tables.chargeRates[term.charge]
      }
    }
  }

  /// Where and how one cycle is recorded; trivial, passed by value so it lives in registers.
  private struct Recording {
    let cells: CountCells
    let shares: ShareCells
    let atOffset: Int
    let halves: (first: Bool, second: Bool)
    let rule: RefusionClock.Rule
    let staircase: Bool
    let countsMoves: Bool
    let years: Int
  }

  /// The path's arrays, borrowed for one person: what it counts into, and what time in each
  /// state does to the clock (`StaircaseKinds`).
  private struct Borrowed {
    let counts: UnsafeMutableBufferPointer<Int>
    let shares: UnsafeMutableBufferPointer<Double>
    let moves: UnsafeMutableBufferPointer<Int>
    let kinds: UnsafeBufferPointer<RefusionClock.Kind>
  }

  /// One person through all their segments, cycle by cycle.
  @inline(__always)
  private static func simulate(
    from initial: (Int, Int), clock: RefusionClock, segments: UnsafeBufferPointer<Segment>,
    range: Range<Int>, recording: Recording, coupled: Bool,
    fast: IndividualKernel.FastTables.Handle, slots: TransitionSlots, borrowed sinks: Borrowed,
    rng: inout Xoshiro256PlusPlus
  ) {
    var (a, b) = initial
    var clockI = clock
    var clockC = clock
    var generator = rng
    for index in range {
      let segment = segments[index]
      let year = Int(segment.year)
      let transitionClass = Int(segment.transitionClass)
      if segment.marker >= 0 {
        let marker = Int(segment.marker)
        sinks.counts[recording.atOffset + recording.shares.index(marker, arm: 0, state: a)] += 1
        sinks.counts[recording.atOffset + recording.shares.index(marker, arm: 1, state: b)] += 1
      }
      let baseI = Int(segment.cellsI)
      let baseC = Int(segment.cellsC)
      let tableI = fast.table(arm: 0, transitionClass: transitionClass, state: 0)
      let tableC = fast.table(arm: 1, transitionClass: transitionClass, state: 0)
      for _ in segment.cycles {
        var slotI = -1
        var slotC = -1
        if coupled {
          let bound = fast.bound(transitionClass, a, b)
          if bound != 0 {
            let x = generator.next53()
            if x < bound {
              slotI = fast.slot(table: tableI + a, x: x)
              slotC = fast.slot(table: tableC + b, x: x)
            }
          }
        } else {
          let leaveI = fast.leave(tableI + a)
          if leaveI != 0 {
            let x = generator.next53()
            if x < leaveI { slotI = fast.slot(table: tableI + a, x: x) }
          }
          let leaveC = fast.leave(tableC + b)
          if leaveC != 0 {
            let x = generator.next53()
            if x < leaveC { slotC = fast.slot(table: tableC + b, x: x) }
          }
        }
        let nextI = slotI < 0 ? a : fast.destination(table: tableI + a, slot: slotI)
        let nextC = slotC < 0 ? b : fast.destination(table: tableC + b, slot: slotC)
        record(from: a, to: nextI, base: baseI, &clockI, recording, sinks)
        record(from: b, to: nextC, base: baseC, &clockC, recording, sinks)
        if recording.countsMoves {
          if slotI >= 0 {
            sinks.moves[
              slots.transition(table: tableI + a, slot: slotI) * recording.years + year] += 1
          }
          if slotC >= 0 {
            sinks.moves[
              slots.transition(table: tableC + b, slot: slotC) * recording.years + year] += 1
          }
        }
        a = nextI
        b = nextC
      }
    }
    rng = generator
  }

  /// Counts one arm's cycle: each half in the state the convention counts it in, and, on the
  /// staircase, the clock's share of each covered half. A whole cycle in one state advances
  /// the clock once (`RefusionClock.advanceCycle`).
  @inline(__always)
  private static func record(
    from state: Int, to next: Int, base: Int, _ clock: inout RefusionClock,
    _ recording: Recording, _ sinks: Borrowed
  ) {
    let kinds = sinks.kinds
    let stride = recording.cells.stateStride
    let first = recording.halves.first ? next : state
    let second = recording.halves.second ? next : state
    if first == second {
      let cell = base + first * stride
      sinks.counts[cell] += 2
      guard recording.staircase else { return }
      let share = clock.advanceCycle(kinds[first], recording.rule)
      if share != 0 { sinks.shares[cell] += share }
      return
    }
    sinks.counts[base + first * stride] += 1
    sinks.counts[base + second * stride] += 1
    guard recording.staircase else { return }
    let shareFirst = clock.advance(kinds[first], recording.rule)
    if shareFirst != 0 { sinks.shares[base + first * stride] += shareFirst }
    let shareSecond = clock.advance(kinds[second], recording.rule)
    if shareSecond != 0 { sinks.shares[base + second * stride] += shareSecond }
  }
}
