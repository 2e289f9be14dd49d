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
/// - One flat `[UInt64]` of tables and one flat `[Int]` of counts, read through unsafe buffers
///   in the hot loop: no bounds checks, no ARC, no allocation.
struct IndividualKernel {
  private let states: Int
  private let classes: Int
  private let stride: Int
  private let chargeClasses: Int
  private let years: Int
  private let personCharges: [Int]
  private let trackPerson: Bool
  /// For each cycle since entry, the first `occupancyAt` index that asks for it, or −1.
  private let atMarker: [Int32]

  /// Segments, `segmentFields` numbers each: from, to (cycles since entry), year, transition
  /// class, charge class, `occupancyAt` marker at `from` (or −1). Entry e owns the segments
  /// `segmentFirst[e]..<segmentFirst[e + 1]`.
  private let segments: [Int32]
  private let segmentFirst: [Int32]
  static let segmentFields = 6

  /// Flat tables: thresholds, destinations, outgoing counts, leaving thresholds per
  /// (arm, class, state), and per (class, joint state) the larger leaving threshold.
  private var fast: [UInt64]
  private let destinationOffset: Int
  private let countOffset: Int
  private let leaveOffset: Int
  private let boundOffset: Int

  /// Half-cycles per (arm, year, state, charge class), then persons per
  /// (`occupancyAt` index, arm, state).
  private var scratch: [Int]
  private let countSize: Int
  private let atOffset: Int

  /// Person-dependent charges are priced per person from the change of the counts they read:
  /// each term is one count cell, the charge (index into `personCharges`) and the amount it
  /// adds to (`Tally.personAmounts` index). `before` holds the cells before the person.
  private let priceTerms: [(cell: Int, charge: Int, amount: Int)]
  private var before: [Int]

  /// When every person-scope parameter is discrete: the kinds of person (`PersonKinds`),
  /// each kind's flat tables (when transitions depend on the person) and person-dependent
  /// charge rates, built once per iteration. Counts are then kept per
  /// kind (`countBlocks` blocks of `countSize`) and priced once per kind.
  private let kinds: PersonKinds?
  private var kindFast: [UInt64]
  private var kindRates: [Double]
  private let countBlocks: Int

  /// The per-cycle path for the refusion staircase and amounts on transitions; `nil` for
  /// scenarios without them, which stay on the fast path. It follows each person (their clock,
  /// their staircase charges), so such scenarios take the per-person path, not kinds.
  private var tracked: TrackedPath?

  /// - Parameter usesKinds: whether discrete person-scope parameters are handled as kinds of
  ///   person (the default); `false` keeps the per-person path, which tests compare against.
  init(model: Model, usesKinds: Bool = true) {
    states = model.stateCount
    classes = model.transitionClasses.count
    stride = model.maxOutgoing
    chargeClasses = model.chargeClassCount
    years = model.years
    // Person-dependent staircase charges are priced by the tracked path, from its shares.
    personCharges = model.charges.indices.filter {
      model.charges[$0].dependsOnPerson && !model.charges[$0].staircase
    }
    trackPerson = !personCharges.isEmpty
    tracked = TrackedPath(model: model)
    var marker = [Int32](repeating: -1, count: model.horizon)
    for (index, cycle) in model.occupancyAt.enumerated().reversed() where cycle < model.horizon {
      marker[cycle] = Int32(index)
    }
    atMarker = marker
    (segments, segmentFirst) = Self.segments(model, atMarker: marker)

    let tables = 2 * classes * states
    destinationOffset = tables * stride
    countOffset = 2 * tables * stride
    leaveOffset = countOffset + tables
    boundOffset = leaveOffset + tables
    fast = [UInt64](repeating: 0, count: boundOffset + classes * states * states)

    countSize = 2 * model.years * states * model.chargeClassCount
    kinds = usesKinds && tracked == nil ? PersonKinds(model: model) : nil
    let kindCount = kinds?.count ?? 0
    countBlocks = trackPerson ? max(kindCount, 1) : 1
    kindFast = [UInt64](
      repeating: 0, count: model.transitionsDependOnPerson ? kindCount * fast.count : 0)
    kindRates = [Double](repeating: 0, count: kindCount * personCharges.count)
    atOffset = countBlocks * countSize
    scratch = [Int](repeating: 0, count: atOffset + model.occupancyAt.count * 2 * states)
    var terms: [(cell: Int, charge: Int, amount: Int)] = []
    for (j, index) in personCharges.enumerated() {
      let charge = model.charges[index]
      for arm in 0..<2 where charge.arm == nil || charge.arm == arm {
        for year in 0..<model.years {
          for cls in 0..<model.chargeClassCount where charge.active[cls] {
            terms.append(
              (
                cell: ((arm * model.years + year) * states + charge.state) * model.chargeClassCount
                  + cls,
                charge: j, amount: (arm * model.years + year) * model.targetCount + charge.target
              ))
          }
        }
      }
    }
    priceTerms = terms
    before = [Int](repeating: 0, count: terms.count)
  }

  /// Cuts each entry's cycles since entry at every year, window-class and `occupancyAt` cycle.
  private static func segments(_ model: Model, atMarker: [Int32]) -> ([Int32], [Int32]) {
    var segments: [Int32] = []
    var first: [Int32] = []
    for entry in 0..<model.horizon {
      first.append(Int32(segments.count / segmentFields))
      var from = 0
      let cycles = model.horizon - entry
      while from < cycles {
        var to = from + 1
        while to < cycles && model.yearOf[entry + to] == model.yearOf[entry + from]
          && model.transitionClassOf[to] == model.transitionClassOf[from]
          && model.chargeClassOf[to] == model.chargeClassOf[from] && atMarker[to] < 0
        {
          to += 1
        }
        segments += [
          Int32(from), Int32(to), model.yearOf[entry + from], model.transitionClassOf[from],
          model.chargeClassOf[from], atMarker[from],
        ]
        from = to
      }
    }
    first.append(Int32(segments.count / segmentFields))
    return (segments, first)
  }

  /// Copies the iteration's transition tables into the flat layout and derives the leaving
  /// thresholds and their joint maxima.
  private mutating func load(_ tables: IterationTables) {
    let tableCount = 2 * classes * states
    for t in 0..<tableCount {
      let count = Int(tables.outgoingCount[t])
      fast[countOffset + t] = UInt64(count)
      fast[leaveOffset + t] = count > 0 ? tables.thresholds[t * stride + count - 1] : 0
      for j in 0..<count {
        fast[t * stride + j] = tables.thresholds[t * stride + j]
        fast[destinationOffset + t * stride + j] = UInt64(tables.destinations[t * stride + j])
      }
    }
    for c in 0..<classes {
      for a in 0..<states {
        for b in 0..<states {
          fast[boundOffset + (c * states + a) * states + b] = max(
            fast[leaveOffset + c * states + a], fast[leaveOffset + (classes + c) * states + b])
        }
      }
    }
  }

  /// Simulates one iteration's cohort into `tally`.
  /// - Parameters:
  ///   - tables: the iteration's tables; person-dependent entries are rewritten per person.
  ///   - streams: the iteration's streams; each person moves on their own.
  mutating func run(
    _ model: Model, _ tables: inout IterationTables, _ streams: IterationStreams,
    into tally: inout Tally, iteration: Int
  ) throws(RunError) {
    for i in scratch.indices { scratch[i] = 0 }
    load(tables)
    let coupled = model.pairing == .coupled
    let weightEnd: Int
    switch model.occupancy {
    case .start: weightEnd = 0
    case .end: weightEnd = 2
    case .average: weightEnd = 1
    }
    let layout = Layout(
      states: states, classes: classes, stride: stride, chargeClasses: chargeClasses, years: years,
      destinationOffset: destinationOffset, countOffset: countOffset, leaveOffset: leaveOffset,
      boundOffset: boundOffset, atOffset: atOffset,
      weightEnd: weightEnd, countBase: 0)
    if kinds != nil {
      try runKinds(model, &tables, streams, into: &tally, iteration: iteration, layout: layout)
      return
    }
    guard var path = tracked else {
      var stretches = StretchPath()
      try runPersons(
        model, &tables, streams, into: &tally, iteration: iteration, layout: layout,
        coupled: coupled, path: &stretches)
      return
    }
    // Moved out for the run, so that the path is mutated in place while the kernel's arrays
    // are borrowed; put back even when a person's numbers fail.
    tracked = nil
    defer { tracked = path }
    try runPersons(
      model, &tables, streams, into: &tally, iteration: iteration, layout: layout,
      coupled: coupled, path: &path)
  }

  /// `run` person by person, with the way one person is simulated fixed at compile time: the
  /// generic is specialised per path, so the fast path's loop carries no trace of the tracked
  /// one.
  @inline(__always)
  private mutating func runPersons<Path: PersonPath>(
    _ model: Model, _ tables: inout IterationTables, _ streams: IterationStreams,
    into tally: inout Tally, iteration: Int, layout: Layout, coupled: Bool, path: inout Path
  ) throws(RunError) {
    path.reset()
    var personCycles = 0
    var person = 0

    for entry in 0..<model.horizon where tables.entries[entry] > 0 {
      let cycles = model.horizon - entry
      for (c, at) in model.occupancyAt.enumerated() where at < cycles {
        tally.eligible[c] += Double(tables.entries[entry])
      }
      let segmentRange = Int(segmentFirst[entry])..<Int(segmentFirst[entry + 1])
      for _ in 0..<tables.entries[entry] {
        let personKey = streams.personKey(person)
        person += 1
        var rng = IterationStreams.moves(personKey: personKey)
        if model.hasPersonScope {
          try tables.drawPersonParameters(model, personKey: personKey, iteration: iteration)
          if model.transitionsDependOnPerson {
            try tables.buildTransitions(model, iteration: iteration)
            load(tables)
          }
          if trackPerson {
            try tables.evaluateCharges(model, indices: personCharges, iteration: iteration)
            for (t, term) in priceTerms.enumerated() { before[t] = scratch[term.cell] }
          }
          try path.preparePerson(model, &tables, iteration: iteration)
        }
        let x = rng.next53()
        let stateI = Self.initialState(tables, arm: 0, states: states, x: x)
        let stateC = Self.initialState(
          tables, arm: 1, states: states, x: coupled ? x : rng.next53())
        let entryWeeks = tables.entryWeeks
        fast.withUnsafeBufferPointer { fast in
          segments.withUnsafeBufferPointer { segments in
            scratch.withUnsafeMutableBufferPointer { scratch in
              path.simulate(
                from: (stateI, stateC), entryWeeks: entryWeeks, segments: segments,
                range: segmentRange, layout: layout, coupled: coupled, fast: fast,
                scratch: scratch, rng: &rng)
            }
          }
        }
        path.pricePerson(tables, into: &tally)
        personCycles += 2 * cycles
        if trackPerson {
          for (t, term) in priceTerms.enumerated() where scratch[term.cell] != before[t] {
            tally.personAmounts[term.amount] +=
              Double(scratch[term.cell] - before[t]) * 0.5
              * tables.chargeRates[personCharges[term.charge]]
          }
        }
      }
    }

    collect(model, into: &tally, personCycles: personCycles)
    path.finish(into: &tally)
  }

  /// Moves the iteration's counts into `tally`: occupancy summed over the count blocks (one,
  /// or one per kind), and the persons at each `occupancyAt` cycle.
  private func collect(_ model: Model, into tally: inout Tally, personCycles: Int) {
    for i in 0..<countSize {
      var total = 0
      for block in 0..<countBlocks { total += scratch[block * countSize + i] }
      tally.occupancy[i] = Double(total) * 0.5
    }
    for (index, cycle) in model.occupancyAt.enumerated() {
      // A repeated `occupancyAt` cycle reads the counts of its first occurrence.
      let source = cycle < model.horizon ? Int(atMarker[cycle]) : index
      for j in 0..<(2 * states) {
        tally.atCycle[index * 2 * states + j] = Double(scratch[atOffset + source * 2 * states + j])
      }
    }
    tally.personCycles = Double(personCycles)
  }

  /// `run` when people come in kinds (`PersonKinds`): every kind's tables and charge rates
  /// are built once, per person one draw per discrete parameter picks the kind, and each
  /// kind's person-dependent charges are priced once, from its own counts.
  private mutating func runKinds(
    _ model: Model, _ tables: inout IterationTables, _ streams: IterationStreams,
    into tally: inout Tally, iteration: Int, layout: Layout
  ) throws(RunError) {
    guard let kinds else { return }
    let coupled = model.pairing == .coupled
    let byKind = model.transitionsDependOnPerson
    let fastSize = fast.count
    // Every kind is prepared up front, so that the person loop below touches no state of the
    // kernel but its counts; a kind whose preparation fails fails the iteration only when one
    // of its people appears, with the error the per-person path would raise for that person.
    var failures = [RunError?](repeating: nil, count: kinds.count)
    for kind in 0..<kinds.count {
      do throws(RunError) {
        try prepareKind(kind, kinds, model, &tables, iteration: iteration)
      } catch {
        failures[kind] = error
      }
    }
    // Locals, so the loop reads no property of `self` while its counts are borrowed.
    let (countSize, trackPerson, states) = (self.countSize, self.trackPerson, self.states)
    let segmentFirst = self.segmentFirst
    let entries = tables.entries
    let initial = tables
    var failure: RunError?
    var personCycles = 0
    (byKind ? kindFast : fast).withUnsafeBufferPointer { allFast in
      segments.withUnsafeBufferPointer { segments in
        scratch.withUnsafeMutableBufferPointer { scratch in
          var layout = layout
          var person = 0
          cohort: for entry in 0..<model.horizon where entries[entry] > 0 {
            let cycles = model.horizon - entry
            for (c, at) in model.occupancyAt.enumerated() where at < cycles {
              tally.eligible[c] += Double(entries[entry])
            }
            let segmentRange = Int(segmentFirst[entry])..<Int(segmentFirst[entry + 1])
            for _ in 0..<entries[entry] {
              let personKey = streams.personKey(person)
              person += 1
              let kind = kinds.kind(personKey: personKey)
              if let error = failures[kind] {
                failure = error
                break cohort
              }
              layout.countBase = trackPerson ? kind * countSize : 0
              var rng = IterationStreams.moves(personKey: personKey)
              let x = rng.next53()
              let stateI = Self.initialState(initial, arm: 0, states: states, x: x)
              let stateC = Self.initialState(
                initial, arm: 1, states: states, x: coupled ? x : rng.next53())
              let tablesStart = byKind ? kind * fastSize : 0
              Self.simulate(
                from: (stateI, stateC), segments: segments, range: segmentRange, layout: layout,
                coupled: coupled,
                fast: UnsafeBufferPointer(rebasing: allFast[tablesStart..<tablesStart + fastSize]),
                scratch: scratch, rng: &rng)
              personCycles += 2 * cycles
            }
          }
        }
      }
    }
    if let failure { throw failure }

    if trackPerson {
      for kind in 0..<kinds.count where failures[kind] == nil {
        let counts = kind * countSize
        let rates = kind * personCharges.count
        for term in priceTerms where scratch[counts + term.cell] != 0 {
          tally.personAmounts[term.amount] +=
            Double(scratch[counts + term.cell]) * 0.5 * kindRates[rates + term.charge]
        }
      }
    }
    collect(model, into: &tally, personCycles: personCycles)
  }

  /// Builds `kind`'s tables and person-dependent charge rates from its parameter values, in
  /// the order the per-person path evaluates them (so a failure reads the same).
  private mutating func prepareKind(
    _ kind: Int, _ kinds: PersonKinds, _ model: Model, _ tables: inout IterationTables,
    iteration: Int
  ) throws(RunError) {
    guard kinds.strata.split else { return }
    for (draw, value) in zip(model.personDraws, kinds.strata.values[kind]) {
      tables.values[draw.slot] = value
    }
    try tables.evaluatePersonDerived(model, iteration: iteration)
    if model.transitionsDependOnPerson {
      try tables.buildTransitions(model, iteration: iteration)
      load(tables)
      let start = kind * fast.count
      for i in fast.indices { kindFast[start + i] = fast[i] }
    }
    if trackPerson {
      try tables.evaluateCharges(model, indices: personCharges, iteration: iteration)
      for (j, index) in personCharges.enumerated() {
        kindRates[kind * personCharges.count + j] = tables.chargeRates[index]
      }
    }
  }

  /// Offsets and sizes the hot loop needs, passed by value so they live in registers.
  struct Layout {
    var states, classes, stride, chargeClasses, years: Int
    var destinationOffset, countOffset, leaveOffset, boundOffset: Int
    var atOffset: Int
    /// Half-cycles of a cycle counted in the state after its transition: 0, 1 or 2.
    var weightEnd: Int
    /// Where the person's block of counts starts (their kind's, when kinds are counted apart).
    var countBase: Int
  }

  /// One person through all their segments.
  @inline(__always)
  static func simulate(
    from initial: (Int, Int), segments: UnsafeBufferPointer<Int32>, range: Range<Int>,
    layout: Layout, coupled: Bool, fast: UnsafeBufferPointer<UInt64>,
    scratch: UnsafeMutableBufferPointer<Int>, rng: inout Xoshiro256PlusPlus
  ) {
    var (a, b) = initial
    var generator = rng
    let states = layout.states
    for segment in range {
      let fields = segment * segmentFields
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
      // Count index of (arm, year, state, class) = base + state · chargeClasses.
      let baseI = layout.countBase + year * states * layout.chargeClasses + chargeClass
      let baseC = layout.countBase + (layout.years + year) * states * layout.chargeClasses
        + chargeClass
      let tableI = transitionClass * states
      let tableC = (layout.classes + transitionClass) * states
      let firstI = a
      let firstC = b
      var runI = from
      var runC = from
      if coupled {
        let boundBase = layout.boundOffset + transitionClass * states * states
        var bound = fast[boundBase + a * states + b]
        var k = from
        while k < to && bound != 0 {
          let x = generator.next53()
          if x < bound {
            let nextI = step(fast, layout, table: tableI + a, from: a, x: x)
            let nextC = step(fast, layout, table: tableC + b, from: b, x: x)
            if nextI != a {
              scratch[baseI + a * layout.chargeClasses] += 2 * (k + 1 - runI)
              runI = k + 1
              a = nextI
            }
            if nextC != b {
              scratch[baseC + b * layout.chargeClasses] += 2 * (k + 1 - runC)
              runC = k + 1
              b = nextC
            }
            bound = fast[boundBase + a * states + b]
          }
          k += 1
        }
      } else {
        var leaveI = fast[layout.leaveOffset + tableI + a]
        var leaveC = fast[layout.leaveOffset + tableC + b]
        var k = from
        while k < to && (leaveI | leaveC) != 0 {
          if leaveI != 0 {
            moveAlone(
              &a, leave: &leaveI, run: &runI, table: tableI, base: baseI, cycle: k, fast, layout,
              scratch, &generator)
          }
          if leaveC != 0 {
            moveAlone(
              &b, leave: &leaveC, run: &runC, table: tableC, base: baseC, cycle: k, fast, layout,
              scratch, &generator)
          }
          k += 1
        }
      }
      // Close the stretches; the `end` counts are the `start` counts shifted by one cycle.
      scratch[baseI + a * layout.chargeClasses] += 2 * (to - runI)
      scratch[baseC + b * layout.chargeClasses] += 2 * (to - runC)
      if layout.weightEnd != 0 {
        scratch[baseI + firstI * layout.chargeClasses] -= layout.weightEnd
        scratch[baseI + a * layout.chargeClasses] += layout.weightEnd
        scratch[baseC + firstC * layout.chargeClasses] -= layout.weightEnd
        scratch[baseC + b * layout.chargeClasses] += layout.weightEnd
      }
    }
    rng = generator
  }

  /// One arm's cycle under independent pairing: its own uniform, and on a move the stretch of
  /// the state left is counted.
  @inline(__always)
  private static func moveAlone(
    _ state: inout Int, leave: inout UInt64, run: inout Int, table: Int, base: Int, cycle: Int,
    _ fast: UnsafeBufferPointer<UInt64>, _ layout: Layout,
    _ scratch: UnsafeMutableBufferPointer<Int>,
    _ generator: inout Xoshiro256PlusPlus
  ) {
    let x = generator.next53()
    guard x < leave else { return }
    let next = step(fast, layout, table: table + state, from: state, x: x)
    guard next != state else { return }
    scratch[base + state * layout.chargeClasses] += 2 * (cycle + 1 - run)
    run = cycle + 1
    state = next
    leave = fast[layout.leaveOffset + table + state]
  }

  /// The destination of a person in `table` whose uniform is `x`: the first outgoing move
  /// whose cumulative threshold exceeds `x`, else staying.
  @inline(__always)
  private static func step(
    _ fast: UnsafeBufferPointer<UInt64>, _ layout: Layout, table: Int, from state: Int, x: UInt64
  ) -> Int {
    let count = Int(fast[layout.countOffset + table])
    let base = table * layout.stride
    var j = 0
    while j < count {
      if x < fast[base + j] { return Int(fast[layout.destinationOffset + base + j]) }
      j += 1
    }
    return state
  }

  @inline(__always)
  private static func initialState(
    _ tables: IterationTables, arm: Int, states: Int, x: UInt64
  ) -> Int {
    let count = Int(tables.initialCount[arm])
    var j = 0
    while j < count - 1 && x >= tables.initialThresholds[arm * states + j] { j += 1 }
    return Int(tables.initialStates[arm * states + j])
  }
}
