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
  /// - Complexity: O(entry cycles × horizon × states × clock positions × (transitions + 1)),
  ///   skipping empty cells; clock positions are at most about 50 × 25 (monthly).
  static func run(_ model: Model, _ tables: IterationTables, into tally: inout Tally) {
    let states = model.stateCount
    let classes = model.transitionClasses.count
    let rule = RefusionClock.Rule(cyclesPerYear: model.cyclesPerYear)
    let space = ClockSpace(entry: RefusionClock(weeks: tables.entryWeeks, rule), rule: rule)
    let keys = space.count
    let kinds = StaircaseKinds(model: model)
    let slots = TransitionSlots(model: model)
    let countMoves = !tally.moves.isEmpty
    // Which states the two halves of a cycle are counted in: from (0) or to (1).
    let halves: (Int, Int)
    switch model.occupancy {
    case .start: halves = (0, 0)
    case .end: halves = (1, 1)
    case .average: halves = (0, 1)
    }
    var distribution = [Double](repeating: 0, count: states * keys)
    var next = [Double](repeating: 0, count: states * keys)
    var moves: [(to: Int, p: Double, transition: Int)] = []
    for entry in 0..<model.horizon where tables.entries[entry] > 0 {
      let people = Double(tables.entries[entry])
      let cycles = model.horizon - entry
      for (c, at) in model.occupancyAt.enumerated() where at < cycles {
        tally.eligible[c] += people
      }
      for arm in 0..<2 {
        for i in distribution.indices { distribution[i] = 0 }
        var previous = 0.0
        for j in 0..<Int(tables.initialCount[arm]) {
          let cumulative = tables.initialCumulative[arm * states + j]
          distribution[Int(tables.initialStates[arm * states + j]) * keys + space.entry] +=
            (cumulative - previous) * people
          previous = cumulative
        }
        for k in 0..<cycles {
          let year = Int(model.yearOf[entry + k])
          let chargeClass = Int(model.chargeClassOf[k])
          let table = (arm * classes + Int(model.transitionClassOf[k])) * states
          for (c, at) in model.occupancyAt.enumerated() where at == k {
            for s in 0..<states {
              var mass = 0.0
              for key in 0..<keys { mass += distribution[s * keys + key] }
              tally.atCycle[(c * 2 + arm) * states + s] += mass
            }
          }
          for i in next.indices { next[i] = 0 }
          for s in 0..<states {
            // The moves out of `s` this cycle, "stay" last.
            moves.removeAll(keepingCapacity: true)
            let count = Int(tables.outgoingCount[table + s])
            var previousCumulative = 0.0
            for j in 0..<count {
              let cumulative = tables.cumulative[(table + s) * tables.stride + j]
              moves.append(
                (
                  Int(tables.destinations[(table + s) * tables.stride + j]),
                  cumulative - previousCumulative, slots.transition(table: table + s, slot: j)
                ))
              previousCumulative = cumulative
            }
            moves.append((s, 1 - previousCumulative, -1))
            for key in 0..<keys where distribution[s * keys + key] != 0 {
              let mass = distribution[s * keys + key]
              for move in moves where move.p != 0 {
                let moving = mass * move.p
                let first = halves.0 == 0 ? s : move.to
                let second = halves.1 == 0 ? s : move.to
                let middle = space.next(key, kinds[first])
                let after = space.next(middle, kinds[second])
                for half in 0..<2 {
                  let state = half == 0 ? first : second
                  let cell = tally.occupancyIndex(
                    arm: arm, year: year, state: state, chargeClass: chargeClass)
                  tally.occupancy[cell] += 0.5 * moving
                  if kinds[state] == .covered {
                    tally.staircase[cell] += 0.5 * moving * space.share[half == 0 ? key : middle]
                  }
                }
                next[move.to * keys + after] += moving
                if countMoves && move.transition >= 0 {
                  tally.moves[move.transition * model.years + year] += moving
                }
              }
            }
          }
          swap(&distribution, &next)
        }
        tally.personCycles += people * Double(cycles)
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
