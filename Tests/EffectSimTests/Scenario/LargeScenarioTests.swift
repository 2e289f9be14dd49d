import Testing

@testable import EffectSim

/// Issue 11, case 6: inputs that made validation or a run super-linear (a chain of 20,000
/// derived parameters took > 20 s, 100,000 areas 13 s, `min` of 10^6 arguments > 20 s, ...).
/// Beyond a limit each is now refused at once; at the limit each is accepted and compiled in
/// time proportional to its size. The time bounds are ten times what a debug build needs
/// here, far below what the quadratic code needed: a guard against a return of the quadratic
/// behaviour, not a speed claim (docs/limits.md has the measurements).
@Suite struct LargeScenarioTests {
  static func document() throws -> JSONValue {
    try JSONParser.parse(Fixtures.twoState(pIntervention: "0.1", pControl: "0.05"))
  }

  /// A chain p0 ← p1 ← … of `count` derived parameters, each the one before plus 1.
  static func chain(_ count: Int) throws -> JSONValue {
    var document = try document()
    document["parameters"] = .object(
      [("p0", .number(1))] + (1..<count).map { ("p\($0)", .string("p\($0 - 1) + 1")) })
    return document
  }

  static func elapsed(_ body: () throws -> Void) rethrows -> Double {
    let start = ContinuousClock.now
    try body()
    let duration = ContinuousClock.now - start
    return Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
  }

  @Test func aChainOfTwentyThousandDerivedParametersIsRefusedAtOnce() throws {
    let text = try Self.chain(20_000).serialized()
    let seconds = Self.elapsed {
      let errors = Fixtures.errors(text)
      #expect(errors.map(\.path) == ["parameters"])
    }
    #expect(seconds < 5)
  }

  /// At the limit the chain is checked for cycles, ordered and compiled without recursion and
  /// without copying the path at every step, and evaluates to its length.
  @Test func aChainAtTheLimitCompilesInLinearTime() throws {
    let count = ScenarioLimits.parameters
    let text = try Self.chain(count).serialized()
    var model: Model?
    let seconds = try Self.elapsed { model = try Fixtures.model(text) }
    #expect(seconds < 10)
    let summary = try Simulation.deterministic(try #require(model))
    let last = try #require(summary.parameters.last)
    #expect(last.name == "p\(count - 1)")
    #expect(last.base == Double(count))
  }

  @Test func manyAreasOutcomesAndLineItemsAtTheLimitsCompileInLinearTime() throws {
    var document = try Self.document()
    var states = document["states"]!.elements
    states[0]["costs"] = .array(
      (0..<ScenarioLimits.areas).map {
        .object([("area", .string("A\($0)")), ("perCycle", .number(1))])
      })
    // With state 0's own outcome, exactly at the limit.
    states[1]["outcomes"] = .object(
      (0..<ScenarioLimits.outcomes - 1).map { ("o\($0)", .number(1)) })
    document["states"] = .array(states)
    document["lineItems"] = .array(
      (0..<ScenarioLimits.lineItems).map { index in
        .object([
          ("label", .string("L\(index)")), ("area", .string("A\(index % 999)")),
          ("byYear", .object([("2020", .number(1)), ("2021", .number(2))])),
        ])
      })
    document["payback"] = .array(
      (0..<ScenarioLimits.paybackDefinitions).map { index in
        .object([
          ("name", .string("P\(index)")),
          ("areas", .array((0..<999).map { .string("A\($0)") })),
        ])
      })
    let text = document.serialized()
    var model: Model?
    let seconds = try Self.elapsed { model = try Fixtures.model(text) }
    #expect(seconds < 10)
    #expect(model?.areas.count == ScenarioLimits.areas)
    #expect(model?.outcomeNames.count == ScenarioLimits.outcomes)
  }

  @Test func aMillionArgumentsAreRefusedAtOnce() throws {
    var document = try Self.document()
    let arguments = Array(repeating: "1", count: 1_000_000).joined(separator: ",")
    document["parameters"] = .object([("m", .string("min(\(arguments))"))])
    let text = document.serialized()
    let seconds = Self.elapsed {
      let errors = Fixtures.errors(text)
      #expect(errors.map(\.path) == ["parameters.m"])
    }
    #expect(seconds < 5)
  }

  /// A person-scope `discrete` at the limit: drawing and the assumptions register's quantiles
  /// (formerly quadratic in the values) stay linear.
  @Test func aDiscreteDistributionAtTheLimitRunsInLinearTime() throws {
    let count = ScenarioLimits.discreteValues
    let json = Fixtures.twoState(
      pIntervention: "0.1", pControl: "0.05",
      parameters: """
        {"level": {"discrete": {"values": [\((0..<count).map(String.init).joined(separator: ","))],
         "weights": [\(Array(repeating: "1", count: count).joined(separator: ","))]},
         "scope": "person"}}
        """, count: "10"
    ).replacingOccurrences(of: "\"perCycle\": 1000", with: "\"perCycle\": \"level\"")
    let model = try Fixtures.model(json)
    let seconds = try Self.elapsed {
      _ = try Simulation.monteCarlo(model, options: RunOptions(iterations: 200, threads: 2))
    }
    #expect(seconds < 10)
  }

  /// Ten thousand states made a run take 12.5 s and 1.7 GB (joint tables of states²): beyond
  /// the limit they are refused, and at it a run allocates what the memory check counted.
  @Test func tenThousandStatesAreRefusedAtOnce() throws {
    var document = try Self.document()
    document["states"] = .array(
      document["states"]!.elements
        + (0..<10_000).map { .object([("id", .string("s\($0)"))]) })
    let errors = Fixtures.errors(document.serialized())
    #expect(errors.map(\.path) == ["states"])
  }
}
