/// The deterministic kernel: moves fractional people through the expected cohort trace, the
/// way a spreadsheet business case does.
///
/// People who enter in the same cycle share every transition table (tables depend only on the
/// cycles since entry), so one distribution vector per entry cycle and arm is exact. It walks
/// the plan's segments, markers and convention as the Monte Carlo kernels do.
enum ExpectedTrace {
  /// Fills `tally` with the expected person-cycles of the cohort described by `tables`.
  /// - Complexity: O(entry cycles × horizon × (states + transitions)).
  static func run(
    _ model: Model, _ plan: KernelPlan, _ tables: IterationTables, into tally: inout Tally
  ) {
    if model.usesStaircase {
      StaircaseTrace.run(model, plan, tables, into: &tally)
    } else if tally.moves.isEmpty {
      trace(model, plan, tables, into: &tally, moves: NoMoves())
    } else {
      trace(
        model, plan, tables, into: &tally, moves: SlotMoves(slots: TransitionSlots(model: model)))
    }
  }

  /// The trace, with the counting of moves fixed at compile time: without amounts on
  /// transitions (the common case, run often by the drivers) it counts nothing.
  @inline(__always)
  private static func trace<Moves: MoveCounter>(
    _ model: Model, _ plan: KernelPlan, _ tables: IterationTables, into tally: inout Tally,
    moves: Moves
  ) {
    let states = model.stateCount
    // Half-cycles as fractions of a person-cycle: exactly 1, ½ or 0.
    let weightStart = Double(plan.halfCycles.start) * 0.5
    let weightEnd = Double(plan.halfCycles.end) * 0.5
    var distribution = [Double](repeating: 0, count: states)
    var next = [Double](repeating: 0, count: states)
    for entry in 0..<model.horizon where tables.entries[entry] > 0 {
      let people = Double(tables.entries[entry])
      plan.countEntering(tables.entries[entry], entry: entry, into: &tally)
      for arm in 0..<2 {
        for s in 0..<states { distribution[s] = 0 }
        var previous = 0.0
        for j in 0..<Int(tables.initialCount[arm]) {
          let cumulative = tables.initialCumulative[arm * states + j]
          distribution[Int(tables.initialStates[arm * states + j])] +=
            (cumulative - previous) * people
          previous = cumulative
        }
        for index in plan.segments(entry: entry) {
          let segment = plan.segments[index]
          let year = Int(segment.year)
          let chargeClass = Int(segment.chargeClass)
          if segment.marker >= 0 {
            for s in 0..<states {
              tally.atCycle[tally.atCycleIndex(Int(segment.marker), arm: arm, state: s)] +=
                distribution[s]
            }
          }
          for _ in segment.cycles {
            for s in 0..<states { next[s] = 0 }
            for s in 0..<states where distribution[s] != 0 {
              let mass = distribution[s]
              let table = tables.table(
                arm: arm, transitionClass: Int(segment.transitionClass), state: s)
              var previousCumulative = 0.0
              for j in 0..<Int(tables.outgoingCount[table]) {
                let cumulative = tables.cumulative[table * tables.stride + j]
                next[Int(tables.destinations[table * tables.stride + j])] +=
                  mass * (cumulative - previousCumulative)
                moves.add(
                  mass * (cumulative - previousCumulative), table: table, slot: j, year: year,
                  years: model.years, into: &tally)
                previousCumulative = cumulative
              }
              next[s] += mass * (1 - previousCumulative)
            }
            for s in 0..<states {
              let counted = weightStart * distribution[s] + weightEnd * next[s]
              if counted != 0 {
                tally.occupancy[
                  plan.cells.index(arm: arm, year: year, state: s, chargeClass: chargeClass)] +=
                  counted
              }
            }
            swap(&distribution, &next)
          }
        }
        tally.personCycles += people * Double(model.horizon - entry)
      }
    }
    plan.repeatShares(in: &tally)
  }
}

/// How the expected trace counts moves per transition: not at all, or by table slot.
protocol MoveCounter {
  /// Adds `amount` expected persons moving along slot `slot` of `table` in `year`.
  func add(_ amount: Double, table: Int, slot: Int, year: Int, years: Int, into tally: inout Tally)
}

struct NoMoves: MoveCounter {
  @inline(__always)
  func add(_ amount: Double, table: Int, slot: Int, year: Int, years: Int, into tally: inout Tally)
  {}
}

struct SlotMoves: MoveCounter {
  let slots: TransitionSlots

  @inline(__always)
  func add(_ amount: Double, table: Int, slot: Int, year: Int, years: Int, into tally: inout Tally)
  {
    // Expected persons moving along the transition, in the year of the move.
    tally.moves[slots.transition(table: table, slot: slot) * years + year] += amount
  }
}
