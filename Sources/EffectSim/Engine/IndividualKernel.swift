/// The individual kernel: every person simulated cycle by cycle in both arms.
///
/// Needed whenever people differ continuously (person-scope parameters) and exact in every
/// case. What makes it fast (docs/engine.md; measured in Benchmarks/README.md):
/// - Person-outer loop over precomputed *segments* of cycles since entry in which the calendar
///   year, both window classes and the `occupancyAt` marker are fixed, so the cycle loop checks
///   no boundary.
/// - Raw 53-bit integers compared against integer thresholds `ceil(p · 2^53)` (the same
///   decision as comparing the uniform double). Under coupled pairing one compare per
///   person-cycle against the larger of the two arms' leaving thresholds decides that both
///   stay; the rare move takes a slow path. A joint state in which neither arm can leave
///   draws nothing for the rest of its segment.
/// - Occupancy counted as state *stretches*: a stretch is added once, when the state changes or
///   the segment ends, in half-cycles so that `start`, `end` and `average` stay integer (the
///   `end` counts of a segment are its `start` counts shifted by one cycle).
/// - One flat `[UInt64]` of tables (`FastTables`, read through a handle with named accessors)
///   and one flat `[Int]` of counts, read through unsafe buffers in the hot loop: no bounds
///   checks, no ARC, no allocation.
///
/// Segments, `occupancyAt` markers, eligibility, the occupancy convention, count cells and
/// the person-charge cells come from the `KernelPlan`, which every kernel reads.
struct IndividualKernel {
  private let plan: KernelPlan
  /// The plan's arrays the per-person loop reads, held directly: borrowed in place from the
  /// kernel's own stored properties, where a field of the stored plan, or a local copy, read
  /// inside the per-person closures costs a retain and a release per person.
  private let segments: [Segment]
  private let personCharges: [Int]
  private let personCells: [PersonChargeCell]
  /// The iteration's tables in the hot loop's layout (`FastTables`).
  private let layout: FastTables
  private var fast: [UInt64]

  /// Half-cycles per count cell (`CountCells`), then persons per (`occupancyAt` index, arm,
  /// state) from `atOffset` on.
  private var scratch: [Int]
  private let atOffset: Int

  /// Person-dependent charges are priced per person from the count cells the person occupied
  /// (`PersonPricing`): the cost does not grow with the cells those charges could price.
  private var pricing: PersonPricing
  /// Whether a person is priced by a pass over every cell a person charge prices, before and
  /// after the person (`before` holds those cells before the person) rather than by `pricing`:
  /// cheaper when the charges price few cells (`PersonPricing.prefersOccupiedCells`).
  private let pricesEveryCell: Bool
  private var before: [Int]

  /// When every person-scope parameter is discrete: the kinds of person (`PersonKinds`),
  /// each kind's flat tables (when transitions depend on the person) and person-dependent
  /// charge rates, built once per iteration. Counts are then kept per kind (`countBlocks`
  /// blocks of `CountCells`) and priced once per kind.
  private let kinds: PersonKinds?
  private var kindFast: [UInt64]
  private var kindRates: [Double]
  private let countBlocks: Int
  /// Per person of the iteration, the kind they drew (`runKinds`).
  private var drawnKinds: [Int32] = []
  /// Whether a kind keeps, for the rest of the run once it has been prepared, the charge
  /// rates that read no iteration-scope draw (all but those at `varyingCharges`, the positions
  /// in `personCharges` of `Model.varyingPersonCharges`) and its entry clock unless that reads
  /// one (`Model.entryClockVariesByIteration`). Per kind, whether it has been prepared (a
  /// failed preparation is not remembered, so it fails again, naming its own iteration).
  private let keepsKindValues: Bool
  private let varyingCharges: [Int]
  private var kindPrepared: [Bool]
  /// The count blocks this iteration writes, ascending: all of them on the per-person path;
  /// with kinds counted apart, only the kinds drawn (a 15-person cohort meets a few of
  /// dozens), so that only those are cleared, summed and priced — the others hold stale
  /// counts of an earlier iteration, which nothing reads.
  private var blocksInUse: [Int]

  /// The refusion staircase on the stretch-counting paths above (`StretchClocks`): per count
  /// cell (in `countBlocks` blocks) the municipal shares of its covered half-cycles; what
  /// time in each state does to the clock; each kind's weeks on benefits at entry when those
  /// depend on the person. Empty without the staircase, or when the tracked path runs.
  private var shares: [Double]
  /// Per `plan.personCells` entry, on the per-person path with the staircase: the cell's
  /// staircase shares (a charge on the staircase) or half-cycles before the person.
  private var beforeShares: [Double]
  private let clockKinds: [RefusionClock.Kind]
  private let clockRule: RefusionClock.Rule
  private var kindEntryWeeks: [Double]

  /// The per-cycle path for amounts on transitions (and their staircase, if any), or for any
  /// staircase scenario when `tracksEveryCycle` asks for it; `nil` for every other scenario,
  /// which stays on the paths above. It follows each person (their clock, their moves), so it
  /// takes whole iterations.
  private var tracked: TrackedPath?
  /// Whether this kernel runs its scenario on the tracked path.
  var tracksEveryCycle: Bool { tracked != nil }

  /// - Parameters:
  ///   - usesKinds: whether discrete person-scope parameters are handled as kinds of person
  ///     (the default); `false` keeps the per-person path, which tests compare against.
  ///   - pricesEveryCell: whether the per-person path prices a person by a pass over every cell
  ///     the person charges price rather than over the cells the person occupied (the same
  ///     numbers, bit for bit); `nil` (the default) picks the cheaper for the model.
  ///   - tracksEveryCycle: whether a scenario on the refusion staircase runs on the tracked
  ///     path (`TrackedPath`, cycle by cycle) even where the stretch-counting paths could run
  ///     it; tests compare the two.
  ///   - preparesKindsOnce: whether a kind's charge rates and entry clock, where they cannot
  ///     change between iterations, are evaluated once per run (the default) rather than in
  ///     every iteration that draws the kind; tests compare the two.
  init(
    model: Model, usesKinds: Bool = true, pricesEveryCell: Bool? = nil,
    tracksEveryCycle: Bool = false, preparesKindsOnce: Bool = true
  ) {
    plan = KernelPlan(model: model)
    segments = plan.segments
    personCharges = plan.personCharges
    personCells = plan.personCells
    layout = FastTables(model: model)
    fast = [UInt64](repeating: 0, count: layout.count)
    kinds = usesKinds ? PersonKinds(model: model) : nil
    let kindCount = kinds?.count ?? 0
    countBlocks = personCharges.isEmpty ? 1 : max(kindCount, 1)
    kindFast = [UInt64](
      repeating: 0, count: model.transitionsDependOnPerson ? kindCount * layout.count : 0)
    kindRates = [Double](repeating: 0, count: kindCount * personCharges.count)
    atOffset = countBlocks * plan.cells.count
    blocksInUse = Array(0..<countBlocks)
    keepsKindValues = preparesKindsOnce
    let charges = plan.personCharges
    varyingCharges = charges.indices.filter { model.varyingPersonCharges.contains(charges[$0]) }
    kindPrepared = [Bool](repeating: false, count: kindCount)
    scratch = [Int](repeating: 0, count: atOffset + model.occupancyAt.count * 2 * plan.states)
    pricing = PersonPricing(plan: plan)
    // The stretches carry the staircase (`StretchClocks`); amounts on transitions need the
    // tracked path, which counts every move.
    let stretchesStaircase =
      model.usesStaircase && model.transitionCharges.isEmpty && !tracksEveryCycle
    // A person on the staircase is priced from the staircase shares their cells gained,
    // which only the pass over every cell reads.
    let everyCell =
      stretchesStaircase || (pricesEveryCell ?? !PersonPricing.prefersOccupiedCells(plan))
    self.pricesEveryCell = everyCell
    before = [Int](repeating: 0, count: everyCell ? plan.personCells.count : 0)
    beforeShares = [Double](
      repeating: 0, count: stretchesStaircase ? plan.personCells.count : 0)
    shares = [Double](repeating: 0, count: stretchesStaircase ? atOffset : 0)
    clockKinds = stretchesStaircase ? StaircaseKinds(model: model).kinds : []
    clockRule = RefusionClock.Rule(cyclesPerYear: model.cyclesPerYear)
    kindEntryWeeks = [Double](
      repeating: 0, count: stretchesStaircase && model.entryClockDependsOnPerson ? kindCount : 0)
    tracked = stretchesStaircase ? nil : TrackedPath(model: model, plan: plan)
  }

  /// Simulates one iteration's cohort into `tally`.
  /// - Parameters:
  ///   - tables: the iteration's tables; person-dependent entries are rewritten per person.
  ///   - streams: the iteration's streams; each person moves on their own.
  mutating func run(
    _ model: Model, _ tables: inout IterationTables, _ streams: IterationStreams,
    into tally: inout Tally, iteration: Int
  ) throws(RunError) {
    if var path = tracked {
      // Moved out for the run, so that it is mutated in place; put back even on an error.
      tracked = nil
      defer { tracked = path }
      try path.run(model, &tables, streams, into: &tally, iteration: iteration)
      return
    }
    layout.load(tables, into: &fast)
    let coupled = model.pairing == .coupled
    // Trivial values as locals, so the per-person closures below capture no part of `self`
    // but the arrays they borrow (a captured `self` costs a retain and release per person).
    let (layout, clockRule) = (self.layout, self.clockRule)
    let trackPerson = !personCharges.isEmpty
    let staircase = !shares.isEmpty
    let entryClock = RefusionClock(weeks: tables.entryWeeks, clockRule)
    var personClock = entryClock
    let counting = Counting(
      cells: plan.cells, shares: plan.shares, atOffset: atOffset, weightEnd: plan.halfCycles.end,
      countBase: 0)
    if kinds != nil {
      try runKinds(model, &tables, streams, into: &tally, iteration: iteration, counting: counting)
      return
    }
    for i in scratch.indices { scratch[i] = 0 }
    for i in shares.indices { shares[i] = 0 }
    var personCycles = 0
    var person = 0
    if trackPerson { pricing.reset() }

    for entry in 0..<model.horizon where tables.entries[entry] > 0 {
      let cycles = model.horizon - entry
      plan.countEntering(tables.entries[entry], entry: entry, into: &tally)
      let segmentRange = plan.segments(entry: entry)
      for _ in 0..<tables.entries[entry] {
        let personKey = streams.personKey(person)
        person += 1
        var rng = IterationStreams.moves(personKey: personKey)
        if model.hasPersonScope {
          try tables.drawPersonParameters(model, personKey: personKey, iteration: iteration)
          if model.transitionsDependOnPerson {
            try tables.buildTransitions(model, iteration: iteration)
            layout.load(tables, into: &fast)
          }
          if trackPerson {
            try tables.evaluatePersonCharges(model, iteration: iteration)
            if staircase {
              rememberShares()
            } else if pricesEveryCell {
              // Through unsafe buffers: a write to a stored array checks its uniqueness each time.
              personCells.withUnsafeBufferPointer { terms in
                scratch.withUnsafeBufferPointer { scratch in
                  before.withUnsafeMutableBufferPointer { before in
                    for t in terms.indices { before[t] = scratch[terms[t].cell] }
                  }
                }
              }
            }
          }
          if staircase && model.entryClockDependsOnPerson {
            try tables.evaluateEntryClock(model, iteration: iteration)
            personClock = RefusionClock(weeks: tables.entryWeeks, clockRule)
          }
        }
        let x = rng.next53()
        let stateI = tables.initialState(arm: 0, x: x)
        let stateC = tables.initialState(arm: 1, x: coupled ? x : rng.next53())
        if trackPerson && !pricesEveryCell {
          pricing.watching(person: person - 1) { watch in
            fast.withUnsafeBufferPointer { fast in
              segments.withUnsafeBufferPointer { segments in
                scratch.withUnsafeMutableBufferPointer { scratch in
                  // The staircase never comes here: it prices every cell (`init`).
                  var clocks = NoClocks()
                  Self.simulate(
                    from: (stateI, stateC), segments: segments, range: segmentRange,
                    counting: counting, coupled: coupled, fast: layout.handle(fast),
                    scratch: scratch, rng: &rng, watch: &watch, clocks: &clocks)
                }
              }
            }
          }
          pricing.price(counts: scratch, rates: tables.chargeRates, into: &tally.personAmounts)
        } else {
          fast.withUnsafeBufferPointer { fast in
            segments.withUnsafeBufferPointer { segments in
              scratch.withUnsafeMutableBufferPointer { scratch in
                var watch = NoWatch()
                if staircase {
                  shares.withUnsafeMutableBufferPointer { shares in
                    clockKinds.withUnsafeBufferPointer { clockKinds in
                      var clocks = StaircaseClocks(
                        entry: personClock, rule: clockRule, kinds: clockKinds, shares: shares)
                      Self.simulate(
                        from: (stateI, stateC), segments: segments, range: segmentRange,
                        counting: counting, coupled: coupled, fast: layout.handle(fast),
                        scratch: scratch, rng: &rng, watch: &watch, clocks: &clocks)
                    }
                  }
                } else {
                  var clocks = NoClocks()
                  Self.simulate(
                    from: (stateI, stateC), segments: segments, range: segmentRange,
                    counting: counting, coupled: coupled, fast: layout.handle(fast),
                    scratch: scratch, rng: &rng, watch: &watch, clocks: &clocks)
                }
              }
            }
          }
        }
        personCycles += 2 * cycles
        if trackPerson && staircase {
          priceSharesGained(tables, into: &tally)
        } else if trackPerson && pricesEveryCell {
          personCells.withUnsafeBufferPointer { terms in
            scratch.withUnsafeBufferPointer { scratch in
              before.withUnsafeBufferPointer { before in
                tables.chargeRates.withUnsafeBufferPointer { chargeRates in
                  tally.personAmounts.withUnsafeMutableBufferPointer { amounts in
                    for t in terms.indices where scratch[terms[t].cell] != before[t] {
                      let term = terms[t]
                      amounts[term.amount] +=
                        Double(scratch[term.cell] - before[t]) * 0.5 * chargeRates[term.charge]
                    }
                  }
                }
              }
            }
          }
        }
      }
    }

    collect(into: &tally, personCycles: personCycles)
  }

  /// On the per-person path with the staircase: remembers what each cell a person charge
  /// prices holds before the person — staircase shares for a charge on the staircase,
  /// half-cycles otherwise (`KernelPlan.personOnStaircase`).
  private mutating func rememberShares() {
    for (t, term) in personCells.enumerated() {
      beforeShares[t] =
        plan.personOnStaircase[t] ? shares[term.cell] : Double(scratch[term.cell])
    }
  }

  /// Prices the person just simulated on their person-dependent charges from what each cell
  /// gained since `rememberShares()`, times half the rate.
  private func priceSharesGained(_ tables: IterationTables, into tally: inout Tally) {
    for (t, term) in personCells.enumerated() {
      let now = plan.personOnStaircase[t] ? shares[term.cell] : Double(scratch[term.cell])
      if now != beforeShares[t] {
        tally.personAmounts[term.amount] +=
          (now - beforeShares[t]) * 0.5 * tables.chargeRates[term.charge]
      }
    }
  }

  /// Moves the iteration's counts into `tally`: occupancy summed over the count blocks (one,
  /// or one per kind), the persons at each `occupancyAt` cycle, and the staircase's shares
  /// summed over the blocks.
  private func collect(into tally: inout Tally, personCycles: Int) {
    scratch.withUnsafeBufferPointer { scratch in
      plan.collect(
        scratch, blocks: blocksInUse, atOffset: atOffset, personCycles: personCycles,
        into: &tally)
    }
    guard !shares.isEmpty else { return }
    let cellCount = plan.cells.count
    for cell in 0..<cellCount {
      var sum = 0.0
      for block in blocksInUse { sum += shares[block * cellCount + cell] }
      tally.staircase[cell] = sum * 0.5
    }
  }

  /// `run` when people come in kinds (`PersonKinds`): every kind's tables and charge rates
  /// are built once, per person one draw per discrete parameter picks the kind, and each
  /// kind's person-dependent charges are priced once, from its own counts.
  private mutating func runKinds(
    _ model: Model, _ tables: inout IterationTables, _ streams: IterationStreams,
    into tally: inout Tally, iteration: Int, counting: Counting
  ) throws(RunError) {
    guard let kinds else { return }
    let coupled = model.pairing == .coupled
    let byKind = model.transitionsDependOnPerson
    let fastSize = layout.count
    // Every person's kind is drawn first, and the kinds drawn are prepared up front (a
    // 15-person cohort meets a few of dozens of kinds), so that the person loop below touches
    // no state of the kernel but its counts; a kind whose preparation fails fails the
    // iteration at its first person, with the error the per-person path would raise there.
    let persons = tables.entries.reduce(0, +)
    if drawnKinds.count < persons { drawnKinds = [Int32](repeating: 0, count: persons) }
    var drawn = [Bool](repeating: false, count: kinds.count)
    for person in 0..<persons {
      let kind = kinds.kind(personKey: streams.personKey(person))
      drawnKinds[person] = Int32(kind)
      drawn[kind] = true
    }
    clearBlocks(drawn: drawn)
    var failures = [RunError?](repeating: nil, count: kinds.count)
    for kind in 0..<kinds.count where drawn[kind] {
      do throws(RunError) {
        try prepareKind(kind, kinds, model, &tables, iteration: iteration)
      } catch {
        failures[kind] = error
      }
    }
    // Locals, so the loop reads no property of `self` while its counts are borrowed.
    let (blockSize, trackPerson) = (plan.cells.count, !personCharges.isEmpty)
    let (plan, layout, clockRule, drawnKinds) = (
      self.plan, self.layout, self.clockRule, self.drawnKinds
    )
    let entries = tables.entries
    let initial = tables
    let staircase = !shares.isEmpty
    // Each person's clock starts at their kind's weeks on benefits, or everyone's.
    let entryClocks = (kindEntryWeeks.isEmpty ? [tables.entryWeeks] : kindEntryWeeks).map {
      RefusionClock(weeks: $0, clockRule)
    }
    let kindEntry = kindEntryWeeks.isEmpty ? 0 : 1
    var failure: RunError?
    var personCycles = 0
    (byKind ? kindFast : fast).withUnsafeBufferPointer { allFast in
      segments.withUnsafeBufferPointer { segments in
        scratch.withUnsafeMutableBufferPointer { scratch in
        shares.withUnsafeMutableBufferPointer { shares in
        clockKinds.withUnsafeBufferPointer { clockKinds in
          var counting = counting
          var person = 0
          cohort: for entry in 0..<model.horizon where entries[entry] > 0 {
            let cycles = model.horizon - entry
            plan.countEntering(entries[entry], entry: entry, into: &tally)
            let segmentRange = plan.segments(entry: entry)
            for _ in 0..<entries[entry] {
              let personKey = streams.personKey(person)
              person += 1
              let kind = Int(drawnKinds[person - 1])
              if let error = failures[kind] {
                failure = error
                break cohort
              }
              counting.countBase = trackPerson ? kind * blockSize : 0
              var rng = IterationStreams.moves(personKey: personKey)
              let x = rng.next53()
              let stateI = initial.initialState(arm: 0, x: x)
              let stateC = initial.initialState(arm: 1, x: coupled ? x : rng.next53())
              let tablesStart = byKind ? kind * fastSize : 0
              let fast = layout.handle(
                UnsafeBufferPointer(rebasing: allFast[tablesStart..<tablesStart + fastSize]))
              var watch = NoWatch()
              if staircase {
                var clocks = StaircaseClocks(
                  entry: entryClocks[kind * kindEntry],
                  rule: clockRule, kinds: clockKinds, shares: shares)
                Self.simulate(
                  from: (stateI, stateC), segments: segments, range: segmentRange,
                  counting: counting, coupled: coupled, fast: fast, scratch: scratch,
                  rng: &rng, watch: &watch, clocks: &clocks)
              } else {
                var clocks = NoClocks()
                Self.simulate(
                  from: (stateI, stateC), segments: segments, range: segmentRange,
                  counting: counting, coupled: coupled, fast: fast, scratch: scratch,
                  rng: &rng, watch: &watch, clocks: &clocks)
              }
              personCycles += 2 * cycles
            }
          }
        }
        }
        }
      }
    }
    if let failure { throw failure }

    if trackPerson {
      scratch.withUnsafeBufferPointer { scratch in
        shares.withUnsafeBufferPointer { shares in
          plan.priceKinds(
            scratch, shares: shares, kinds: kinds.count, rates: kindRates,
            skip: { !drawn[$0] || failures[$0] != nil }, into: &tally)
        }
      }
    }
    collect(into: &tally, personCycles: personCycles)
  }

  /// Lists and clears the count blocks of this iteration (`blocksInUse`): the kinds `drawn`
  /// when kinds are counted apart, else the one block; and the persons at the markers.
  private mutating func clearBlocks(drawn: [Bool]) {
    blocksInUse.removeAll(keepingCapacity: true)
    if countBlocks == 1 {
      blocksInUse.append(0)
    } else {
      for kind in drawn.indices where drawn[kind] { blocksInUse.append(kind) }
    }
    let size = plan.cells.count
    for block in blocksInUse {
      for i in block * size..<(block + 1) * size { scratch[i] = 0 }
      if !shares.isEmpty {
        for i in block * size..<(block + 1) * size { shares[i] = 0 }
      }
    }
    for i in atOffset..<scratch.count { scratch[i] = 0 }
  }

  /// Builds `kind`'s tables and person-dependent charge rates from its parameter values, in
  /// the order the per-person path evaluates them (so a failure reads the same).
  private mutating func prepareKind(
    _ kind: Int, _ kinds: PersonKinds, _ model: Model, _ tables: inout IterationTables,
    iteration: Int
  ) throws(RunError) {
    guard kinds.strata.split else { return }
    // Kept from an earlier iteration: all but the varying charges, and a fixed entry clock.
    let kept = kindPrepared[kind] && keepsKindValues
    let charges = !personCharges.isEmpty && !(kept && varyingCharges.isEmpty)
    let entryClock = !kindEntryWeeks.isEmpty && !(kept && !model.entryClockVariesByIteration)
    guard model.transitionsDependOnPerson || charges || entryClock else { return }
    try tables.setKind(kinds.strata.values[kind], model, iteration: iteration)
    if model.transitionsDependOnPerson {
      layout.load(tables, into: &fast)
      let start = kind * fast.count
      for i in fast.indices { kindFast[start + i] = fast[i] }
    }
    if charges {
      try tables.evaluatePersonCharges(model, iteration: iteration, varyingOnly: kept)
      if kept {
        tables.storeRates(of: personCharges, at: varyingCharges, kind: kind, into: &kindRates)
      } else {
        tables.storeRates(of: personCharges, kind: kind, into: &kindRates)
      }
    }
    if entryClock {
      try tables.evaluateEntryClock(model, iteration: iteration)
      kindEntryWeeks[kind] = tables.entryWeeks
    }
    kindPrepared[kind] = true
  }

  /// Where the hot loop counts, passed by value so it lives in registers.
  private struct Counting {
    let cells: CountCells
    let shares: ShareCells
    /// Where the persons at the `occupancyAt` markers start in the scratch.
    let atOffset: Int
    /// Half-cycles of a cycle counted in the state after its transition: 0, 1 or 2
    /// (`OccupancyConvention.halfCycles`; the rest, 2 − weightEnd, goes to the state at its
    /// start).
    let weightEnd: Int
    /// Where the person's block of count cells starts (their kind's, when kinds are counted
    /// apart; else 0).
    var countBase: Int

    /// Persons in `state` of `arm` at the `marker`-th `occupancyAt` cycle (`ShareCells`,
    /// after `atOffset`).
    @inline(__always)
    func atCycle(_ marker: Int, arm: Int, state: Int) -> Int {
      atOffset + shares.index(marker, arm: arm, state: state)
    }
  }

  /// One person through all their segments; `watch` hears of every count cell before the
  /// person adds to it, `clocks` of every stretch once it is counted.
  @inline(__always)
  private static func simulate<Watch: CellWatch, Clocks: StretchClocks>(
    from initial: (Int, Int), segments: UnsafeBufferPointer<Segment>, range: Range<Int>,
    counting: Counting, coupled: Bool, fast: FastTables.Handle,
    scratch: UnsafeMutableBufferPointer<Int>, rng: inout Xoshiro256PlusPlus, watch: inout Watch,
    clocks: inout Clocks
  ) {
    var (a, b) = initial
    var generator = rng
    let stateStride = counting.cells.stateStride
    let weightEnd = counting.weightEnd
    for index in range {
      let segment = segments[index]
      let from = Int(segment.from)
      let to = Int(segment.to)
      let transitionClass = Int(segment.transitionClass)
      if segment.marker >= 0 {
        let marker = Int(segment.marker)
        scratch[counting.atCycle(marker, arm: 0, state: a)] += 1
        scratch[counting.atCycle(marker, arm: 1, state: b)] += 1
      }
      // The count cell of (arm, year, state, class) is base + state · stateStride.
      let baseI = counting.countBase + Int(segment.cellsI)
      let baseC = counting.countBase + Int(segment.cellsC)
      let tableI = fast.table(arm: 0, transitionClass: transitionClass, state: 0)
      let tableC = fast.table(arm: 1, transitionClass: transitionClass, state: 0)
      let firstI = a
      let firstC = b
      var runI = from
      var runC = from
      if coupled {
        var bound = fast.bound(transitionClass, a, b)
        var k = from
        while k < to && bound != 0 {
          let x: UInt64
          (x, k) = quietCycles(&generator, bound: bound, from: k, to: to)
          if k == to { break }
          let nextI = fast.step(table: tableI + a, from: a, x: x)
          let nextC = fast.step(table: tableC + b, from: b, x: x)
          if nextI != a {
            move(
              0, &a, to: nextI, run: &runI, base: baseI, cycle: k, segmentStart: from,
              weightEnd: weightEnd, stateStride, scratch, &watch, &clocks)
          }
          if nextC != b {
            move(
              1, &b, to: nextC, run: &runC, base: baseC, cycle: k, segmentStart: from,
              weightEnd: weightEnd, stateStride, scratch, &watch, &clocks)
          }
          bound = fast.bound(transitionClass, a, b)
          k += 1
        }
      } else {
        var leaveI = fast.leave(tableI + a)
        var leaveC = fast.leave(tableC + b)
        var k = from
        cycles: while k < to && (leaveI | leaveC) != 0 {
          // The cycles in which neither arm leaves, in a loop of their own (as under coupled
          // pairing): each arm that can leave draws, the intervention first. It stops at the
          // first uniform below its arm's threshold, remembering whose it was.
          var x: UInt64 = 0
          var interventionLeaves = false
          quiet: while true {
            if leaveI != 0 {
              x = generator.next53()
              if x < leaveI {
                interventionLeaves = true
                break quiet
              }
            }
            if leaveC != 0 {
              x = generator.next53()
              if x < leaveC { break quiet }
            }
            k += 1
            if k == to { break cycles }
          }
          if interventionLeaves {
            stepAlone(
              0, &a, x: x, leave: &leaveI, run: &runI, table: tableI, base: baseI, cycle: k,
              segmentStart: from, weightEnd: weightEnd, fast, stateStride, scratch, &watch,
              &clocks)
            // The control arm's draw of the same cycle, after the intervention's.
            if leaveC != 0 {
              let x = generator.next53()
              if x < leaveC {
                stepAlone(
                  1, &b, x: x, leave: &leaveC, run: &runC, table: tableC, base: baseC,
                  cycle: k, segmentStart: from, weightEnd: weightEnd, fast, stateStride,
                  scratch, &watch, &clocks)
              }
            }
          } else {
            stepAlone(
              1, &b, x: x, leave: &leaveC, run: &runC, table: tableC, base: baseC, cycle: k,
              segmentStart: from, weightEnd: weightEnd, fast, stateStride, scratch, &watch,
              &clocks)
          }
          k += 1
        }
      }
      // Close the stretches; the `end` counts are the `start` counts shifted by one cycle
      // (into the cells of the first and last state, which the closed stretches listed).
      watch.willAdd(to: baseI + a * stateStride, in: scratch)
      scratch[baseI + a * stateStride] += 2 * (to - runI)
      watch.willAdd(to: baseC + b * stateStride, in: scratch)
      scratch[baseC + b * stateStride] += 2 * (to - runC)
      clocks.close(
        arm: 0, state: a, cell: baseI + a * stateStride,
        halves: 2 * (to - runI) + weightEnd - (runI == from ? weightEnd : 0))
      clocks.close(
        arm: 1, state: b, cell: baseC + b * stateStride,
        halves: 2 * (to - runC) + weightEnd - (runC == from ? weightEnd : 0))
      if counting.weightEnd != 0 {
        scratch[baseI + firstI * stateStride] -= counting.weightEnd
        scratch[baseI + a * stateStride] += counting.weightEnd
        scratch[baseC + firstC * stateStride] -= counting.weightEnd
        scratch[baseC + b * stateStride] += counting.weightEnd
      }
    }
    rng = generator
  }

  /// The cycles in which neither arm can leave (coupled pairing): from cycle `from`, one
  /// uniform per cycle until one falls below `bound`; that uniform and its cycle, or `to`
  /// when none does before it. A function of its own, not inlined: only the generator, the
  /// cycle, the bound and the end live in its loop, so they stay in registers (inlined into
  /// the person loop, the register allocator kept one or two of the generator's words on the
  /// stack in some builds, as unrelated code around it changed: up to 7 % more instructions
  /// and 6 % fewer person-cycles/s on the reference workload; the call costs about 2 % more
  /// instructions on kk-ips-expansion-2020, whose people enter the loop every few cycles, and
  /// no measurable time — Benchmarks/README.md).
  @inline(never)
  private static func quietCycles(
    _ generator: inout Xoshiro256PlusPlus, bound: UInt64, from: Int, to: Int
  ) -> (x: UInt64, cycle: Int) {
    var rng = generator
    defer { generator = rng }
    var k = from
    var x = rng.next53()
    while x >= bound {
      k += 1
      if k == to { return (x, k) }
      x = rng.next53()
    }
    return (x, k)
  }

  /// One arm's move under independent pairing, its uniform `x` below the arm's leaving
  /// threshold: the stretch of the state left is counted.
  @inline(__always)
  private static func stepAlone<Watch: CellWatch, Clocks: StretchClocks>(
    _ arm: Int, _ state: inout Int, x: UInt64, leave: inout UInt64, run: inout Int, table: Int,
    base: Int, cycle: Int, segmentStart: Int, weightEnd: Int, _ fast: FastTables.Handle,
    _ stateStride: Int, _ scratch: UnsafeMutableBufferPointer<Int>, _ watch: inout Watch,
    _ clocks: inout Clocks
  ) {
    let next = fast.step(table: table + state, from: state, x: x)
    guard next != state else { return }
    move(
      arm, &state, to: next, run: &run, base: base, cycle: cycle, segmentStart: segmentStart,
      weightEnd: weightEnd, stateStride, scratch, &watch, &clocks)
    leave = fast.leave(table + state)
  }

  /// One arm moves from `state` to `next` in `cycle` (either pairing): the stretch of the
  /// state left, held since `run`, is counted in its cell and heard by the clocks — with
  /// `weightEnd` halves fewer when it began the segment (docs/refusion.md).
  @inline(__always)
  private static func move<Watch: CellWatch, Clocks: StretchClocks>(
    _ arm: Int, _ state: inout Int, to next: Int, run: inout Int, base: Int, cycle: Int,
    segmentStart: Int, weightEnd: Int, _ stateStride: Int,
    _ scratch: UnsafeMutableBufferPointer<Int>, _ watch: inout Watch, _ clocks: inout Clocks
  ) {
    watch.willAdd(to: base + state * stateStride, in: scratch)
    scratch[base + state * stateStride] += 2 * (cycle + 1 - run)
    clocks.close(
      arm: arm, state: state, cell: base + state * stateStride,
      halves: 2 * (cycle + 1 - run) - (run == segmentStart ? weightEnd : 0))
    run = cycle + 1
    state = next
  }
}
