import Foundation
import Testing

@testable import EffectSim

/// The individual kernel's kinds of person against its per-person path: the same streams, so
/// the same people, states and counts draw for draw; only the order in which amounts are summed
/// differs.
@Suite struct PersonKindsTests {
  /// A scenario with discrete person-scope parameters in transitions and charges, a derived
  /// person-scope parameter, and `pairing`.
  static func personScope(_ pairing: String) -> String {
    KernelAgreementTests.personScope.replacingOccurrences(
      of: "PAIRING", with: #", "pairing": "\#(pairing)""#)
  }

  /// One iteration through the individual kernel, with or without kinds.
  static func tally(_ model: Model, iteration: Int, kinds: Bool) throws -> Tally {
    try Fixtures.tally(
      model, seed: 11, iteration: iteration,
      kernel: IndividualKernel(model: model, usesKinds: kinds))
  }

  static func expectSameCohort(_ model: Model, iterations: Int) throws {
    for iteration in 0..<iterations {
      let perPerson = try tally(model, iteration: iteration, kinds: false)
      let kinds = try tally(model, iteration: iteration, kinds: true)
      #expect(kinds.occupancy == perPerson.occupancy, "iteration \(iteration)")
      #expect(kinds.atCycle == perPerson.atCycle, "iteration \(iteration)")
      #expect(kinds.eligible == perPerson.eligible)
      #expect(kinds.personCycles == perPerson.personCycles)
      for (a, b) in zip(kinds.personAmounts, perPerson.personAmounts) {
        #expect(abs(a - b) <= 1e-9 * max(abs(b), 1), "iteration \(iteration): \(a) vs \(b)")
      }
    }
  }

  @Test(arguments: ["coupled", "independent"])
  func kindsGiveThePerPersonCohortDrawForDraw(pairing: String) throws {
    let model = try Fixtures.model(Self.personScope(pairing))
    #expect(PersonKinds(model: model)?.count == 6)
    try Self.expectSameCohort(model, iterations: 20)
  }

  @Test(arguments: BundledScenarioTests.files)
  func bundledScenariosAreUnchanged(file: String) throws {
    try Self.expectSameCohort(try BundledScenarioTests.model(file), iterations: 4)
  }

  /// The kind's option is the one `sampleDiscrete` draws from the same stream, for short lists
  /// (linear search) and long ones (bisection), with a zero weight among them.
  @Test(arguments: [3, 40])
  func kindsPickTheSampledValue(options: Int) throws {
    let values = (0..<options).map { Double($0 * 10 + 1) }
    var weights = (0..<options).map { Double(($0 * 7) % 5 + 1) }
    weights[1] = 0
    let total = weights.reduce(0, +)
    let json = """
      {"format": "effectsim/1", "name": "long list", "start": 2020, "years": 1,
       "parameters": {"level": {"discrete": {"values": \(values),
                                             "weights": \(weights.map { $0 / total })},
                                "scope": "person"}},
       "states": [{"id": "a", "costs": [{"area": "X", "perCycle": "level"}]}],
       "arms": {"intervention": {"transitions": []}, "control": {"transitions": []}},
       "cohort": {"intake": [{"year": 2020, "count": 1}]}}
      """
    let model = try Fixtures.model(json)
    let kinds = try #require(PersonKinds(model: model))
    #expect(kinds.count == options - 1)
    var tables = IterationTables(model: model)
    let streams = IterationStreams(seed: 5, iteration: 0)
    let slot = model.personDraws[0].slot
    var seen = Set<Int>()
    for person in 0..<20_000 {
      let key = streams.personKey(person)
      try tables.drawPersonParameters(model, personKey: key, iteration: 0)
      let kind = kinds.kind(personKey: key)
      seen.insert(kind)
      #expect(kinds.strata.values[kind][0] == tables.values[slot], "person \(person)")
      if kinds.strata.values[kind][0] != tables.values[slot] { break }
    }
    #expect(seen.count == options - 1)
  }

  @Test func theFirstDrawShortcutIsTheStreamsFirstDraw() {
    var keys = SplitMix64(state: 99)
    for _ in 0..<10_000 {
      let key = keys.next()
      var stream = Xoshiro256PlusPlus(key: key)
      #expect(PersonKinds.first53(key: key) == stream.next53())
    }
  }

  /// A kind whose probabilities are out of range fails the iteration exactly when one of its
  /// people appears, with the per-person path's message; a kind nobody draws fails nothing.
  @Test(arguments: [(0.5, true), (1e-12, false)])
  func aFailingKindFailsOnlyWhenDrawn(weight: Double, fails: Bool) throws {
    let json = """
      {"format": "effectsim/1", "name": "bad kind", "start": 2020, "years": 1,
       "parameters": {"speed": {"discrete": {"values": [0.1, 3], "weights": [\(1 - weight), \(weight)]},
                                "scope": "person"}},
       "states": [{"id": "a", "costs": [{"area": "X", "perCycle": 10}]}, {"id": "b"}],
       "arms": {"intervention": {"transitions": [{"from": "a", "to": "b", "p": "speed"}]},
                "control": {"transitions": [{"from": "a", "to": "b", "p": 0.1}]}},
       "cohort": {"intake": [{"year": 2020, "count": 40}]}}
      """
    let model = try Fixtures.model(json)
    func outcome(_ kinds: Bool) -> String {
      do {
        let tally = try Self.tally(model, iteration: 3, kinds: kinds)
        return "ok \(tally.occupancy)"
      } catch {
        return "\(error)"
      }
    }
    let perPerson = outcome(false)
    #expect(outcome(true) == perPerson)
    #expect(perPerson.hasPrefix("ok") != fails, "\(perPerson)")
  }

  /// The thresholds reproduce the subtractions exactly at the boundary: just below a
  /// threshold the option stops, at it the next option is reached.
  @Test func thresholdsSitExactlyOnTheSubtractionBoundary() {
    let weights = [0.1, 0.2, 0.3, 0.4]
    for option in 0..<3 {
      let t = PersonKinds.threshold(weights, option: option)
      #expect(PersonKinds.stops(weights, option: option, x: t - 1))
      #expect(!PersonKinds.stops(weights, option: option, x: t))
      // The boundary is where the running sum of the weights puts it, to the last bit.
      let sum = weights[0...option].reduce(0, +)
      #expect(abs(Double(t) * 0x1p-53 - sum) <= 0x1p-50)
    }
  }
}
