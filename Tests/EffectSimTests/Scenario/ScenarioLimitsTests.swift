import Testing

@testable import EffectSim

/// Issue 11, case 2 and the limits: a scenario beyond a documented limit is refused by
/// validation, at its place, with the limit in the message; a national case passes.
@Suite struct ScenarioLimitsTests {
  /// The two-state fixture as a document to edit.
  static func document(years: Int = 3, cycle: String = "month") throws -> JSONValue {
    try JSONParser.parse(
      Fixtures.twoState(pIntervention: "0.1", pControl: "0.05", years: years, cycle: cycle))
  }

  static func errors(_ document: JSONValue) -> [ScenarioError] {
    Fixtures.errors(document.serialized())
  }

  /// One edit per limit: the document one step beyond it, the path and the limit expected.
  static let cases:
    [(name: String, path: String, limit: Int, edit: @Sendable (inout JSONValue) -> Void)] = [
    ("years", "years", ScenarioLimits.years, { $0["years"] = .number(101) }),
    ("parameters", "parameters", ScenarioLimits.parameters, { document in
      document["parameters"] = .object(
        (0...ScenarioLimits.parameters).map { ("p\($0)", .number(1)) })
    }),
    ("states", "states", ScenarioLimits.states, { document in
      document["states"] = .array(
        document["states"]!.elements
          + (0..<ScenarioLimits.states - 1).map { .object([("id", .string("s\($0)"))]) })
    }),
    ("transitions", "arms.control.transitions", ScenarioLimits.transitionsPerArm, { document in
      let one = document["arms"]!["control"]!["transitions"]!.elements[0]
      document["arms"]!["control"]!["transitions"] = .array(
        Array(repeating: one, count: ScenarioLimits.transitionsPerArm + 1))
    }),
    ("charges", "states", ScenarioLimits.charges, { document in
      let cost = document["states"]!.elements[0]["costs"]!.elements[0]
      var states = document["states"]!.elements
      states[0]["costs"] = .array(Array(repeating: cost, count: ScenarioLimits.charges))
      document["states"] = .array(states)
    }),
    ("amounts on transitions", "arms", ScenarioLimits.transitionCharges, { document in
      var transitions = document["arms"]!["control"]!["transitions"]!.elements
      let cost = JSONValue.object([("area", .string("Service")), ("amount", .number(1))])
      transitions[0]["cost"] = .array(
        Array(repeating: cost, count: ScenarioLimits.transitionCharges + 1))
      document["arms"]!["control"]!["transitions"] = .array(transitions)
    }),
    ("areas", "states", ScenarioLimits.areas, { document in
      var states = document["states"]!.elements
      states[0]["costs"] = .array(
        (0...ScenarioLimits.areas).map {
          .object([("area", .string("A\($0)")), ("perCycle", .number(1))])
        })
      document["states"] = .array(states)
    }),
    ("outcomes", "states", ScenarioLimits.outcomes, { document in
      var states = document["states"]!.elements
      states[1]["outcomes"] = .object((0...ScenarioLimits.outcomes).map { ("o\($0)", .number(1)) })
      document["states"] = .array(states)
    }),
    ("line items", "lineItems", ScenarioLimits.lineItems, { document in
      let item = JSONValue.object([
        ("label", .string("x")), ("area", .string("Indsats")),
        ("byYear", .object([("2020", .number(1))])),
      ])
      document["lineItems"] = .array(Array(repeating: item, count: ScenarioLimits.lineItems + 1))
    }),
    ("intake entries", "cohort.intake", ScenarioLimits.intakes, { document in
      let entry = document["cohort"]!["intake"]!.elements[0]
      document["cohort"]!["intake"] = .array(
        Array(repeating: entry, count: ScenarioLimits.intakes + 1))
    }),
    ("cohort", "cohort.intake", ScenarioLimits.cohortSize, { document in
      var entry = document["cohort"]!["intake"]!.elements[0]
      entry["count"] = .number(Double(ScenarioLimits.cohortSize / 2 + 1))
      document["cohort"]!["intake"] = .array([entry, entry])
    }),
    ("payback", "payback", ScenarioLimits.paybackDefinitions, { document in
      document["payback"] = .array(
        (0...ScenarioLimits.paybackDefinitions).map { .object([("name", .string("p\($0)"))]) })
    }),
    ("percentiles", "report.percentiles", ScenarioLimits.percentiles, { document in
      document["report"] = .object([
        ("percentiles", .array((0...ScenarioLimits.percentiles).map { _ in .number(50) }))
      ])
    }),
    ("occupancyAt", "report.occupancyAt", ScenarioLimits.occupancyCycles, { document in
      document["report"] = .object([
        ("occupancyAt", .array((0...ScenarioLimits.occupancyCycles).map { _ in .number(1) }))
      ])
    }),
    ("discrete values", "parameters.level.discrete.values", ScenarioLimits.discreteValues, {
      document in
      let count = ScenarioLimits.discreteValues + 1
      document["parameters"] = .object([
        (
          "level",
          .object([
            (
              "discrete",
              .object([
                ("values", .array((0..<count).map { .number(Double($0)) })),
                ("weights", .array(Array(repeating: .number(1), count: count))),
              ])
            )
          ])
        )
      ])
    }),
    ("expression length", "arms.control.transitions[0].p", ScenarioLimits.expressionLength, {
      document in
      var transition = document["arms"]!["control"]!["transitions"]!.elements[0]
      transition["p"] = .string(
        "0.05" + String(repeating: " ", count: ScenarioLimits.expressionLength))
      document["arms"]!["control"]!["transitions"] = .array([transition])
    }),
    ("function arguments", "parameters.m", ScenarioLimits.functionArguments, { document in
      let arguments = Array(repeating: "1", count: ScenarioLimits.functionArguments + 1)
      document["parameters"] = .object([
        ("m", .string("min(" + arguments.joined(separator: ",") + ")"))
      ])
    }),
  ]

  @Test(arguments: cases.indices)
  func aScenarioBeyondALimitIsRefusedNamingTheLimit(index: Int) throws {
    let (name, path, limit, edit) = Self.cases[index]
    var document = try Self.document()
    #expect(Self.errors(document).isEmpty)
    edit(&document)
    let errors = Self.errors(document)
    #expect(errors.count == 1, "\(name): \(errors)")
    #expect(errors.first?.path == path, "\(name): \(errors)")
    #expect(errors.first?.message.contains("\(limit)") == true, "\(name): \(errors)")
  }

  /// The same documents at their limits are accepted (those that stay small to build).
  @Test func aScenarioAtTheLimitsIsAccepted() throws {
    var document = try Self.document(years: ScenarioLimits.years)
    document["start"] = .number(Double(10_000 - ScenarioLimits.years))
    document["report"] = .object([
      ("percentiles", .array((1...ScenarioLimits.percentiles).map { .number(Double($0)) })),
      ("occupancyAt", .array((0..<ScenarioLimits.occupancyCycles).map { .number(Double($0)) })),
    ])
    var entry = document["cohort"]!["intake"]!.elements[0]
    entry["year"] = .number(Double(10_000 - ScenarioLimits.years))
    entry["count"] = .number(Double(ScenarioLimits.cohortSize))
    document["cohort"]!["intake"] = .array([entry])
    #expect(Self.errors(document).isEmpty, "\(Self.errors(document))")
  }

  /// Case 8: a start year of 1e15 was "expected a whole number, found 1000000000000000".
  @Test func aStartYearOutsideTheCalendarSaysSo() throws {
    var document = try Self.document()
    document["start"] = .number(1e15)
    let errors = Self.errors(document)
    #expect(errors.map(\.description) == ["start: must be at most 9999, found 1000000000000000"])
    document["start"] = .number(9998)
    #expect(
      Self.errors(document).map(\.description) == [
        "start: the horizon 9998–10000 must lie within the calendar years 1000–9999"
      ])
  }

  /// Case 2: `years: 100000000` made validation try to allocate 4.8 GB and abort.
  @Test func aHundredMillionYearsIsRefusedWithoutAllocating() throws {
    var document = try Self.document()
    document["years"] = .number(100_000_000)
    let errors = Self.errors(document)
    #expect(errors.count == 1)
    #expect(errors.first?.path == "years")
    #expect(errors.first?.message.contains("100 years") == true)
  }

  /// Case 2: `years: 10000` with yearly cycles and one person validated, then the run
  /// aborted at 2.2 GB; `occupancyAt` listing 10,000 cycles over 1,000 years did the same.
  @Test func theHorizonsThatAbortedAreRefused() throws {
    var yearly = try Self.document(cycle: "year")
    yearly["years"] = .number(10_000)
    yearly["cohort"]!["intake"] = .array([
      .object([("year", .number(2020)), ("count", .number(1))])
    ])
    #expect(Self.errors(yearly).map(\.path) == ["years"])
    var occupancy = try Self.document()
    occupancy["years"] = .number(1_000)
    occupancy["report"] = .object([
      ("occupancyAt", .array((0..<10_000).map { .number(Double($0)) }))
    ])
    #expect(Self.errors(occupancy).map(\.path) == ["years", "report.occupancyAt"])
  }

  @Test func aFileBeyondTheSizeLimitIsRefusedBeforeParsing() {
    let bytes = [UInt8](repeating: UInt8(ascii: " "), count: ScenarioLimits.fileBytes + 1)
    #expect(throws: ScenarioErrors.self) { try ScenarioDecoder.decode(bytes) }
    do {
      _ = try ScenarioDecoder.decode(bytes)
    } catch {
      #expect(error.errors.first?.message.contains("\(ScenarioLimits.fileBytes) bytes") == true)
    }
  }

  /// A national case: 100,000 citizens entering each of 30 years, monthly cycles, passes
  /// validation, the memory check and a run.
  @Test func aNationalCasePasses() throws {
    var document = try Self.document(years: 30)
    document["cohort"]!["intake"] = .array(
      (0..<30).map { year in
        .object([
          ("year", .number(Double(2020 + year))), ("count", .number(100_000)),
          ("spread", .string("even")),
        ])
      })
    let model = try Model.load(Array(document.serialized().utf8))
    let summary = try Simulation.monteCarlo(model, options: RunOptions(iterations: 8, threads: 2))
    #expect(summary.netImpact.total.count == 30)
    #expect(summary.netImpact.total.allSatisfy { $0.isFinite })
  }
}
