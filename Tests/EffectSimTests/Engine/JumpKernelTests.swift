import Foundation
import Testing

@testable import EffectSim

/// The jump kernel's own arithmetic: the geometric wait tables against the closed form, the
/// guide against a plain scan, and occupancy counted exactly (every person-cycle once, in
/// whole half-cycles). Its agreement in distribution with the per-cycle kernel is in
/// `KernelAgreementTests`, `ClosedFormKernelTests` and `PairingTests`.
@Suite struct JumpKernelTests {
  typealias Tables = JumpKernel.JumpTables

  /// One wait row and guide row for leaving threshold `leave`.
  static func waitRow(_ leave: UInt64) -> [UInt64] {
    var storage = [UInt64](repeating: 0, count: 2 * Tables.row)
    storage.withUnsafeMutableBufferPointer { storage in
      Tables.fillWait(leave: leave, storage: storage, wait: 0, guide: Tables.row)
    }
    return storage
  }

  static let leaves: [UInt64] = [
    1 << 53, (1 << 53) - 1, 1 << 52, UInt64(0.054 * 0x1p53), UInt64(0.009 * 0x1p53),
    UInt64(1e-6 * 0x1p53), 1,
  ]

  @Test(arguments: leaves)
  func waitsAreGeometric(leave: UInt64) {
    let row = Self.waitRow(leave)
    let q = Double(leave) * 0x1p-53
    for w in 0..<Tables.cap {
      // P(W ≤ w) = 1 − (1 − q)^(w+1), computed without cancellation.
      let exact = -expm1(Double(w + 1) * log1p(-q))
      let table = row[w] == .max ? 1 : (Double(row[w]) + 1) * 0x1p-64
      #expect(
        abs(table - exact) <= 1e-13 * exact + 0x1p-64,
        "leave \(leave), w \(w): \(table) vs \(exact)")
      if w > 0 { #expect(row[w] >= row[w - 1]) }
    }
    #expect(row[Tables.cap] == .max)
  }

  @Test(arguments: leaves)
  func theGuideFindsWhatAScanFinds(leave: UInt64) {
    // A one-table layout: waits at 0, guides at `row`.
    let storage = Self.waitRow(leave)
    func scan(_ r: UInt64) -> Int {
      var w = 0
      while r > storage[w] { w += 1 }
      return w
    }
    var rng = Xoshiro256PlusPlus(seed: leave, stream: 3)
    var samples: [UInt64] = (0..<Tables.row).flatMap { bucket in
      let low = UInt64(bucket) << 58
      return [low, low | ((1 << 58) - 1)]
    }
    samples += storage[0..<Tables.cap].flatMap { [$0, $0 &+ 1] }
    samples += (0..<2000).map { _ in rng.next() }
    storage.withUnsafeBufferPointer { buffer in
      let jumps = Tables.Handle(
        storage: buffer, states: 1, waitOffset: 0, guideOffset: Tables.row, jointOffset: 0)
      for r in samples {
        #expect(jumps.wait(0, r) == scan(r), "leave \(leave), r \(r)")
      }
    }
  }

  /// `last(p)` = ⌈p · 2^64⌉ − 1, on both sides of 2^63 (where its conversion changes).
  @Test func lastIsTheLargestIntegerBelowTheProbability() {
    let one: UInt64 = 1
    #expect(Tables.last(0x1p-53) == (one << 11) - 1)
    #expect(Tables.last(1e-16) == 1844)  // 1e-16 · 2^64 = 1844.67…
    #expect(Tables.last(0.5) == (one << 63) - 1)
    #expect(Tables.last(0.3) == UInt64(0.3 * 0x1p64) - 1)
    #expect(Tables.last(0.75) == (3 * one << 62) - 1)
    #expect(Tables.last(1 - 0x1p-53) == UInt64.max - (one << 11))
    #expect(Tables.last(1) == .max)
  }

  @Test func aCertainMoveWaitsNoCycle() {
    let row = Self.waitRow(1 << 53)
    #expect(row[0] == .max)
  }

  /// Person-cycles each (arm, year) must hold, from the entries alone.
  static func personCyclesPerYear(_ model: Model, entries: [Int]) -> [Double] {
    var perYear = [Double](repeating: 0, count: model.years)
    for (entry, n) in entries.enumerated() where n > 0 {
      for cycle in entry..<model.horizon { perYear[Int(model.yearOf[cycle])] += Double(n) }
    }
    return perYear
  }

  static let scenarios: [(String, String)] =
    KernelAgreementTests.scenarios + [
      (
        "start, coupled",
        ClosedFormKernelTests.offGrid(occupancy: "start", pairing: "coupled").json
      ),
      (
        "end, independent",
        ClosedFormKernelTests.offGrid(occupancy: "end", pairing: "independent").json
      ),
    ]

  @Test(arguments: scenarios)
  func occupancyIsCountedExactly(name: String, json: String) throws {
    let model = try Fixtures.model(json)
    var worker = try Worker(model: model, layout: MetricLayout(model: model), kernel: .jump)
    let cells = CountCells(
      years: model.years, states: model.stateCount, chargeClasses: model.chargeClassCount)
    for iteration in 0..<25 {
      try worker.simulate(model, iteration, seed: 5)
      let tally = worker.tally
      let expected = Self.personCyclesPerYear(model, entries: worker.tables.entries)
      for arm in 0..<2 {
        for year in 0..<model.years {
          var total = 0.0
          for state in 0..<model.stateCount {
            for cls in 0..<model.chargeClassCount {
              let value = tally.occupancy[
                cells.index(arm: arm, year: year, state: state, chargeClass: cls)]
              #expect(value >= 0 && (2 * value).rounded() == 2 * value, "\(name): \(value)")
              total += value
            }
          }
          #expect(total == expected[year], "\(name), iteration \(iteration), arm \(arm), \(year)")
        }
        for c in model.occupancyAt.indices {
          let persons = (0..<model.stateCount).reduce(0.0) {
            $0 + tally.atCycle[tally.atCycleIndex(c, arm: arm, state: $1)]
          }
          #expect(persons == tally.eligible[c], "\(name): at \(model.occupancyAt[c])")
        }
      }
      #expect(tally.personCycles == 2 * expected.reduce(0, +))
    }
  }

  /// Moves of probability 1 in short windows, 0 elsewhere: every path is fixed, so the jump
  /// kernel must count exactly what the per-cycle kernel counts, cell for cell — moves in the
  /// last and first cycle of a year, across cost windows, at `occupancyAt` cycles.
  static func certainMoves(occupancy: String, pairing: String) -> String {
    """
    {"format": "effectsim/1", "name": "certain moves", "start": 2020, "years": 3,
     "occupancy": "\(occupancy)", "pairing": "\(pairing)",
     "states": [
       {"id": "a", "costs": [{"area": "Overførsler", "perCycle": 1000}]},
       {"id": "b", "costs": [{"area": "Service", "perCycle": 300, "cycles": [3, 20]}]},
       {"id": "c", "costs": [{"area": "Overførsler", "perCycle": 700}]}],
     "arms": {
       "intervention": {"transitions": [
         {"from": "a", "to": "b", "p": 1, "cycles": [11, 12]},
         {"from": "b", "to": "c", "p": 1, "cycles": [23, 24]},
         {"from": "c", "to": "a", "p": 1, "cycles": [24, 25]}]},
       "control": {"initial": {"a": 1, "c": 1}, "transitions": [
         {"from": "a", "to": "c", "p": 1, "cycles": [0, 1]},
         {"from": "c", "to": "b", "p": 1, "cycles": [12, 13]},
         {"from": "b", "to": "a", "p": 1, "cycles": [30]}]}},
     "cohort": {"intake": [{"year": 2020, "count": 12, "spread": "even"},
                           {"year": 2021, "count": 3}]},
     "report": {"occupancyAt": [0, 11, 12, 24, 12]}}
    """
  }

  @Test(arguments: ["start", "end", "average"], ["coupled", "independent"])
  func certainPathsAreCountedAsThePerCycleKernelCountsThem(
    occupancy: String, pairing: String
  ) throws {
    let model = try Fixtures.model(Self.certainMoves(occupancy: occupancy, pairing: pairing))
    let layout = MetricLayout(model: model)
    var jump = try Worker(model: model, layout: layout, kernel: .jump)
    var individual = try Worker(model: model, layout: layout, kernel: .individual)
    for iteration in 0..<4 {
      try jump.simulate(model, iteration, seed: 3)
      try individual.simulate(model, iteration, seed: 3)
      #expect(jump.tally.occupancy == individual.tally.occupancy, "iteration \(iteration)")
      #expect(jump.tally.atCycle == individual.tally.atCycle)
      #expect(jump.tally.eligible == individual.tally.eligible)
      #expect(jump.tally.personCycles == individual.tally.personCycles)
    }
  }

  /// Waits longer than a wait row (63 cycles) are continued by skipping exactly 63 cycles: a
  /// rare move over ten years of monthly cycles, in one span (no `occupancyAt` cut before
  /// cycle 119), has the closed-form survival (1 − p)^k. Skipping one cycle too many would
  /// leave about p · (1 − p)^k more people in `benefit` at k = 119: 0.003 at p = 0.008, some
  /// 7 standard errors of this run.
  @Test(arguments: ["coupled", "independent"])
  func longWaitsSkipExactlyOneRow(pairing: String) throws {
    let json = Fixtures.twoState(
      pIntervention: "0.008", pControl: "0.004", years: 10, count: "300",
      extra: #", "pairing": "\#(pairing)", "report": {"occupancyAt": [119]}"#)
    let summary = try Simulation.monteCarlo(
      try Fixtures.model(json), options: RunOptions(iterations: 4000, seed: 12, kernel: .jump))
    for (at, cycle) in zip(summary.occupancy, [119.0]) {
      for (arm, p) in [(at.intervention, 0.008), (at.control, 0.004)] {
        let share = try #require(arm.first { $0.0 == "benefit" }).1
        let expected = pow(1 - p, cycle)
        #expect(
          abs(share.mean - expected) <= 4 * share.mcse,
          "\(pairing), cycle \(cycle), p \(p): \(share.mean) vs \(expected) ± \(share.mcse)")
      }
    }
  }

  @Test func continuousPersonScopeThatChangesSomethingIsRefused() throws {
    let json = Fixtures.twoState(
      pIntervention: "0.1 * grit", pControl: "0.05",
      parameters: #"{"grit": {"uniform": {"min": 0.5, "max": 1.5}, "scope": "person"}}"#)
    let model = try Fixtures.model(json)
    #expect {
      _ = try Simulation.kernel(for: model, choice: .jump)
    } throws: { error in
      "\(error)".contains("\"grit\"") && "\(error)".contains("jump kernel")
    }
    #expect(try Simulation.kernel(for: model, choice: .auto) == .individual)
    let inert = Fixtures.twoState(
      pIntervention: "0.1", pControl: "0.05",
      parameters: #"{"grit": {"uniform": {"min": 0.5, "max": 1.5}, "scope": "person"}}"#)
    #expect(try Simulation.kernel(for: try Fixtures.model(inert), choice: .jump) == .jump)
  }

  /// The jump kernel sees stretches, not cycles: a clock of weeks on the refusion staircase
  /// and amounts on the moves along each transition are refused by name, and `auto` never
  /// picks it for them (a silent jump would price the staircase at no share and drop every
  /// move's cost).
  @Test func theStaircaseAndAmountsOnTransitionsAreRefused() throws {
    let staircase = try Fixtures.model(
      StaircaseTests.scenario(
        transitions: #"{"from": "benefit", "to": "job", "p": 0.1}"#, count: 200))
    let moves = try Fixtures.model(TransitionChargeTests.scenario(pI: "0.05", pC: "0.02"))
    for (model, words) in [(staircase, "staircase"), (moves, "transitions")] {
      #expect {
        _ = try Simulation.kernel(for: model, choice: .jump)
      } throws: { error in
        "\(error)".contains(words) && "\(error)".contains("jump kernel")
      }
      #expect(try Simulation.kernel(for: model, choice: .auto) != .jump, "\(words)")
    }
  }
}
