import Foundation
import Testing

@testable import EffectSim

/// The refusion staircase on the individual kernel's stretch-counting paths
/// (`IndividualKernel.StretchClocks`) against the tracked path (`TrackedPath`), which advances
/// each clock half-cycle by half-cycle: the same streams, so the same people, states and
/// counts; the staircase shares may differ only in rounding (a stretch's shares are summed in
/// another order).
@Suite struct StretchClockTests {
  /// One iteration through the individual kernel, on the stretches or on the tracked path.
  static func tally(_ model: Model, iteration: Int, tracked: Bool) throws -> Tally {
    try Fixtures.tally(
      model, seed: 23, iteration: iteration,
      kernel: IndividualKernel(model: model, tracksEveryCycle: tracked))
  }

  /// Rounding of sums of a few thousand shares: far below any planted bug's change (a
  /// half-cycle at another band moves a cell by at least 0.1 of a half-cycle).
  static func expectClose(_ a: [Double], _ b: [Double], _ what: String) {
    #expect(a.count == b.count, "\(what): sizes")
    for (index, (x, y)) in zip(a, b).enumerated() {
      #expect(abs(x - y) <= 1e-12 * max(abs(y), 1), "\(what)[\(index)]: \(x) vs \(y)")
    }
  }

  static func expectSameCohort(_ model: Model, iterations: Int) throws {
    #expect(model.usesStaircase)
    for iteration in 0..<iterations {
      let stretches = try tally(model, iteration: iteration, tracked: false)
      let tracked = try tally(model, iteration: iteration, tracked: true)
      #expect(stretches.occupancy == tracked.occupancy, "iteration \(iteration)")
      #expect(stretches.atCycle == tracked.atCycle, "iteration \(iteration)")
      #expect(stretches.personCycles == tracked.personCycles)
      #expect(stretches.staircase.contains { $0 > 0 }, "iteration \(iteration): no shares")
      expectClose(stretches.staircase, tracked.staircase, "iteration \(iteration) staircase")
      expectClose(
        stretches.personAmounts, tracked.personAmounts, "iteration \(iteration) person amounts")
    }
  }

  /// Exits, relapses, subsidised work (which pauses the clock) and self-support (which
  /// restarts it after a year): every branch of the clock, without person-scope parameters.
  @Test(arguments: StaircaseTests.randomCases)
  func withoutPersonScope(occupancy: String, pairing: String, cycle: String) throws {
    let model = try Fixtures.model(
      StaircaseTests.randomScenario(occupancy: occupancy, pairing: pairing, cycle: cycle))
    #expect(!model.hasPersonScope)
    try Self.expectSameCohort(model, iterations: 6)
  }

  /// The random scenario with each person's benefit level and entry clock drawn from discrete
  /// lists: kinds of person, each with its own clock start and its own rate on the staircase.
  static func kindsScenario(occupancy: String, pairing: String, cycle: String) -> String {
    StaircaseTests.randomScenario(occupancy: occupancy, pairing: pairing, cycle: cycle)
      .replacingOccurrences(
        of: #""parameters": {"#,
        with: #"""
          "parameters": {
            "level": {"discrete": {"values": [8000, 12000, 15000], "weights": [0.3, 0.5, 0.2]},
                      "scope": "person"},
            "entry": {"discrete": {"values": [0, 3, 30, 51, 104], "weights": [0.2, 0.2, 0.2, 0.2, 0.2]},
                      "scope": "person"},
          """#)
      .replacingOccurrences(of: #""perCycle": 10000"#, with: #""perCycle": "level""#)
      .replacingOccurrences(of: #""weeksOnBenefitAtEntry": 20"#, with: #""weeksOnBenefitAtEntry": "entry""#)
  }

  @Test(arguments: StaircaseTests.randomCases)
  func kindsOfPerson(occupancy: String, pairing: String, cycle: String) throws {
    let model = try Fixtures.model(
      Self.kindsScenario(occupancy: occupancy, pairing: pairing, cycle: cycle))
    #expect(PersonKinds(model: model)?.count == 15)
    #expect(model.entryClockDependsOnPerson)
    try Self.expectSameCohort(model, iterations: 6)
  }

  /// Only the entry clock depends on the person: kinds must still keep people apart.
  @Test func kindsThatDifferOnlyInTheirEntryClock() throws {
    let json = Self.kindsScenario(occupancy: "average", pairing: "coupled", cycle: "month")
      .replacingOccurrences(of: #""perCycle": "level""#, with: #""perCycle": 10000"#)
    let model = try Fixtures.model(json)
    #expect(model.personCharges.isEmpty && !model.transitionsDependOnPerson)
    #expect(PersonKinds(model: model)?.strata.split == true)
    try Self.expectSameCohort(model, iterations: 6)
  }

  @Test(arguments: BundledScenarioTests.files)
  func bundledScenarios(file: String) throws {
    let model = try BundledScenarioTests.model(file)
    guard model.usesStaircase else { return }
    try Self.expectSameCohort(model, iterations: 3)
  }

  /// The kinds scenario with a continuous benefit level and entry clock: the per-person
  /// path, each person's own entry clock, person-dependent charges priced from the staircase
  /// shares their cells gained.
  static func continuousScenario(occupancy: String, pairing: String, cycle: String) -> String {
    kindsScenario(occupancy: occupancy, pairing: pairing, cycle: cycle)
      .replacingOccurrences(
        of: #"{"discrete": {"values": [8000, 12000, 15000], "weights": [0.3, 0.5, 0.2]},"#,
        with: #"{"uniform": {"min": 8000, "max": 15000},"#)
      .replacingOccurrences(
        of: #"{"discrete": {"values": [0, 3, 30, 51, 104], "weights": [0.2, 0.2, 0.2, 0.2, 0.2]},"#,
        with: #"{"uniform": {"min": 0, "max": 104},"#)
  }

  @Test(arguments: StaircaseTests.randomCases)
  func continuousPersonScope(occupancy: String, pairing: String, cycle: String) throws {
    let model = try Fixtures.model(
      Self.continuousScenario(occupancy: occupancy, pairing: pairing, cycle: cycle))
    #expect(PersonKinds(model: model) == nil)
    #expect(model.entryClockDependsOnPerson && !model.personCharges.isEmpty)
    try Self.expectSameCohort(model, iterations: 4)
  }

  /// Kinds of person with their own clocks and shares, and continuous people with theirs:
  /// the same numbers on 1 and 3 threads.
  @Test func resultsDoNotDependOnThreads() throws {
    for json in [
      Self.kindsScenario(occupancy: "average", pairing: "coupled", cycle: "month"),
      Self.continuousScenario(occupancy: "end", pairing: "independent", cycle: "month"),
    ] {
      let model = try Fixtures.model(json)
      let runs = try [1, 3].map { threads in
        try Simulation.monteCarlo(
          model, options: RunOptions(iterations: 130, seed: 4, threads: threads))
      }
      #expect(MonteCarloTests.numbers(runs[0]) == MonteCarloTests.numbers(runs[1]))
    }
  }

  /// The tracked path still runs what the stretches cannot: amounts on transitions.
  @Test func theTrackedPathRunsOnlyWhereItMust() throws {
    let random = StaircaseTests.randomScenario(
      occupancy: "start", pairing: "coupled", cycle: "month")
    #expect(!IndividualKernel(model: try Fixtures.model(random)).tracksEveryCycle)
    let kinds = Self.kindsScenario(occupancy: "start", pairing: "coupled", cycle: "month")
    #expect(!IndividualKernel(model: try Fixtures.model(kinds)).tracksEveryCycle)
    let continuous = Self.continuousScenario(occupancy: "start", pairing: "coupled", cycle: "month")
    #expect(!IndividualKernel(model: try Fixtures.model(continuous)).tracksEveryCycle)
    let moves = random.replacingOccurrences(
      of: #"{"from": "job", "to": "benefit", "p": "relapse"}"#,
      with: #"{"from": "job", "to": "benefit", "p": "relapse", "cost": [{"area": "Service", "amount": 500}]}"#)
    let model = try Fixtures.model(moves)
    #expect(!model.transitionCharges.isEmpty)
    #expect(IndividualKernel(model: model).tracksEveryCycle)
  }

  /// `advance(_:halves:_:)` is `halves` calls of `advance(_:_:)`: the same clock after, the
  /// same shares up to rounding, over random runs of every kind from several entry clocks.
  @Test(arguments: [12, 1])
  func aStretchAdvancesTheClockLikeItsHalves(cyclesPerYear: Int) {
    let rule = RefusionClock.Rule(cyclesPerYear: cyclesPerYear)
    var rng = Xoshiro256PlusPlus(seed: 3, stream: 0)
    let kinds: [RefusionClock.Kind] = [.covered, .selfSupport, .paused]
    for start in [0.0, 3.0, 25.9, 51.0, 52.0, 300.0] {
      var bulk = RefusionClock(weeks: start, rule)
      var single = bulk
      for _ in 0..<400 {
        let kind = kinds[Int(rng.next() % 3)]
        let halves = Int(rng.next() % UInt64(3 * cyclesPerYear + 1))
        let shares = bulk.advance(kind, halves: halves, rule)
        var sum = 0.0
        for _ in 0..<halves { sum += single.advance(kind, rule) }
        #expect(bulk == single)
        #expect(abs(shares - sum) <= 1e-12 * max(sum, 1))
      }
    }
  }
}
