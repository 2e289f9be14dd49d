import Foundation
import Testing

@testable import EffectSim

/// The individual kernel's per-person path prices person-dependent charges from the cells a
/// person occupied (`IndividualKernel.PersonPricing`): against its closed form on paths that
/// are known exactly, and against a pass over every priced cell, bit for bit.
@Suite struct PersonPricingTests {
  /// Continuous person-scope parameters in transitions and charges (so a person's rate and
  /// occupancy go together), two charges of one state and area, one limited to a window.
  static func continuous(pairing: String, occupancy: String) -> String {
    """
    {"format": "effectsim/1", "name": "continuous people", "start": 2020, "years": 3,
     "occupancy": "\(occupancy)", "pairing": "\(pairing)",
     "parameters": {
       "level": {"uniform": {"min": 7000, "max": 15000}, "scope": "person"},
       "ready": {"pert": {"min": 0.2, "mode": 0.6, "max": 1}, "scope": "person"},
       "effect": {"beta": {"successes": 30, "trials": 100}}},
     "states": [
       {"id": "benefit", "costs": [{"area": "Overførsler", "perCycle": "level"},
                                   {"area": "Overførsler", "perCycle": "level * ready",
                                    "cycles": [3, 14]},
                                   {"area": "Service", "perCycle": 800, "arm": "intervention"}]},
       {"id": "job", "outcomes": {"employed": "ready / cyclesPerYear"}},
       {"id": "retired", "costs": [{"area": "Overførsler", "perCycle": "level * 1.1",
                                    "arm": "control"}]}],
     "arms": {
       "intervention": {"transitions": [
         {"from": "benefit", "to": "job", "p": "ready * reach(effect + 0.1, 12)", "cycles": [0, 12]},
         {"from": "benefit", "to": "job", "p": "ready * 0.01", "cycles": [12]},
         {"from": "benefit", "to": "retired", "p": 0.004},
         {"from": "job", "to": "benefit", "p": "0.05 * (1 - ready)"}]},
       "control": {"transitions": [
         {"from": "benefit", "to": "job", "p": "ready * reach(effect, 12)", "cycles": [0, 12]},
         {"from": "benefit", "to": "job", "p": "ready * 0.01", "cycles": [12]},
         {"from": "benefit", "to": "retired", "p": 0.004},
         {"from": "job", "to": "benefit", "p": 0.02}]}},
     "cohort": {"intake": [{"year": 2020, "count": 30, "spread": "even"},
                           {"year": 2021, "count": 12, "spread": "even"}]},
     "report": {"occupancyAt": [12]}}
    """
  }

  /// One iteration through the individual kernel's per-person path.
  static func tally(
    _ model: Model, iteration: Int, everyCell: Bool, kinds: Bool = false
  ) throws -> Tally {
    try Fixtures.tally(
      model, seed: 23, iteration: iteration,
      kernel: IndividualKernel(model: model, usesKinds: kinds, pricesEveryCell: everyCell))
  }

  static func expectBitForBit(_ model: Model, iterations: Int) throws {
    for iteration in 0..<iterations {
      let occupied = try tally(model, iteration: iteration, everyCell: false)
      let every = try tally(model, iteration: iteration, everyCell: true)
      #expect(occupied.occupancy == every.occupancy, "iteration \(iteration)")
      #expect(occupied.personAmounts.map(\.bitPattern) == every.personAmounts.map(\.bitPattern),
        "iteration \(iteration)")
      #expect(occupied.personAmounts.contains { $0 != 0 })
    }
  }

  @Test(arguments: ["coupled", "independent"], ["start", "end", "average"])
  func occupiedCellsPriceAsEveryCellBitForBit(pairing: String, occupancy: String) throws {
    let model = try Fixtures.model(Self.continuous(pairing: pairing, occupancy: occupancy))
    #expect(PersonKinds(model: model) == nil)
    try Self.expectBitForBit(model, iterations: 6)
  }

  /// The bundled scenarios' discrete person-scope parameters through the per-person path.
  @Test(arguments: BundledScenarioTests.files)
  func bundledScenariosPriceAsEveryCellBitForBit(file: String) throws {
    let model = try BundledScenarioTests.model(file)
    guard !model.personCharges.isEmpty else { return }
    try Self.expectBitForBit(model, iterations: 2)
  }

  /// Paths known exactly: everyone starts in `a` and moves to `b` in cycle 4 since entry
  /// (intervention) or cycle 6 (control); people enter through two calendar years, so their
  /// cycles fall into the years differently; each has their own continuous `level`.
  static func paths(pairing: String, occupancy: String) -> String {
    """
    {"format": "effectsim/1", "name": "known paths", "start": 2020, "years": 3,
     "occupancy": "\(occupancy)", "pairing": "\(pairing)",
     "parameters": {"level": {"uniform": {"min": 500, "max": 1500}, "scope": "person"}},
     "states": [
       {"id": "a", "costs": [{"area": "Overførsler", "perCycle": "level"},
                             {"area": "Overførsler", "perCycle": "3 * level", "cycles": [2, 4],
                              "arm": "intervention"}]},
       {"id": "b", "costs": [{"area": "Service", "perCycle": "2 * level", "arm": "control"}]}],
     "arms": {"intervention": {"transitions": [{"from": "a", "to": "b", "p": 1, "cycles": [4, 5]}]},
              "control": {"transitions": [{"from": "a", "to": "b", "p": 1, "cycles": [6, 7]}]}},
     "cohort": {"intake": [{"year": 2020, "count": 7, "spread": "even"},
                           {"year": 2021, "count": 5, "spread": "even"},
                           {"year": 2022, "count": 2}]}}
    """
  }

  @Test(arguments: ["coupled", "independent"], ["start", "end", "average"])
  func amountsMatchTheirClosedFormOnKnownPaths(pairing: String, occupancy: String) throws {
    let model = try Fixtures.model(Self.paths(pairing: pairing, occupancy: occupancy))
    for iteration in 0..<3 {
      var tables = IterationTables(model: model)
      let streams = IterationStreams(seed: 23, iteration: iteration)
      try tables.drawIterationParameters(model, streams, iteration: iteration)
      try tables.prepareIteration(model, iteration: iteration)
      // Each person's level and entry, drawn as the kernel draws them.
      var people: [(entry: Int, level: Double)] = []
      for (entry, count) in tables.entries.enumerated() {
        for _ in 0..<count {
          var draws = tables
          try draws.drawPersonParameters(
            model, personKey: streams.personKey(people.count), iteration: iteration)
          people.append((entry, draws.values[model.personDraws[0].slot]))
        }
      }
      #expect(people.count == 14)
      #expect(Set(people.map(\.level)).count == 14)
      let transfers = try #require(model.areas.firstIndex(of: "Overførsler"))
      let service = try #require(model.areas.firstIndex(of: "Service"))
      let tallies = try [false, true].map {
        try Self.tally(model, iteration: iteration, everyCell: $0)
      }
      let tally = tallies[0]
      var expected = [Double](repeating: 0, count: tally.personAmounts.count)
      for person in people {
        for k in 0..<(model.horizon - person.entry) {
          let year = Int(model.yearOf[person.entry + k])
          for (arm, move) in [(0, 4), (1, 6)] {
            // Half-cycles of cycle k in `a`: the state at its start counts `start`, the state
            // after its transition `end`.
            let halves = k < move ? 2 : k > move ? 0 : model.occupancy.halfCycles.start
            var inA = Double(halves) * 0.5 * person.level
            if arm == 0 && (2..<4).contains(k) { inA += Double(halves) * 0.5 * 3 * person.level }
            expected[tally.amountIndex(arm: arm, year: year, target: transfers)] += inA
            if arm == 1 {
              expected[tally.amountIndex(arm: 1, year: year, target: service)] +=
                Double(2 - halves) * 0.5 * 2 * person.level
            }
          }
        }
      }
      for tally in tallies {
        for (index, (got, want)) in zip(tally.personAmounts, expected).enumerated() {
          #expect(
            abs(got - want) <= 1e-12 * max(abs(want), 1), "amount \(index): \(got) vs \(want)")
        }
      }
    }
  }

  /// The kernel prices the cells a person occupied only where that is cheaper than a pass over
  /// every priced cell: when the person charges price many cells per segment of a person.
  @Test func occupiedCellsArePickedForManyPricedCells() throws {
    let few = try Fixtures.model(Self.paths(pairing: "coupled", occupancy: "start"))
    #expect(!IndividualKernel.PersonPricing.prefersOccupiedCells(KernelPlan(model: few)))
    let costs = (0..<12).map { #"{"area": "Area \#($0)", "perCycle": "level * \#($0 + 1)"}"# }
    let many = try Fixtures.model(
      Self.paths(pairing: "coupled", occupancy: "start").replacingOccurrences(
        of: #"{"area": "Service", "perCycle": "2 * level", "arm": "control"}"#,
        with: costs.joined(separator: ", ")))
    #expect(IndividualKernel.PersonPricing.prefersOccupiedCells(KernelPlan(model: many)))
  }
}
