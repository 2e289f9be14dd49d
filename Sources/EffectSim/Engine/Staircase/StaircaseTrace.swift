/// The expected cohort trace for scenarios priced on the refusion staircase: fractional people
/// moved over (state, clock position, consecutive self-support), so that deterministic mode
/// prices each cycle at the share the people in it are at, exactly.
///
/// Transitions do not depend on the clock, so (state, clock) is a Markov chain. Its clock
/// positions are those reachable from the entry clock (`ClockSpace`); they are finitely many
/// because every clock past the last band behaves alike (`RefusionClock.canonical`).
enum StaircaseTrace {
  /// Fills `tally` (occupancy, staircase-weighted occupancy, moves, `occupancyAt`) with the
  /// expected values of the cohort described by `tables`, whose `entryWeeks` is everyone's
  /// clock at entry.
  ///
  /// Transitions, charges and `occupancyAt` depend on the cycles since entry, not on the
  /// calendar, so one person's expected path per arm serves every entry cycle: it is traced
  /// once over the longest stay, then added, times the people entering, into the calendar
  /// years of each entry.
  /// - Complexity: O(horizon × states × clock positions × (transitions + 1)) for the trace,
  ///   skipping empty cells (clock positions: at most about 50 × 25 monthly), plus
  ///   O(entry cycles × horizon × (states + transitions)) to place it.
  static func run(
    _ model: Model, _ plan: KernelPlan, _ tables: IterationTables, into tally: inout Tally
  ) {
    guard let first = (0..<model.horizon).first(where: { tables.entries[$0] > 0 }) else {
      return
    }
    let states = model.stateCount
    let transitions = tally.moves.isEmpty ? 0 : model.transitionCount
    for arm in 0..<2 {
      let path = PersonTrace(model, plan, tables, arm: arm, longest: plan.segments(entry: first))
      for entry in first..<model.horizon where tables.entries[entry] > 0 {
        let people = Double(tables.entries[entry])
        for index in plan.segments(entry: entry) {
          let segment = plan.segments[index]
          let year = Int(segment.year)
          if segment.marker >= 0 {
            let k = Int(segment.from)
            for s in 0..<states {
              tally.atCycle[tally.atCycleIndex(Int(segment.marker), arm: arm, state: s)] +=
                people * path.held[k * states + s]
            }
          }
          for k in segment.cycles {
            for s in 0..<states {
              let cell = plan.cells.index(
                arm: arm, year: year, state: s, chargeClass: Int(segment.chargeClass))
              tally.occupancy[cell] += people * path.occupancy[k * states + s]
              tally.staircase[cell] += people * path.staircase[k * states + s]
            }
            for t in 0..<transitions {
              tally.moves[t * model.years + year] += people * path.moves[k * transitions + t]
            }
          }
        }
      }
    }
    for entry in first..<model.horizon where tables.entries[entry] > 0 {
      plan.countEntering(tables.entries[entry], entry: entry, into: &tally)
      tally.personCycles += 2 * Double(tables.entries[entry]) * Double(model.horizon - entry)
    }
    plan.repeatShares(in: &tally)
  }

  /// One person's expected path in one arm, per cycle since entry: the state held at the start
  /// of the cycle, the occupancy and staircase shares counted in it, and the moves at its end.
  struct PersonTrace {
    /// Per (cycle, state): probability of holding the state at the start of the cycle.
    var held: [Double]
    /// Per (cycle, state): the cycle counted in the state (per `occupancy`), and that times
    /// the staircase share of its covered halves.
    var occupancy: [Double]
    var staircase: [Double]
    /// Per (cycle, transition): probability of moving along it at the end of the cycle.
    var moves: [Double]

    /// - Parameter longest: the plan's segments of the first entry cycle, which cover every
    ///   cycle since entry any person reaches.
    init(
      _ model: Model, _ plan: KernelPlan, _ tables: IterationTables, arm: Int,
      longest: Range<Int>
    ) {
      let states = model.stateCount
      let cycles = longest.isEmpty ? 0 : Int(plan.segments[longest.upperBound - 1].to)
      let rule = RefusionClock.Rule(cyclesPerYear: model.cyclesPerYear)
      let space = ClockSpace(entry: RefusionClock(weeks: tables.entryWeeks, rule), rule: rule)
      let keys = space.count
      let kinds = StaircaseKinds(model: model)
      let slots = TransitionSlots(model: model)
      let transitions = model.transitionCharges.isEmpty ? 0 : model.transitionCount
      // Which states the two halves of a cycle are counted in: from (0) or to (1); the plan's
      // convention (`start` (2, 0): both from; `end` (0, 2): both to; `average`: one each).
      let halves = (plan.halfCycles.end == 2 ? 1 : 0, plan.halfCycles.end > 0 ? 1 : 0)
      held = [Double](repeating: 0, count: cycles * states)
      occupancy = [Double](repeating: 0, count: cycles * states)
      staircase = [Double](repeating: 0, count: cycles * states)
      moves = [Double](repeating: 0, count: cycles * transitions)
      var distribution = [Double](repeating: 0, count: states * keys)
      var next = [Double](repeating: 0, count: states * keys)
      var outgoing: [(to: Int, p: Double, transition: Int)] = []
      var previous = 0.0
      for j in 0..<Int(tables.initialCount[arm]) {
        let cumulative = tables.initialCumulative[arm * states + j]
        distribution[Int(tables.initialStates[arm * states + j]) * keys + space.entry] +=
          cumulative - previous
        previous = cumulative
      }
      // The transition class of each cycle since entry, from the plan's segments.
      var transitionClass = [Int](repeating: 0, count: cycles)
      for index in longest {
        let segment = plan.segments[index]
        for k in segment.cycles { transitionClass[k] = Int(segment.transitionClass) }
      }
      for k in 0..<cycles {
        let table = tables.table(arm: arm, transitionClass: transitionClass[k], state: 0)
        for i in next.indices { next[i] = 0 }
        for s in 0..<states {
          // The moves out of `s` this cycle, "stay" last.
          outgoing.removeAll(keepingCapacity: true)
          let count = Int(tables.outgoingCount[table + s])
          var previousCumulative = 0.0
          for j in 0..<count {
            let cumulative = tables.cumulative[(table + s) * tables.stride + j]
            outgoing.append(
              (
                Int(tables.destinations[(table + s) * tables.stride + j]),
                cumulative - previousCumulative, slots.transition(table: table + s, slot: j)
              ))
            previousCumulative = cumulative
          }
          outgoing.append((s, 1 - previousCumulative, -1))
          for key in 0..<keys where distribution[s * keys + key] != 0 {
            let mass = distribution[s * keys + key]
            held[k * states + s] += mass
            for move in outgoing where move.p != 0 {
              let moving = mass * move.p
              let first = halves.0 == 0 ? s : move.to
              let second = halves.1 == 0 ? s : move.to
              let middle = space.next(key, kinds[first])
              let after = space.next(middle, kinds[second])
              for half in 0..<2 {
                let state = half == 0 ? first : second
                occupancy[k * states + state] += 0.5 * moving
                if kinds[state] == .covered {
                  staircase[k * states + state] +=
                    0.5 * moving * space.share[half == 0 ? key : middle]
                }
              }
              next[move.to * keys + after] += moving
              if transitions > 0 && move.transition >= 0 {
                moves[k * transitions + move.transition] += moving
              }
            }
          }
        }
        swap(&distribution, &next)
      }
    }
  }

  /// The clock positions reachable from one entry clock, numbered, with where one half-cycle
  /// of each kind leads and the share a covered half pays.
  struct ClockSpace {
    /// Index of the entry clock.
    let entry: Int
    var count: Int { share.count }
    /// Per position: the share of a covered half-cycle there.
    let share: [Double]
    /// Per position and `RefusionClock.Kind`: the position after one half-cycle.
    private let successor: [Int]

    init(entry clock: RefusionClock, rule: RefusionClock.Rule) {
      var positions = [clock.canonical(rule)]
      var index = [positions[0]: 0]
      var share: [Double] = []
      var successor: [Int] = []
      var i = 0
      // Breadth first: each position's successors are numbered as they are first reached.
      while i < positions.count {
        let position = positions[i]
        for kind in [RefusionClock.Kind.selfSupport, .covered, .paused] {
          var after = position
          let paid = after.advance(kind, rule)
          if kind == .covered { share.append(paid) }
          after = after.canonical(rule)
          if let known = index[after] {
            successor.append(known)
          } else {
            index[after] = positions.count
            successor.append(positions.count)
            positions.append(after)
          }
        }
        i += 1
      }
      entry = 0
      self.share = share
      self.successor = successor
    }

    /// The position after one half-cycle of `kind` from position `key`.
    func next(_ key: Int, _ kind: RefusionClock.Kind) -> Int {
      successor[key * 3 + Int(kind.rawValue)]
    }
  }
}

/// Per state, what time in it does to the refusion clock.
struct StaircaseKinds: Sendable {
  let kinds: [RefusionClock.Kind]

  init(model: Model) {
    kinds = model.covered.indices.map { state in
      model.covered[state] ? .covered : model.selfSupport[state] ? .selfSupport : .paused
    }
  }

  subscript(state: Int) -> RefusionClock.Kind { kinds[state] }
}
