import EffectSim
import Foundation
import Testing

@testable import EffectSimCLI

@Suite struct BreakEvenCommandTests {
  /// Cumulative net impact = cost − saving, saving ~ Uniform(100, 500): break-even cost 300
  /// deterministically, 500 − 400 A with probability A.
  static let scenario = """
    {"format": "effectsim/1", "name": "uniform saving", "start": 2020, "years": 1,
     "cycle": "year", "parameters": {"cost": 250, "saving": {"uniform": {"min": 100, "max": 500}}},
     "states": [{"id": "benefit"}],
     "arms": {"intervention": {"transitions": []}, "control": {"transitions": []}},
     "cohort": {"intake": [{"year": 2020, "count": 1}]},
     "lineItems": [{"label": "Team", "area": "Indsats", "byYear": {"2020": "cost"}},
                   {"label": "Saving", "area": "Overførsler", "byYear": {"2020": "-saving"}}]}
    """

  @Test func jsonCarriesTheIssuesKeysFirst() throws {
    let result = effectsim(
      ["breakeven", "-", "--parameter", "cost", "--probability", "0.25", "-n", "1000",
       "--format", "json", "--set", "saving={\"uniform\": {\"min\": 100, \"max\": 900}}"],
      input: Self.scenario)
    #expect(result.code == 0, "\(result.err)")
    guard case .object(let members) = try JSONParser.parse(result.out) else {
      Issue.record("not an object")
      return
    }
    #expect(Array(members.map(\.key).prefix(5))
      == ["parameter", "payback", "year", "deterministic", "probabilistic"])
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
    #expect(json["parameter"] as? String == "cost" && json["payback"] as? String == "Total")
    #expect(json["year"] as? Int == 1)
    let deterministic = try #require(json["deterministic"] as? [String: Any])
    // With the saving set to Uniform(100, 900) the mean saving is 500.
    #expect(abs(try #require(deterministic["value"] as? Double) - 500) < 1e-6)
    let probabilistic = try #require(json["probabilistic"] as? [String: Any])
    #expect(probabilistic["probability"] as? Double == 0.25)
    #expect(probabilistic["iterations"] as? Int == 1000)
    let value = try #require(probabilistic["value"] as? Double)
    // 900 − 800 × 0.25 = 700, standard error 800 √(0.25 × 0.75 / 1000).
    let standardError: Double = 800 * (0.25 * 0.75 / 1000.0).squareRoot()
    #expect(abs(value - 700) < 4 * standardError)
    let interval = try #require(probabilistic["interval"] as? [Double])
    #expect(interval.count == 2 && interval[0] < value && value < interval[1])
    let settings = try #require(json["settings"] as? [String: Any])
    let overrides = try #require(settings["overrides"] as? [[String: Any]])
    #expect(overrides.first?["parameter"] as? String == "saving")
  }

  @Test func tableAndMarkdownSpeakBothLanguages() {
    let english = effectsim(
      ["breakeven", "-", "-p", "cost", "--probability", "0.5", "-n", "500"],
      input: Self.scenario)
    #expect(english.code == 0, "\(english.err)")
    #expect(english.out.contains("cost = 300: cumulative net impact is 0 at the end of 2020."))
    #expect(english.out.contains("Probability of payback within 1 year = 50 %"))
    #expect(english.out.contains("95 % Monte Carlo interval"))
    let danish = effectsim(
      ["breakeven", "-", "-p", "cost", "--range", "350,450", "--probability", "0.5", "-n", "500",
       "--lang", "da", "--format", "markdown", "--set", "cost=1"],
      input: Self.scenario)
    #expect(danish.code == 0, "\(danish.err)")
    #expect(danish.out.hasPrefix("# Nulpunkt for cost"))
    #expect(danish.out.contains("Ikke nået mellem 350 og 450: P er 0,3"), "\(danish.out)")
    #expect(danish.out.contains("**Ændret på kommandolinjen:** cost=1"))
  }

  @Test func failuresMapToExitCodes() {
    let misspelt = effectsim(["breakeven", "-", "-p", "cots"], input: Self.scenario)
    #expect(misspelt.code == 64)
    #expect(misspelt.err.contains("did you mean \"cost\""), "\(misspelt.err)")
    let missing = effectsim(["breakeven", "-"], input: Self.scenario)
    #expect(missing.code == 64 && missing.err.contains("--parameter NAME is required"))
    let certain = effectsim(
      ["breakeven", "-", "-p", "cost", "--probability", "1"], input: Self.scenario)
    #expect(certain.code == 64)
    let badRange = effectsim(
      ["breakeven", "-", "-p", "cost", "--range", "5"], input: Self.scenario)
    #expect(badRange.code == 64 && badRange.err.contains("LO,HI"))
    let invalid = effectsim(
      ["breakeven", "-", "-p", "cost", "--set", "saving={\"uniform\": {\"min\": 5, \"max\": 1}}"],
      input: Self.scenario)
    #expect(invalid.code == 65 && invalid.err.contains("parameters.saving"), "\(invalid.err)")
    let failing = effectsim(
      ["breakeven", "-", "-p", "cost", "--range=-5,5", "--set", "saving=ln(cost)"],
      input: Self.scenario)
    #expect(failing.code == 65 && failing.err.contains("at cost = -5"), "\(failing.err)")
  }
}
