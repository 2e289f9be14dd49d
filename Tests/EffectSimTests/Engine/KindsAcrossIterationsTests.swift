import Foundation
import Testing

@testable import EffectSim

/// One individual kernel kept through many iterations, as a worker keeps it, against a fresh
/// kernel for every iteration: the blocks of kinds an iteration does not draw hold an earlier
/// iteration's counts (`blocksInUse`), and a kind's charge rates and entry clock, where they
/// cannot change, are evaluated once per run (`preparesKindsOnce`) — neither may change a
/// number.
@Suite struct KindsAcrossIterationsTests {
  /// Each iteration's tally from one kernel run through `iterations` in order.
  static func keptKernel(_ model: Model, seed: UInt64, iterations: Int) throws -> [Tally] {
    var kernel = IndividualKernel(model: model)
    var tallies: [Tally] = []
    for iteration in 0..<iterations {
      var tables = IterationTables(model: model)
      let streams = IterationStreams(seed: seed, iteration: iteration)
      try tables.drawIterationParameters(model, streams, iteration: iteration)
      try tables.prepareIteration(model, iteration: iteration)
      var tally = Tally(model: model)
      try kernel.run(model, &tables, streams, into: &tally, iteration: iteration)
      tallies.append(tally)
    }
    return tallies
  }

  /// `keptKernel` against a fresh kernel per iteration that prepares every kind it draws:
  /// the same sums in the same order, so equal to the bit.
  static func expectKeptEqualsFresh(_ model: Model, iterations: Int) throws {
    let kept = try keptKernel(model, seed: 23, iterations: iterations)
    for iteration in 0..<iterations {
      let fresh = try Fixtures.tally(
        model, seed: 23, iteration: iteration,
        kernel: IndividualKernel(model: model, preparesKindsOnce: false))
      #expect(kept[iteration].occupancy == fresh.occupancy, "iteration \(iteration)")
      #expect(kept[iteration].atCycle == fresh.atCycle, "iteration \(iteration)")
      #expect(kept[iteration].personAmounts == fresh.personAmounts, "iteration \(iteration)")
      #expect(kept[iteration].staircase == fresh.staircase, "iteration \(iteration)")
    }
  }

  /// Rebild's 15 people draw a different handful of its 21 kinds every iteration; the larger
  /// cohorts draw nearly all of them.
  @Test(arguments: BundledScenarioTests.files)
  func aKeptKernelGivesEveryIterationsNumbers(file: String) throws {
    try Self.expectKeptEqualsFresh(try BundledScenarioTests.model(file), iterations: 12)
  }

  /// Kinds whose transitions read the person (and an iteration draw): their tables are built
  /// again in every iteration, though their charges are kept.
  @Test(arguments: ["coupled", "independent"])
  func kindsWithTheirOwnTransitionsAreRebuiltEachIteration(pairing: String) throws {
    let model = try Fixtures.model(PersonKindsTests.personScope(pairing))
    #expect(model.transitionsDependOnPerson)
    try Self.expectKeptEqualsFresh(model, iterations: 12)
  }

  /// A few people with a person-scope benefit level priced `charge`, `clock` weeks on
  /// benefits at entry, and an uncertain `inflation` with a derived `factor`. The entry
  /// weeks stay below 52 even doubled, so a clock that moves with `factor` moves the shares.
  static func scenario(charge: String, clock: String = "0") -> String {
    """
    {"format": "effectsim/1", "name": "kind values", "start": 2020, "years": 2,
     "parameters": {
       "level": {"discrete": {"values": [11000, 7000, 15000], "weights": [0.5, 0.3, 0.2]},
                 "scope": "person"},
       "weeks": {"discrete": {"values": [2, 10, 20], "weights": [0.3, 0.3, 0.4]},
                 "scope": "person"},
       "inflation": {"uniform": {"min": 0.9, "max": 1.2}},
       "factor": "inflation * 2",
       "fixedShare": 0.5},
     "states": [{"id": "benefit", "covered": true,
                 "costs": [{"area": "Overførsler", "perCycle": "\(charge)",
                            "refusion": "staircase"}]},
                {"id": "job"}],
     "arms": {"intervention": {"transitions": [{"from": "benefit", "to": "job", "p": 0.05}]},
              "control": {"transitions": [{"from": "benefit", "to": "job", "p": 0.03}]}},
     "cohort": {"intake": [{"year": 2020, "count": 4, "spread": "even"}],
                "weeksOnBenefitAtEntry": "\(clock)"}}
    """
  }

  @Test func kindValuesVaryWithAnIterationDrawReadDirectlyOrThroughDerivedParameters() throws {
    let cases: [(charge: String, clock: String, charges: Bool, entryClock: Bool)] = [
      ("level", "weeks", false, false),
      ("level * fixedShare", "weeks + 1", false, false),
      ("level * inflation", "weeks", true, false),
      ("level * factor", "weeks", true, false),
      ("level", "weeks * factor", false, true),
      ("level * factor", "weeks + inflation", true, true),
      // Read only by expressions that do not depend on the person: nothing of a kind varies.
      ("2000 * factor", "10 * inflation", false, false),
    ]
    for (charge, clock, charges, entryClock) in cases {
      let model = try Fixtures.model(Self.scenario(charge: charge, clock: clock))
      #expect(!model.varyingPersonCharges.isEmpty == charges, "\(charge), \(clock)")
      #expect(model.entryClockVariesByIteration == entryClock, "\(charge), \(clock)")
    }
  }

  /// Rebild prices kontanthjælp at the person's benefit and fleksjob at an uncertain share of
  /// it: only the fleksjob charge is evaluated again in each iteration, the entry clock kept.
  @Test func onlyTheChargesThatReadAnIterationDrawAreEvaluatedAgain() throws {
    let model = try BundledScenarioTests.model("rebild-ips-2022.json")
    func states(_ charges: [Int]) -> [String] {
      charges.map { model.scenario.states[model.charges[$0].state].id }
    }
    #expect(states(model.personCharges) == ["benefit", "flexjob"])
    #expect(states(model.varyingPersonCharges) == ["flexjob"])
    #expect(!model.entryClockVariesByIteration)
  }

  /// Where a kind's charges or entry clock read an iteration draw, a kept kernel prices each
  /// iteration at that iteration's values (the other of the two kept): the per-person path,
  /// which evaluates everything per person, agrees to summation order.
  @Test(arguments: [
    ("level * factor", "weeks"), ("level", "weeks * factor"), ("level * factor", "weeks + 1"),
  ])
  func kindValuesThatVaryArePreparedEveryIteration(charge: String, clock: String) throws {
    let model = try Fixtures.model(Self.scenario(charge: charge, clock: clock))
    let kept = try Self.keptKernel(model, seed: 5, iterations: 8)
    for iteration in 0..<8 {
      let perPerson = try Fixtures.tally(
        model, seed: 5, iteration: iteration,
        kernel: IndividualKernel(model: model, usesKinds: false))
      #expect(kept[iteration].occupancy == perPerson.occupancy, "iteration \(iteration)")
      for (a, b) in zip(kept[iteration].personAmounts, perPerson.personAmounts) {
        #expect(abs(a - b) <= 1e-9 * max(abs(b), 1), "iteration \(iteration): \(a) vs \(b)")
      }
    }
  }
}
