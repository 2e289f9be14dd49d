import Testing

@testable import EffectSim

@Suite struct ComparisonTests {
  /// Twenty people leave benefits (costing 1000 a month) with an uncertain, person-varying
  /// probability; a line item in 2021 is `LINE`. Everything but the line item is random
  /// and shared between variants that define it alike.
  static func scenario(line: String, extraParameters: String = "") -> String {
    """
    {"format": "effectsim/1", "name": "variant", "start": 2020, "years": 3,
     "parameters": {\(extraParameters)
       "share": {"beta": {"successes": 30, "trials": 60}},
       "u": {"uniform": {"min": 0, "max": 1}},
       "level": {"uniform": {"min": 0.5, "max": 1.5}, "scope": "person"}},
     "states": [
       {"id": "benefit", "costs": [{"area": "Overførsler", "perCycle": "1000 * level"}]},
       {"id": "job"}],
     "arms": {
       "intervention": {"transitions": [{"from": "benefit", "to": "job", "p": "reach(share, 18)"}]},
       "control": {"transitions": [{"from": "benefit", "to": "job", "p": "reach(0.3, 18)"}]}},
     "cohort": {"intake": [{"year": 2020, "count": 20, "spread": "even"}]},
     "lineItems": [
       {"label": "Team", "area": "Indsats", "byYear": {"2020": 50000, "2021": "\(line)"}}]}
    """
  }

  static func compared(_ json: String, name: String) throws -> ComparedScenario {
    ComparedScenario(
      info: .init(name: name, file: "\(name).json", overrides: []), model: try Fixtures.model(json))
  }

  @Test func aChangedLineItemHasThePairedDifferenceOfItsOwnDraw() throws {
    // B adds 6000 × (w − 0.25) to the 2021 line item, w ~ Uniform(0, 1) a parameter only B
    // has, declared before the others. With draws keyed by name, every other number of a
    // future is the same in A and B, so B − A is 6000 (w − 0.25) exactly: mean 1500, sd
    // 6000/√12, zero in 2020, and B is cheaper exactly when w < 0.25.
    let a = try Self.compared(Self.scenario(line: "20000 * u"), name: "A")
    let b = try Self.compared(
      Self.scenario(
        line: "20000 * u + 6000 * (w - 0.25)",
        extraParameters: #""w": {"uniform": {"min": 0, "max": 1}},"#),
      name: "B")
    let n = 4000
    let summary = try Comparison.run([a, b], options: RunOptions(iterations: n, seed: 9))
    #expect(summary.differences.count == 1)
    let difference = try #require(summary.differences.first)
    #expect(difference.scenario == "B")

    let first = difference.netImpact[0]
    #expect(first.mean == 0 && first.sd == 0, "2020 differs: \(first)")
    for series in [difference.netImpact[1], difference.cumulativeNetImpact[2]] {
      let sd = 6000 / 12.0.squareRoot()
      #expect(abs(series.mean - 1500) < 4 * sd / Double(n).squareRoot(), "\(series.mean)")
      // The sd of a uniform's sample sd: σ √((κ − 1) / 4n), kurtosis κ = 1.8.
      #expect(abs(series.sd - sd) < 4 * sd * (0.8 / (4 * Double(n))).squareRoot(), "\(series.sd)")
    }
    #expect(difference.netImpact[2].sd == 0)
    let pB = summary.probabilityBest[1]
    #expect(abs(pB - 0.25) < 4 * (0.25 * 0.75 / Double(n)).squareRoot(), "\(pB)")
    #expect(abs(summary.probabilityBest[0] + pB - 1) < 1e-12)
    // The horizon statistic of each scenario is that of its own run.
    let alone = try Simulation.monteCarlo(a.model, options: RunOptions(iterations: n, seed: 9))
    #expect(summary.cumulativeNetImpact[0] == alone.cumulativeNetImpact.total[2])
  }

  @Test func identicalScenariosTieEverywhere() throws {
    let a = try Self.compared(Self.scenario(line: "20000 * u"), name: "A")
    let summary = try Comparison.run([a, a, a], options: RunOptions(iterations: 300, seed: 2))
    #expect(summary.probabilityBest.allSatisfy { abs($0 - 1.0 / 3) < 1e-12 })
    #expect(summary.differences.allSatisfy { $0.cumulativeNetImpact.allSatisfy { $0.sd == 0 } })
  }

  @Test func scenariosMustShareTheHorizon() throws {
    let a = try Self.compared(Self.scenario(line: "0"), name: "a")
    let b = try Self.compared(
      Self.scenario(line: "0").replacingOccurrences(of: "\"years\": 3", with: "\"years\": 4"),
      name: "b")
    #expect {
      try Comparison.run([a, b], options: RunOptions(iterations: 10))
    } throws: { error in
      let message = "\(error)"
      return message.contains("a.json") && message.contains("b.json")
        && message.contains("2020–2022 against 2020–2023")
    }
  }

  @Test(arguments: [
    ("230 pladser: places=230", "230 pladser", ["places=230"]),
    ("x: a=min(b, c), d={\"beta\": {\"successes\": 1, \"trials\": 2}}", "x",
     ["a=min(b, c)", "d={\"beta\": {\"successes\": 1, \"trials\": 2}}"]),
    ("  svag : ipsShare = 0.55 ,", "svag", ["ipsShare=0.55"]),
  ])
  func variantsSplitAtTopLevelCommas(_ text: String, _ name: String, _ parts: [String]) throws {
    let variant = try ScenarioVariant(parsing: text)
    #expect(variant.name == name)
    #expect(variant.overrides.map(\.description) == parts)
  }

  @Test(arguments: ["places=230", ": places=230", "x:", "x: a=1, a=2"])
  func malformedVariantsAreRefused(_ text: String) {
    #expect(throws: ScenarioOverride.SyntaxError.self) { try ScenarioVariant(parsing: text) }
  }
}
