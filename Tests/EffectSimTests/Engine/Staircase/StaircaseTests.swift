import Foundation
import Testing

@testable import EffectSim

/// The refusion staircase through the engine: closed forms in deterministic mode and in the
/// individual kernel, the reset, the entry clock, and agreement between the expected trace and
/// Monte Carlo when people move at random.
@Suite struct StaircaseTests {
  static let monthly = 12_000.0
  /// Weeks in a month.
  static let w = 52.0 / 12

  /// A scenario whose `benefit` state (covered) costs `monthly` a cycle on the staircase, in
  /// the intervention arm only; `job` is self-support, `flex` subsidised work.
  static func scenario(
    years: Int = 2, cycle: String = "month", occupancy: String = "start",
    transitions: String = "", clock: String? = nil, count: Int = 1, parameters: String = "{}",
    flexCovered: Bool = false, pairing: String = "coupled", report: String = "{}"
  ) -> String {
    let amount = cycle == "month" ? monthly : 12 * monthly
    let clockKey = clock.map { #", "weeksOnBenefitAtEntry": \#($0)"# } ?? ""
    let flex = flexCovered ? #""covered": true"# : #""selfSupport": false"#
    return """
      {"format": "effectsim/1", "name": "staircase", "start": 2020, "years": \(years),
       "cycle": "\(cycle)", "occupancy": "\(occupancy)", "pairing": "\(pairing)",
       "parameters": \(parameters),
       "states": [
         {"id": "benefit", "covered": true, "outcomes": {"benefitCycles": 1},
          "costs": [{"area": "Overførsler", "perCycle": \(amount), "refusion": "staircase",
                     "arm": "intervention"}]},
         {"id": "job", "outcomes": {"jobCycles": 1}},
         {"id": "flex", \(flex)}],
       "arms": {"intervention": {"transitions": [\(transitions)]},
                "control": {"transitions": [\(transitions)]}},
       "cohort": {"intake": [{"year": 2020, "count": \(count)}]\(clockKey)},
       "report": \(report)}
      """
  }

  /// ∫₀ᵗ share: municipal weeks paid in the first `t` weeks on covered benefits.
  static func paid(_ t: Double) -> Double { RefusionClockTests.paidWeeks(t) }

  /// The municipal cost of `months` covered months starting at week `from` on the clock.
  static func cost(fromWeek from: Double, months: Double) -> Double {
    monthly / w * (paid(from + months * w) - paid(from))
  }

  /// Intervention costs per year, deterministic and from the individual kernel (which draws
  /// nothing in these scenarios, so it must give the same numbers).
  static func yearlyCosts(_ json: String) throws -> (deterministic: [Double], kernel: [Double]) {
    let model = try Fixtures.model(json)
    let expected = try Simulation.deterministic(model)
    let simulated = try Simulation.monteCarlo(
      model, options: RunOptions(iterations: 3, seed: 5, kernel: .individual))
    return (
      expected.armCosts.intervention.map(\.mean), simulated.armCosts.intervention.map(\.mean)
    )
  }

  static func expectClose(_ actual: [Double], _ expected: [Double], _ what: String) {
    #expect(actual.count == expected.count)
    for (year, (a, e)) in zip(actual, expected).enumerated() {
      #expect(abs(a - e) <= 1e-9 * max(1, abs(e)), "\(what), year \(year): \(a) vs \(e)")
    }
  }

  @Test(arguments: ["month", "year"])
  func alwaysCoveredFromWeekZero(cycle: String) throws {
    let (deterministic, kernel) = try Self.yearlyCosts(Self.scenario(years: 3, cycle: cycle))
    // Year 1 = 12,000 × 12 × (4·0.2 + 22·0.6 + 26·0.7) / 52; then 12,000 × 12 × 0.8.
    let first = Self.monthly * 12 * (4 * 0.2 + 22 * 0.6 + 26 * 0.7) / 52
    let later = Self.monthly * 12 * 0.8
    Self.expectClose(deterministic, [first, later, later], "deterministic, \(cycle)")
    Self.expectClose(kernel, [first, later, later], "individual kernel, \(cycle)")
  }

  /// Two years on benefits, then `monthsAway` months in `away`, then back on benefits.
  static func spell(away: String, monthsAway: Int, occupancy: String = "start") -> String {
    scenario(
      years: 4, occupancy: occupancy,
      transitions: """
        {"from": "benefit", "to": "\(away)", "p": 1, "cycles": [23, 24]},
        {"from": "\(away)", "to": "benefit", "p": 1, "cycles": [\(23 + monthsAway), \(24 + monthsAway)]}
        """)
  }

  @Test func twelveMonthsOfSelfSupportRestartTheClock() throws {
    let (deterministic, kernel) = try Self.yearlyCosts(Self.spell(away: "job", monthsAway: 12))
    let expected = [
      Self.cost(fromWeek: 0, months: 12), Self.monthly * 12 * 0.8, 0,
      Self.cost(fromWeek: 0, months: 12),
    ]
    Self.expectClose(deterministic, expected, "deterministic")
    Self.expectClose(kernel, expected, "individual kernel")
  }

  @Test func elevenMonthsDoNot() throws {
    let (deterministic, kernel) = try Self.yearlyCosts(Self.spell(away: "job", monthsAway: 11))
    let expected = [
      Self.cost(fromWeek: 0, months: 12), Self.monthly * 12 * 0.8, Self.monthly * 0.8,
      Self.monthly * 12 * 0.8,
    ]
    Self.expectClose(deterministic, expected, "deterministic")
    Self.expectClose(kernel, expected, "individual kernel")
  }

  @Test func subsidisedWorkDoesNotRestartTheClock() throws {
    let (deterministic, kernel) = try Self.yearlyCosts(Self.spell(away: "flex", monthsAway: 12))
    let expected = [Self.cost(fromWeek: 0, months: 12), Self.monthly * 12 * 0.8, 0,
                    Self.monthly * 12 * 0.8]
    Self.expectClose(deterministic, expected, "deterministic")
    Self.expectClose(kernel, expected, "individual kernel")
  }

  @Test func aCoveredStateAdvancesTheClockWithoutACost() throws {
    // A year in covered fleksjob (no staircase cost of its own) after three months on benefits:
    // back on benefits at week 13 + 52 = 65, so at 80 %.
    let json = Self.scenario(
      years: 2,
      transitions: """
        {"from": "benefit", "to": "flex", "p": 1, "cycles": [2, 3]},
        {"from": "flex", "to": "benefit", "p": 1, "cycles": [14, 15]}
        """, flexCovered: true)
    let (deterministic, kernel) = try Self.yearlyCosts(json)
    let expected = [Self.cost(fromWeek: 0, months: 3), Self.monthly * 9 * 0.8]
    Self.expectClose(deterministic, expected, "deterministic")
    Self.expectClose(kernel, expected, "individual kernel")
  }

  /// Under `end` the clock follows the state each cycle is counted in: the cycle of the move
  /// to the job already counts as self-support.
  @Test func theClockFollowsTheCountedState() throws {
    let (deterministic, kernel) = try Self.yearlyCosts(
      Self.spell(away: "job", monthsAway: 12, occupancy: "end"))
    // Counted on benefits: cycles 0–22 and 35 on; in the job: cycles 23–34 (12: a reset).
    let expected = [
      Self.cost(fromWeek: 0, months: 12), Self.monthly * 11 * 0.8,
      Self.cost(fromWeek: 0, months: 1), Self.cost(fromWeek: Self.w, months: 12),
    ]
    Self.expectClose(deterministic, expected, "deterministic")
    Self.expectClose(kernel, expected, "individual kernel")
  }

  @Test(arguments: ["start", "end", "average"])
  func deterministicAndKernelAgreeWhenNothingIsRandom(occupancy: String) throws {
    for months in [6, 11, 12, 13] {
      for away in ["job", "flex"] {
        let (deterministic, kernel) = try Self.yearlyCosts(
          Self.spell(away: away, monthsAway: months, occupancy: occupancy))
        Self.expectClose(kernel, deterministic, "\(occupancy), \(months) months in \(away)")
      }
    }
  }

  @Test(arguments: [0.0, 2.5, 30.0, 60.0])
  func theClockAtEntry(weeks: Double) throws {
    let (deterministic, kernel) = try Self.yearlyCosts(
      Self.scenario(years: 2, clock: "\(weeks)"))
    let expected = [
      Self.cost(fromWeek: weeks, months: 12), Self.cost(fromWeek: weeks + 52, months: 12),
    ]
    Self.expectClose(deterministic, expected, "deterministic from week \(weeks)")
    Self.expectClose(kernel, expected, "individual kernel from week \(weeks)")
  }

  @Test func eachPersonHasTheirOwnClock() throws {
    // Half the cohort enters at week 0, half at week 60 (person scope); deterministic mode
    // takes the base (the mean, week 30); the kernel follows each person's clock.
    let json = Self.scenario(
      years: 1, clock: #""entryWeeks""#, count: 40,
      parameters: #"{"entryWeeks": {"discrete": {"values": [0, 60], "weights": [1, 1]}, "scope": "person"}}"#)
    let model = try Fixtures.model(json)
    let deterministic = try Simulation.deterministic(model)
    #expect(
      abs(deterministic.armCosts.intervention[0].mean - 40 * Self.cost(fromWeek: 30, months: 12))
        < 1e-6)
    let summary = try Simulation.monteCarlo(model, options: RunOptions(iterations: 400, seed: 3))
    let stat = summary.armCosts.intervention[0]
    let low = Self.cost(fromWeek: 0, months: 12)
    let high = Self.cost(fromWeek: 60, months: 12)
    // Binomial(40, ½) people at week 0: mean 20 × (low + high), sd √10 × (high − low).
    #expect(abs(stat.mean - 20 * (low + high)) <= 4 * stat.mcse)
    #expect(abs(stat.sd - 10.0.squareRoot() * (high - low)) <= 0.15 * stat.sd)
  }

  @Test func aNegativeClockIsARunErrorNamingThePath() throws {
    let json = Self.scenario(
      clock: #""entryWeeks""#,
      parameters: #"{"entryWeeks": {"normal": {"mean": 1, "sd": 5}, "scope": "person"}}"#)
    let model = try Fixtures.model(json.replacingOccurrences(of: #""count": 1"#, with: #""count": 50"#))
    #expect {
      try Simulation.monteCarlo(model, options: RunOptions(iterations: 5, seed: 1))
    } throws: { error in
      let text = (error as? RunError)?.description ?? ""
      return text.contains("cohort.weeksOnBenefitAtEntry") && text.contains("below 0")
    }
  }

  /// Amounts that differ per person on the tracked path: a staircase benefit priced from the
  /// person's share-weighted cycles, and a cost off the staircase from their plain cycles.
  /// Everyone is covered from week 0, so each year's mean is a closed form (4 MCSE).
  @Test func personDependentAmountsArePricedPerPerson() throws {
    let json = """
      {"format": "effectsim/1", "name": "per person", "start": 2020, "years": 2,
       "parameters": {"benefit": {"uniform": {"min": 6000, "max": 18000}, "scope": "person"},
                      "talks": {"uniform": {"min": 0, "max": 200}, "scope": "person"}},
       "states": [
         {"id": "benefit", "covered": true,
          "costs": [{"area": "Overførsler", "perCycle": "benefit", "refusion": "staircase",
                     "arm": "intervention"},
                    {"area": "Service", "perCycle": "talks", "arm": "intervention"}]}],
       "arms": {"intervention": {"transitions": []}, "control": {"transitions": []}},
       "cohort": {"intake": [{"year": 2020, "count": 20}]}}
      """
    let summary = try Simulation.monteCarlo(
      try Fixtures.model(json), options: RunOptions(iterations: 400, seed: 21, kernel: .individual))
    let benefits = try #require(summary.areas.firstIndex(of: "Overførsler"))
    let service = try #require(summary.areas.firstIndex(of: "Service"))
    // Municipal months per year: (4·0.2 + 22·0.6 + 26·0.7)·12/52 in year 1, 12 · 0.8 later.
    let months = [(4 * 0.2 + 22 * 0.6 + 26 * 0.7) * 12 / 52, 12 * 0.8]
    for year in 0..<2 {
      for (area, expected) in [
        (benefits, 20 * 12_000 * months[year]), (service, 20 * 100 * 12.0),
      ] {
        let value = summary.netImpact.byArea[area].values[year]
        #expect(
          abs(value.mean - expected) <= 4 * value.mcse,
          "area \(summary.areas[area]), year \(year): \(value.mean) vs \(expected)")
      }
    }
  }

  /// People move at random (exits, relapse, subsidised work): the Monte Carlo mean of every
  /// year's staircase cost must match the expected trace over (state, clock, self-support).
  static let random = """
    "transitions": [
      {"from": "benefit", "to": "job", "p": "exit", "cycles": [0, 18]},
      {"from": "benefit", "to": "job", "p": 0.02, "cycles": [18]},
      {"from": "benefit", "to": "flex", "p": 0.01},
      {"from": "job", "to": "benefit", "p": "relapse"},
      {"from": "flex", "to": "benefit", "p": 0.05}]
    """

  static func randomScenario(occupancy: String, pairing: String, cycle: String) -> String {
    let exitsIntervention = cycle == "month" ? "0.06" : "0.5"
    let exitsControl = cycle == "month" ? "0.03" : "0.3"
    let relapse = cycle == "month" ? "0.08" : "0.4"
    return """
      {"format": "effectsim/1", "name": "random", "start": 2020, "years": 5, "cycle": "\(cycle)",
       "occupancy": "\(occupancy)", "pairing": "\(pairing)",
       "parameters": {"relapse": \(relapse)},
       "states": [
         {"id": "benefit", "covered": true,
          "costs": [{"area": "Overførsler", "perCycle": 10000, "refusion": "staircase"},
                    {"area": "Service", "perCycle": 100}]},
         {"id": "job"},
         {"id": "flex", "selfSupport": false,
          "costs": [{"area": "Overførsler", "perCycle": 3000}]}],
       "arms": {
         "intervention": {\(random.replacingOccurrences(of: "\"exit\"", with: exitsIntervention))},
         "control": {\(random.replacingOccurrences(of: "\"exit\"", with: exitsControl))}},
       "cohort": {"intake": [{"year": 2020, "count": 30, "spread": "even"},
                             {"year": 2021, "count": 10}],
                  "weeksOnBenefitAtEntry": 20}}
      """
  }

  static let randomCases: [(String, String, String)] = [
    ("start", "coupled", "month"), ("end", "coupled", "month"), ("average", "coupled", "month"),
    ("start", "independent", "month"), ("average", "independent", "month"),
    ("start", "coupled", "year"), ("end", "independent", "year"),
  ]

  @Test(arguments: randomCases)
  func monteCarloMeanMatchesTheExpectedTrace(
    occupancy: String, pairing: String, cycle: String
  ) throws {
    let model = try Fixtures.model(
      Self.randomScenario(occupancy: occupancy, pairing: pairing, cycle: cycle))
    let expected = try Simulation.deterministic(model)
    let summary = try Simulation.monteCarlo(
      model, options: RunOptions(iterations: 2000, seed: 17, kernel: .individual))
    for year in summary.years.indices {
      for (arm, simulated, trace) in [
        ("intervention", summary.armCosts.intervention[year],
         expected.armCosts.intervention[year].mean),
        ("control", summary.armCosts.control[year], expected.armCosts.control[year].mean),
      ] {
        // A year nobody can have left yet is exact up to rounding: mcse 0.
        #expect(
          abs(simulated.mean - trace) <= 4 * simulated.mcse + 1e-12 * abs(trace),
          "\(occupancy), \(pairing), \(cycle), \(arm), year \(year): \(simulated.mean) vs \(trace)")
      }
    }
  }

  /// The staircase changes what a cycle costs, never who moves: with and without it, the
  /// same seed gives the same people in the same states (the per-cycle path draws exactly
  /// the uniforms of the fast path).
  @Test(arguments: [("start", "coupled"), ("average", "independent"), ("end", "coupled")])
  func theTrackedPathMovesPeopleLikeTheFastPath(occupancy: String, pairing: String) throws {
    let withStaircase = Self.randomScenario(occupancy: occupancy, pairing: pairing, cycle: "month")
      .replacingOccurrences(of: #""states": ["#, with: #""report": {"occupancyAt": [6, 30]}, "states": ["#)
      .replacingOccurrences(of: #""costs": [{"area": "Overførsler""#, with: #""outcomes": {"onBenefit": 1}, "costs": [{"area": "Overførsler""#)
    let without = withStaircase.replacingOccurrences(of: #", "refusion": "staircase""#, with: "")
    let options = RunOptions(iterations: 50, seed: 8, kernel: .individual)
    let a = try Simulation.monteCarlo(try Fixtures.model(withStaircase), options: options)
    let b = try Simulation.monteCarlo(try Fixtures.model(without), options: options)
    #expect(a.outcomes.map(\.intervention.mean) == b.outcomes.map(\.intervention.mean))
    #expect(a.outcomes.map(\.control.mean) == b.outcomes.map(\.control.mean))
    #expect(a.outcomes.map(\.difference.sd) == b.outcomes.map(\.difference.sd))
    for (x, y) in zip(a.occupancy, b.occupancy) {
      #expect(x.intervention.map(\.share.mean) == y.intervention.map(\.share.mean))
      #expect(x.control.map(\.share.mean) == y.control.map(\.share.mean))
    }
    // Service (not on the staircase) is the same; Overførsler is cheaper on the staircase.
    let service = try #require(a.areas.firstIndex(of: "Service"))
    #expect(a.netImpact.byArea[service].values.map(\.mean) == b.netImpact.byArea[service].values.map(\.mean))
    #expect(a.armCosts.control[0].mean < b.armCosts.control[0].mean)
  }

  @Test func theAggregatedKernelRefusesTheStaircaseAndAutoNeverPicksIt() throws {
    let model = try Fixtures.model(Self.scenario(count: 30000))
    #expect {
      try Simulation.kernel(for: model, choice: .aggregated)
    } throws: { error in
      (error as? RunError)?.description.contains("refusion staircase") ?? false
    }
    #expect(try Simulation.kernel(for: model, choice: .auto) == .individual)
    #expect(Simulation.predictedKernelSeconds(model).aggregated == nil)
  }

  @Test func resultsDoNotDependOnThreads() throws {
    let model = try Fixtures.model(
      Self.randomScenario(occupancy: "average", pairing: "coupled", cycle: "month"))
    let runs = try [1, 3].map { threads in
      try Simulation.monteCarlo(
        model, options: RunOptions(iterations: 130, seed: 4, threads: threads))
    }
    #expect(MonteCarloTests.numbers(runs[0]) == MonteCarloTests.numbers(runs[1]))
  }
}
