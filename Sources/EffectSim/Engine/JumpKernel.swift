/// The jump kernel: every person simulated, but from move to move instead of cycle by cycle.
///
/// The per-cycle kernel (`IndividualKernel`) draws a uniform in every cycle and, under coupled
/// pairing, stays unless it falls below the larger of the two arms' leaving thresholds B. While
/// the thresholds are fixed, the cycles until the first uniform below B are geometric
/// (P(W = w) = q (1 − q)^w, q = B / 2^53), and that uniform, given it is below B, is uniform
/// below B and decides both arms exactly as the per-cycle kernel would. So this kernel draws
/// the wait (`JumpTables`: a table per leaving threshold, one lookup), jumps there, draws the
/// uniform below B and moves both arms: the same joint law with two draws per *move* instead of
/// one per cycle. Under independent pairing each arm jumps on its own.
///
/// - The person walks *spans*: the plan's segments merged wherever only the calendar year
///   changes, so a span is cut at a window boundary (new thresholds) or an `occupancyAt` cycle,
///   and the wait is drawn afresh at each span (memorylessness keeps that exact).
/// - Occupancy is counted without a per-year loop: a stretch in a state adds +2 half-cycles at
///   its first absolute cycle and −2 at the cycle after its last, in a difference array per
///   (arm, charge class, state); once per iteration a running sum over the horizon turns these
///   into the plan's count cells (`CountCells`), year by year. The `end` half-cycles of a
///   cycle in which a person moves go to the state moved to, at the move.
/// - Kinds of person (discrete person-scope parameters: `PersonKinds`, drawn as the individual
///   kernel draws them) get their own table sets and count blocks, priced once per kind.
///   Continuous person-scope parameters that change a transition or a charge are refused
///   (`unsupportedReason`): the tables would be rebuilt per person.
///
/// Segments, markers, eligibility, the occupancy convention and every cell layout come from the
/// `KernelPlan`, which every kernel reads.
struct JumpKernel {
  private let plan: KernelPlan
  /// Every entry's spans, entry by entry (`spanFirst[entry]..<spanFirst[entry + 1]`).
  private let spans: [Segment]
  private let spanFirst: [Int]
  /// The calendar year of each absolute cycle, and where each year's cycles end.
  private let yearOf: [Int32]
  private let yearEnds: [Int]
  private let personCharges: [Int]
  private let personCells: [PersonChargeCell]

  private let layout: JumpTables
  /// Table sets: one, or one per kind when transitions depend on person-scope parameters.
  private var storage: [UInt64]
  private var fastScratch: [UInt64]
  private let kinds: PersonKinds?
  private var kindRates: [Double]
  private var kindFailures: [RunError?]
  private let countBlocks: Int

  /// Half-cycles per count cell (`countBlocks` blocks of `CountCells`), then persons per
  /// (`occupancyAt` index, arm, state) from `atOffset` on.
  private var scratch: [Int]
  private let atOffset: Int
  /// The difference arrays of the stretches: per count block, per (arm, charge class, state),
  /// `horizon + 1` absolute cycles.
  private var stretches: [Int]

  /// Why the jump kernel cannot simulate `model`, or `nil` when it can.
  static func unsupportedReason(_ model: Model) -> String? {
    // Both follow each person cycle by cycle (a clock of weeks; the moves along each
    // transition), which the jump over a stretch does not see: the individual kernel's tracked
    // path runs them.
    if model.usesStaircase {
      return "a cost on the refusion staircase follows each person's own clock of weeks, cycle"
        + " by cycle; use --kernel individual"
    }
    if !model.transitionCharges.isEmpty {
      return "costs or outcomes on transitions count every move along each transition, which"
        + " the jump kernel does not record; use --kernel individual or aggregated"
    }
    guard model.hasPersonScope, PersonKinds(model: model) == nil else { return nil }
    return PersonStrata.unsupportedReason(model).map { reason in
      reason.replacingOccurrences(
        of: "people who differ continuously cannot be moved in groups",
        with: "the jump kernel would rebuild its tables for every person")
    } ?? "its person-scope parameters do not form kinds of person; use --kernel individual"
  }

  /// - Throws: `PersonStrata.Unsupported` when `unsupportedReason(model)` is not `nil`.
  init(model: Model) throws(PersonStrata.Unsupported) {
    if let reason = Self.unsupportedReason(model) {
      throw PersonStrata.Unsupported(message: reason)
    }
    plan = KernelPlan(model: model)
    (spans, spanFirst) = Self.spans(plan)
    yearOf = model.yearOf
    var ends: [Int] = []
    for k in 1...max(model.horizon, 1) where k == model.horizon || yearOf[k] != yearOf[k - 1] {
      ends.append(k)
    }
    yearEnds = ends
    personCharges = plan.personCharges
    personCells = plan.personCells
    layout = JumpTables(model: model)
    kinds = PersonKinds(model: model)
    let kindCount = kinds?.count ?? 1
    let sets = model.transitionsDependOnPerson ? kindCount : 1
    storage = [UInt64](repeating: 0, count: sets * layout.count)
    fastScratch = [UInt64](repeating: 0, count: layout.fast.count)
    kindRates = [Double](repeating: 0, count: kindCount * personCharges.count)
    kindFailures = [RunError?](repeating: nil, count: kindCount)
    countBlocks = personCharges.isEmpty ? 1 : kindCount
    atOffset = countBlocks * plan.cells.count
    scratch = [Int](repeating: 0, count: atOffset + model.occupancyAt.count * 2 * plan.states)
    stretches = [Int](
      repeating: 0,
      count: countBlocks * 2 * model.chargeClassCount * plan.states * (model.horizon + 1))
  }

  /// The plan's segments of every entry, merged where only the calendar year changes.
  private static func spans(_ plan: KernelPlan) -> ([Segment], [Int]) {
    var spans: [Segment] = []
    var first: [Int] = []
    for entry in 0..<plan.horizon {
      first.append(spans.count)
      let start = spans.count
      for index in plan.segments(entry: entry) {
        let segment = plan.segments[index]
        if spans.count > start, let last = spans.last, segment.marker < 0,
          last.transitionClass == segment.transitionClass,
          last.chargeClass == segment.chargeClass
        {
          spans[spans.count - 1] = Segment(
            from: last.from, to: segment.to, year: last.year,
            transitionClass: last.transitionClass, chargeClass: last.chargeClass,
            marker: last.marker, cells: plan.cells)
        } else {
          spans.append(segment)
        }
      }
    }
    first.append(spans.count)
    return (spans, first)
  }

  /// Simulates one iteration's cohort into `tally`.
  mutating func run(
    _ model: Model, _ tables: inout IterationTables, _ streams: IterationStreams,
    into tally: inout Tally, iteration: Int
  ) throws(RunError) {
    for i in scratch.indices { scratch[i] = 0 }
    prepareSets(model, &tables, iteration: iteration)
    let coupled = model.pairing == .coupled
    let states = plan.states
    let byKind = model.transitionsDependOnPerson
    let setSize = layout.count
    // Locals, so the loop reads no property of `self` while its counts are borrowed.
    let (plan, layout, kinds) = (self.plan, self.layout, self.kinds)
    let (spanFirst, failures, countBlocks) = (self.spanFirst, kindFailures, self.countBlocks)
    let blockSize = plan.cells.count
    let stretchBlock = 2 * model.chargeClassCount * states * (model.horizon + 1)
    let entries = tables.entries
    var counting = Counting(
      shares: plan.shares, atOffset: atOffset, weightEnd: plan.halfCycles.end,
      cells: plan.cells, countBase: 0, stretchBase: 0, rowLength: model.horizon + 1,
      chargeClasses: model.chargeClassCount)
    var failure: RunError?
    var personCycles = 0
    storage.withUnsafeBufferPointer { allTables in
      spans.withUnsafeBufferPointer { spans in
        yearOf.withUnsafeBufferPointer { years in
          scratch.withUnsafeMutableBufferPointer { scratch in
            stretches.withUnsafeMutableBufferPointer { stretches in
              var person = 0
              cohort: for entry in 0..<model.horizon where entries[entry] > 0 {
                let cycles = model.horizon - entry
                plan.countEntering(entries[entry], entry: entry, into: &tally)
                let range = spanFirst[entry]..<spanFirst[entry + 1]
                for _ in 0..<entries[entry] {
                  let personKey = streams.personKey(person)
                  person += 1
                  let kind = kinds?.kind(personKey: personKey) ?? 0
                  if let error = failures[kind] {
                    failure = error
                    break cohort
                  }
                  if countBlocks > 1 {
                    counting.countBase = kind * blockSize
                    counting.stretchBase = kind * stretchBlock
                  }
                  var rng = IterationStreams.moves(personKey: personKey)
                  let x = rng.next53()
                  let stateI = tables.initialState(arm: 0, x: x)
                  let stateC = tables.initialState(arm: 1, x: coupled ? x : rng.next53())
                  let start = byKind ? kind * setSize : 0
                  let set = UnsafeBufferPointer(rebasing: allTables[start..<start + setSize])
                  let fast = layout.fast.handle(set)
                  let jumps = layout.handle(set)
                  if coupled {
                    Self.coupled(
                      from: (stateI, stateC), entry: entry, spans: spans, range: range,
                      counting: counting, fast: fast, jumps: jumps, years: years,
                      scratch: scratch, stretches: stretches, rng: &rng)
                  } else {
                    Self.alone(
                      arm: 0, from: stateI, entry: entry, spans: spans, range: range,
                      counting: counting, fast: fast, jumps: jumps, years: years,
                      scratch: scratch, stretches: stretches, rng: &rng)
                    Self.alone(
                      arm: 1, from: stateC, entry: entry, spans: spans, range: range,
                      counting: counting, fast: fast, jumps: jumps, years: years,
                      scratch: scratch, stretches: stretches, rng: &rng)
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
    flushStretches(stretchBlock: stretchBlock, chargeClasses: model.chargeClassCount)
    scratch.withUnsafeBufferPointer { scratch in
      if !personCharges.isEmpty {
        plan.priceKinds(
          scratch, kinds: countBlocks, rates: kindRates, skip: { kindFailures[$0] != nil },
          into: &tally)
      }
      plan.collect(
        scratch, blocks: 0..<countBlocks, atOffset: atOffset, personCycles: personCycles,
        into: &tally)
    }
  }

  /// Builds the table sets and each kind's person-dependent charge rates. A kind whose
  /// evaluation fails is remembered and fails the iteration only when one of its people
  /// appears, with the error the per-person path would raise for that person.
  private mutating func prepareSets(
    _ model: Model, _ tables: inout IterationTables, iteration: Int
  ) {
    for kind in kindFailures.indices { kindFailures[kind] = nil }
    if !model.transitionsDependOnPerson {
      layout.load(tables, into: &storage, at: 0, scratch: &fastScratch)
    }
    guard let kinds, kinds.strata.split else { return }
    for kind in 0..<kinds.count { prepareKind(kind, kinds, model, &tables, iteration: iteration) }
  }

  /// One kind's table set (when transitions depend on it) and charge rates, evaluated in the
  /// order the per-person path evaluates them, so that a failure reads the same.
  private mutating func prepareKind(
    _ kind: Int, _ kinds: PersonKinds, _ model: Model, _ tables: inout IterationTables,
    iteration: Int
  ) {
    do throws(RunError) {
      try tables.setKind(kinds.strata.values[kind], model, iteration: iteration)
      if model.transitionsDependOnPerson {
        layout.load(tables, into: &storage, at: kind * layout.count, scratch: &fastScratch)
      }
      if !personCharges.isEmpty {
        try tables.evaluatePersonCharges(model, iteration: iteration)
        tables.storeRates(of: personCharges, kind: kind, into: &kindRates)
      }
    } catch {
      kindFailures[kind] = error
    }
  }

  /// Turns the difference arrays into half-cycles per count cell, year by year, and clears
  /// them for the next iteration.
  /// - Complexity: O(count blocks × 2 × charge classes × states × horizon).
  private mutating func flushStretches(stretchBlock: Int, chargeClasses: Int) {
    let (cells, states, rowLength) = (plan.cells, plan.states, plan.horizon + 1)
    let yearEnds = self.yearEnds
    stretches.withUnsafeMutableBufferPointer { stretches in
      scratch.withUnsafeMutableBufferPointer { scratch in
        for block in 0..<countBlocks {
          for arm in 0..<2 {
            for cls in 0..<chargeClasses {
              for state in 0..<states {
                let row = block * stretchBlock + ((arm * chargeClasses + cls) * states + state)
                  * rowLength
                var running = 0
                var k = 0
                for (year, end) in yearEnds.enumerated() {
                  var sum = 0
                  while k < end {
                    running += stretches[row + k]
                    stretches[row + k] = 0
                    sum += running
                    k += 1
                  }
                  if sum != 0 {
                    scratch[block * cells.count
                      + cells.index(arm: arm, year: year, state: state, chargeClass: cls)] += sum
                  }
                }
                stretches[row + rowLength - 1] = 0
              }
            }
          }
        }
      }
    }
  }

  /// Where the hot loop counts, passed by value so it lives in registers.
  private struct Counting {
    let shares: ShareCells
    /// Where the persons at the `occupancyAt` markers start in the scratch.
    let atOffset: Int
    /// Half-cycles of a cycle counted in the state after its transition (0, 1 or 2).
    let weightEnd: Int
    let cells: CountCells
    /// The person's block of count cells and of difference arrays (their kind's when kinds
    /// are priced apart; else 0).
    var countBase: Int
    var stretchBase: Int
    /// Absolute cycles per difference array: horizon + 1.
    let rowLength: Int
    let chargeClasses: Int

    /// The difference array of (arm, charge class, state 0); add `state · rowLength`.
    @inline(__always)
    func row(arm: Int, chargeClass: Int) -> Int {
      stretchBase + (arm * chargeClasses + chargeClass) * cells.states * rowLength
    }

    @inline(__always)
    func atCycle(_ marker: Int, arm: Int, state: Int) -> Int {
      atOffset + shares.index(marker, arm: arm, state: state)
    }

    /// Moves the `end` half-cycles of absolute cycle `cycle` of `arm` from the state left to
    /// the state entered.
    @inline(__always)
    func shiftEnd(
      arm: Int, from: Int, to: Int, cycle: Int, chargeClass: Int,
      years: UnsafeBufferPointer<Int32>, scratch: UnsafeMutableBufferPointer<Int>
    ) {
      guard weightEnd != 0 else { return }
      let year = Int(years[cycle])
      let base = countBase + cells.base(arm: arm, year: year, chargeClass: chargeClass)
      scratch[base + from * cells.stateStride] -= weightEnd
      scratch[base + to * cells.stateStride] += weightEnd
    }
  }

  /// A uniform integer below `bound` from 64 random bits: ⌊r · bound / 2^64⌋. Every interval
  /// of integers below `bound` is hit with its exact probability up to 2^-64.
  @inline(__always)
  private static func below(_ bound: UInt64, _ rng: inout Xoshiro256PlusPlus) -> UInt64 {
    rng.next().multipliedFullWidth(by: bound).high
  }

  /// One person under coupled pairing: both arms jump together to the next cycle whose
  /// uniform falls below the joint bound.
  @inline(__always)
  private static func coupled(
    from initial: (Int, Int), entry: Int, spans: UnsafeBufferPointer<Segment>,
    range: Range<Int>, counting: Counting, fast: IndividualKernel.FastTables.Handle,
    jumps: JumpTables.Handle, years: UnsafeBufferPointer<Int32>,
    scratch: UnsafeMutableBufferPointer<Int>, stretches: UnsafeMutableBufferPointer<Int>,
    rng: inout Xoshiro256PlusPlus
  ) {
    var (a, b) = initial
    var generator = rng
    let rowLength = counting.rowLength
    for index in range {
      let span = spans[index]
      let to = Int(span.to)
      let transitionClass = Int(span.transitionClass)
      let chargeClass = Int(span.chargeClass)
      if span.marker >= 0 {
        let marker = Int(span.marker)
        scratch[counting.atCycle(marker, arm: 0, state: a)] += 1
        scratch[counting.atCycle(marker, arm: 1, state: b)] += 1
      }
      // Absolute cycle `entry + k` of state s of an arm: row + s · rowLength + entry + k.
      let rowI = counting.row(arm: 0, chargeClass: chargeClass) + entry
      let rowC = counting.row(arm: 1, chargeClass: chargeClass) + entry
      stretches[rowI + a * rowLength + Int(span.from)] += 2
      stretches[rowC + b * rowLength + Int(span.from)] += 2
      let tableI = fast.table(arm: 0, transitionClass: transitionClass, state: 0)
      let tableC = fast.table(arm: 1, transitionClass: transitionClass, state: 0)
      var k = Int(span.from)
      var bound = fast.bound(transitionClass, a, b)
      while bound != 0 {
        let w = jumps.wait(jumps.joint(transitionClass, a, b), generator.next())
        let cycle = k + w
        if cycle >= to { break }
        k = cycle
        if w == JumpTables.cap { continue }
        let x = below(bound, &generator)
        let nextI = fast.step(table: tableI + a, from: a, x: x)
        let nextC = fast.step(table: tableC + b, from: b, x: x)
        k += 1
        if nextI != a {
          stretches[rowI + a * rowLength + k] -= 2
          stretches[rowI + nextI * rowLength + k] += 2
          counting.shiftEnd(
            arm: 0, from: a, to: nextI, cycle: entry + cycle, chargeClass: chargeClass,
            years: years, scratch: scratch)
          a = nextI
        }
        if nextC != b {
          stretches[rowC + b * rowLength + k] -= 2
          stretches[rowC + nextC * rowLength + k] += 2
          counting.shiftEnd(
            arm: 1, from: b, to: nextC, cycle: entry + cycle, chargeClass: chargeClass,
            years: years, scratch: scratch)
          b = nextC
        }
        bound = fast.bound(transitionClass, a, b)
      }
      stretches[rowI + a * rowLength + to] -= 2
      stretches[rowC + b * rowLength + to] -= 2
    }
    rng = generator
  }

  /// One arm of a person under independent pairing: it jumps to its own next move.
  @inline(__always)
  private static func alone(
    arm: Int, from initial: Int, entry: Int, spans: UnsafeBufferPointer<Segment>,
    range: Range<Int>, counting: Counting, fast: IndividualKernel.FastTables.Handle,
    jumps: JumpTables.Handle, years: UnsafeBufferPointer<Int32>,
    scratch: UnsafeMutableBufferPointer<Int>, stretches: UnsafeMutableBufferPointer<Int>,
    rng: inout Xoshiro256PlusPlus
  ) {
    var state = initial
    var generator = rng
    let rowLength = counting.rowLength
    for index in range {
      let span = spans[index]
      let to = Int(span.to)
      let chargeClass = Int(span.chargeClass)
      if span.marker >= 0 {
        scratch[counting.atCycle(Int(span.marker), arm: arm, state: state)] += 1
      }
      let row = counting.row(arm: arm, chargeClass: chargeClass) + entry
      stretches[row + state * rowLength + Int(span.from)] += 2
      let table = fast.table(arm: arm, transitionClass: Int(span.transitionClass), state: 0)
      var k = Int(span.from)
      var leave = fast.leave(table + state)
      while leave != 0 {
        let w = jumps.wait(table + state, generator.next())
        let cycle = k + w
        if cycle >= to { break }
        k = cycle
        if w == JumpTables.cap { continue }
        let next = fast.step(table: table + state, from: state, x: below(leave, &generator))
        k += 1
        guard next != state else { continue }
        stretches[row + state * rowLength + k] -= 2
        stretches[row + next * rowLength + k] += 2
        counting.shiftEnd(
          arm: arm, from: state, to: next, cycle: entry + cycle, chargeClass: chargeClass,
          years: years, scratch: scratch)
        state = next
        leave = fast.leave(table + state)
      }
      stretches[row + state * rowLength + to] -= 2
    }
    rng = generator
  }
}
