/// The individual kernel: every person simulated cycle by cycle in both arms.
///
/// Needed whenever people differ (person-scope parameters) and exact in every case. The
/// person × cycle loop reads flat tables prepared once per iteration, compares raw 53-bit
/// integers against integer thresholds (the same decision as comparing the uniform double),
/// and counts occupancy as integers in half-cycles, priced only once the iteration is done.
struct IndividualKernel {
  /// Half-cycles per (arm, year, state, charge class): 2 per counted cycle, 1 + 1 under
  /// `average` occupancy, so all three conventions stay integer.
  private var counts: [Int]
  /// The same for the current person, when some charge depends on person-scope parameters.
  private var personCounts: [Int]
  /// Persons per (occupancyAt index, arm, state).
  private var atCounts: [Int]
  /// For each cycle since entry, the first `occupancyAt` index that asks for it, or −1.
  private let atMarker: [Int32]
  private let personCharges: [Int]

  init(model: Model) {
    let size = 2 * model.years * model.stateCount * model.chargeClassCount
    counts = [Int](repeating: 0, count: size)
    personCharges = model.charges.indices.filter { model.charges[$0].dependsOnPerson }
    personCounts = [Int](repeating: 0, count: personCharges.isEmpty ? 0 : size)
    atCounts = [Int](repeating: 0, count: model.occupancyAt.count * 2 * model.stateCount)
    var marker = [Int32](repeating: -1, count: model.horizon)
    for (index, cycle) in model.occupancyAt.enumerated().reversed() where cycle < model.horizon {
      marker[cycle] = Int32(index)
    }
    atMarker = marker
  }

  /// Simulates one iteration's cohort into `tally`.
  /// - Parameters:
  ///   - tables: the iteration's tables; person-dependent entries are rewritten per person.
  ///   - rng: the iteration's stream, already past the iteration-scope draws.
  mutating func run(
    _ model: Model, _ tables: inout IterationTables, _ rng: inout Xoshiro256PlusPlus,
    into tally: inout Tally, iteration: Int
  ) throws(RunError) {
    for i in counts.indices { counts[i] = 0 }
    for i in atCounts.indices { atCounts[i] = 0 }
    let states = model.stateCount
    let classes = model.transitionClasses.count
    let chargeClasses = model.chargeClassCount
    let years = model.years
    let stride = tables.stride
    let coupled = model.pairing == .coupled
    let (weightStart, weightEnd): (Int, Int)
    switch model.occupancy {
    case .start: (weightStart, weightEnd) = (2, 0)
    case .end: (weightStart, weightEnd) = (0, 2)
    case .average: (weightStart, weightEnd) = (1, 1)
    }
    let trackPerson = !personCharges.isEmpty
    var personCycles = 0

    for entry in 0..<model.horizon where tables.entries[entry] > 0 {
      let cycles = model.horizon - entry
      for (c, at) in model.occupancyAt.enumerated() where at < cycles {
        tally.eligible[c] += Double(tables.entries[entry])
      }
      for _ in 0..<tables.entries[entry] {
        if model.hasPersonScope {
          try tables.drawPersonParameters(model, &rng, iteration: iteration)
          if model.transitionsDependOnPerson {
            try tables.buildTransitions(model, iteration: iteration)
          }
          if trackPerson {
            try tables.evaluateCharges(model, personOnly: true, iteration: iteration)
          }
        }
        let x = rng.next53()
        var stateI = Self.initialState(tables, arm: 0, states: states, x: x)
        var stateC = Self.initialState(
          tables, arm: 1, states: states, x: coupled ? x : rng.next53())
        for k in 0..<cycles {
          let year = Int(model.yearOf[entry + k])
          let chargeClass = Int(model.chargeClassOf[k])
          let transitionClass = Int(model.transitionClassOf[k])
          let marker = atMarker[k]
          if marker >= 0 {
            atCounts[(Int(marker) * 2) * states + stateI] += 1
            atCounts[(Int(marker) * 2 + 1) * states + stateC] += 1
          }
          let xI = rng.next53()
          let xC = coupled ? xI : rng.next53()
          let tableI = transitionClass * states + stateI
          let tableC = (classes + transitionClass) * states + stateC
          let nextI = Self.step(tables, table: tableI, stride: stride, from: stateI, x: xI)
          let nextC = Self.step(tables, table: tableC, stride: stride, from: stateC, x: xC)
          let baseI = year * states
          let baseC = (years + year) * states
          if weightStart != 0 {
            let i = (baseI + stateI) * chargeClasses + chargeClass
            let c = (baseC + stateC) * chargeClasses + chargeClass
            if trackPerson {
              personCounts[i] += weightStart
              personCounts[c] += weightStart
            } else {
              counts[i] += weightStart
              counts[c] += weightStart
            }
          }
          if weightEnd != 0 {
            let i = (baseI + nextI) * chargeClasses + chargeClass
            let c = (baseC + nextC) * chargeClasses + chargeClass
            if trackPerson {
              personCounts[i] += weightEnd
              personCounts[c] += weightEnd
            } else {
              counts[i] += weightEnd
              counts[c] += weightEnd
            }
          }
          stateI = nextI
          stateC = nextC
        }
        personCycles += 2 * cycles
        if trackPerson { pricePerson(model, tables, into: &tally) }
      }
    }

    for i in counts.indices { tally.occupancy[i] = Double(counts[i]) * 0.5 }
    for (index, cycle) in model.occupancyAt.enumerated() {
      // A repeated `occupancyAt` cycle reads the counts of its first occurrence.
      let source = cycle < model.horizon ? Int(atMarker[cycle]) : index
      for j in 0..<(2 * states) {
        tally.atCycle[index * 2 * states + j] = Double(atCounts[source * 2 * states + j])
      }
    }
    tally.personCycles = Double(personCycles)
  }

  /// Prices the current person's person-dependent charges, then folds the person's counts
  /// into the iteration's.
  private mutating func pricePerson(_ model: Model, _ tables: IterationTables, into tally: inout Tally) {
    let states = model.stateCount
    let chargeClasses = model.chargeClassCount
    for index in personCharges {
      let charge = model.charges[index]
      let rate = tables.chargeRates[index]
      for arm in 0..<2 where charge.arm == nil || charge.arm == arm {
        for year in 0..<model.years {
          var halfCycles = 0
          let base = ((arm * model.years + year) * states + charge.state) * chargeClasses
          for cls in 0..<chargeClasses where charge.active[cls] {
            halfCycles += personCounts[base + cls]
          }
          if halfCycles != 0 {
            tally.personAmounts[(arm * model.years + year) * model.targetCount + charge.target] +=
              Double(halfCycles) * 0.5 * rate
          }
        }
      }
    }
    for i in personCounts.indices where personCounts[i] != 0 {
      counts[i] += personCounts[i]
      personCounts[i] = 0
    }
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

  @inline(__always)
  private static func step(
    _ tables: IterationTables, table: Int, stride: Int, from state: Int, x: UInt64
  ) -> Int {
    let count = Int(tables.outgoingCount[table])
    var j = 0
    while j < count {
      if x < tables.thresholds[table * stride + j] {
        return Int(tables.destinations[table * stride + j])
      }
      j += 1
    }
    return state
  }
}
