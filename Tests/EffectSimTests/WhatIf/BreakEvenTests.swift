import Foundation
import Testing

@testable import EffectSim

@Suite struct BreakEvenTests {
  /// One year; cumulative net impact = cost − saving, saving ~ Uniform(100, 500).
  ///
  /// Deterministic: saving at its mean, so the break-even cost is 300. Probabilistic:
  /// P(payback) = P(saving ≥ cost) = (500 − cost) / 400, so P = A at cost = 500 − 400 A.
  static let uniformCase = """
    {"format": "effectsim/1", "name": "uniform saving", "start": 2020, "years": YEARS,
     "cycle": "year", "discount": {"costs": 0.1},
     "parameters": {"cost": 250, "saving": {"uniform": {"min": 100, "max": 500}},
                    "unused": {"normal": {"mean": 0, "sd": 1}}},
     "states": [{"id": "benefit"}],
     "arms": {"intervention": {"transitions": []}, "control": {"transitions": []}},
     "cohort": {"intake": [{"year": 2020, "count": 1}]},
     "lineItems": [{"label": "Team", "area": "Indsats", "byYear": {"2020": "cost"}},
                   {"label": "Saving", "area": "Overførsler", "byYear": {SAVING}}],
     "payback": [{"name": "Total", "areas": "all"},
                 {"name": "Discounted", "areas": "all", "discounted": true}]}
    """

  static func document(years: Int = 1, saving: String = #""2020": "-saving""#) throws
    -> JSONValue
  {
    try JSONParser.parse(
      uniformCase.replacingOccurrences(of: "YEARS", with: String(years))
        .replacingOccurrences(of: "SAVING", with: saving))
  }

  @Test func aUniformSavingHasItsClosedFormBreakEven() throws {
    let target = 0.3
    let n = 4000
    let question = BreakEvenQuestion(
      parameter: "cost", probability: target, options: RunOptions(iterations: n, seed: 11))
    let answer = try BreakEven.solve(document: Self.document(), overrides: [], question)

    #expect(answer.range == BreakEvenRange(low: -2250, high: 2750, origin: .tenfold))
    let deterministic = try #require(answer.deterministic.value)
    #expect(abs(deterministic - 300) < 1e-6)
    #expect(answer.deterministic.atLow == -2250 - 300 && answer.deterministic.atHigh == 2750 - 300)

    let probabilistic = try #require(answer.probabilistic)
    #expect(probabilistic.atLow == 1 && probabilistic.atHigh == 0)
    let value = try #require(probabilistic.value)
    // The estimate is the empirical (1 − A) quantile of the saving: its standard error is
    // √(A(1 − A)/n) / density, the density being 1/400.
    let se = (target * (1 - target) / Double(n)).squareRoot() * 400
    #expect(abs(value - (500 - 400 * target)) < 4 * se, "\(value)")
    // The interval is where P̂ lies within 1.96 √(A(1 − A)/n) of A: about ±1.96 se around the
    // estimate. Its width is the spacing of two order statistics 2 × 1.96 √(A(1−A)/n) apart
    // in probability, whose sd is 400 √(that / n).
    let low = try #require(probabilistic.interval.low)
    let high = try #require(probabilistic.interval.high)
    #expect(low < value && value < high)
    let spacing = 2 * 1.959964 * (target * (1 - target) / Double(n)).squareRoot()
    let widthSD = 400 * (spacing / Double(n)).squareRoot()
    #expect(abs((high - low) - spacing * 400) < 4 * widthSD + 1, "\(low)…\(high)")
    #expect(probabilistic.iterations == n && probabilistic.steps < 60)
  }

  @Test func commonRandomNumbersMakeTheProbabilityAStepFunctionOfTheValue() throws {
    // With the same draws at every value, P̂(v) is the empirical survival function of the
    // saving: P̂ at the interval's ends differs from A by at most the margin plus one step.
    let n = 2000
    let document = try Self.document()
    let question = BreakEvenQuestion(
      parameter: "cost", probability: 0.5, options: RunOptions(iterations: n, seed: 3))
    let answer = try BreakEven.solve(document: document, overrides: [], question)
    let value = try #require(answer.probabilistic?.value)
    var search = try BreakEvenSearch(document: document, overrides: [], question)
    search.options.kernel = .individual
    let below = try search.probability(at: value - 0.5)
    let above = try search.probability(at: value + 0.5)
    // Half a krone either side of the answer, P̂ straddles A within a few draws.
    #expect(below >= 0.5 - 3.0 / Double(n) && above <= 0.5 + 3.0 / Double(n), "\(below) \(above)")
    #expect(below >= above)
  }

  @Test func theYearAndADiscountedDefinitionAreHonoured() throws {
    // Two years: cost in 2020, the saving in 2021. By the end of year 1 nothing is saved;
    // discounted at 10 %, the saving counts 1/1.1.
    let document = try Self.document(years: 2, saving: #""2021": "-saving""#)
    let discounted = try BreakEven.solve(
      document: document, overrides: [],
      BreakEvenQuestion(parameter: "cost", payback: "Discounted"))
    #expect(abs(try #require(discounted.deterministic.value) - 300 / 1.1) < 1e-6)
    #expect(discounted.payback == "Discounted" && discounted.discounted)
    let firstYear = try BreakEven.solve(
      document: document, overrides: [], BreakEvenQuestion(parameter: "cost", year: 1))
    // Cumulative net impact at the end of 2020 is the cost alone: zero at cost 0.
    #expect(abs(try #require(firstYear.deterministic.value)) < 1e-6)
    #expect(firstYear.calendarYear == 2020)
  }

  @Test func notReachedIsAnAnswer() throws {
    let answer = try BreakEven.solve(
      document: Self.document(), overrides: [],
      BreakEvenQuestion(
        parameter: "cost", probability: 0.5, range: 350...450,
        options: RunOptions(iterations: 1000, seed: 1)))
    #expect(answer.deterministic.value == nil)
    #expect(answer.deterministic.atLow == 50 && answer.deterministic.atHigh == 150)
    let probabilistic = try #require(answer.probabilistic)
    #expect(probabilistic.value == nil)
    #expect(probabilistic.interval.low == nil && probabilistic.interval.high == nil)
    // P(saving ≥ 450) = 1/8: within 4 MCSE.
    #expect(abs(probabilistic.atHigh - 0.125) < 4 * (0.125 * 0.875 / 1000).squareRoot())
    #expect(probabilistic.steps == 2)
  }

  @Test func overridesApplyAndTheSearchedParameterMayBeADistribution() throws {
    // Searching the saving itself: the deterministic break-even is the cost, 250, or 320
    // with `--set cost=320`.
    let answer = try BreakEven.solve(
      document: Self.document(), overrides: [ScenarioOverride(parameter: "cost", fixedAt: 320)],
      BreakEvenQuestion(parameter: "saving"))
    #expect(answer.range == BreakEvenRange(low: 100, high: 500, origin: .support))
    #expect(abs(try #require(answer.deterministic.value) - 320) < 1e-6)
    #expect(answer.overrides.map(\.description) == ["cost=320"])
    let unbounded = try BreakEven.solve(
      document: Self.document(), overrides: [], BreakEvenQuestion(parameter: "unused"))
    #expect(unbounded.range.origin == .quantiles)
    #expect(abs(unbounded.range.high - 3.090232) < 1e-4 && unbounded.range.low < -3.09)
  }

  /// Ten people leave benefits with probability `pj` in their one yearly cycle; each year on
  /// benefits costs 100, and the team 500: net impact 500 − 1000 pj, zero at pj = 0.5.
  static let probabilityCase = """
    {"format": "effectsim/1", "name": "probability", "start": 2020, "years": 1,
     "cycle": "year", "occupancy": "end", "parameters": {"pj": 0.2},
     "states": [{"id": "benefit", "costs": [{"area": "Overførsler", "perCycle": 100}]},
                {"id": "job"}],
     "arms": {"intervention": {"transitions": [{"from": "benefit", "to": "job", "p": "pj"}]},
              "control": {"transitions": []}},
     "cohort": {"intake": [{"year": 2020, "count": 10}]},
     "lineItems": [{"label": "Team", "area": "Indsats", "byYear": {"2020": 500}}]}
    """

  @Test func aDefaultRangeIsNarrowedToWhereTheScenarioRuns() throws {
    let answer = try BreakEven.solve(
      document: JSONParser.parse(Self.probabilityCase), overrides: [],
      BreakEvenQuestion(parameter: "pj"))
    // ±10 × 0.2 reaches probabilities below 0 and above 1; the range ends just inside.
    #expect(answer.range.narrowed.count == 2)
    #expect(answer.range.narrowed.allSatisfy { $0.reason.contains("at pj = ") })
    #expect(abs(answer.range.low) < 1e-5 && abs(answer.range.high - 1) < 1e-5, "\(answer.range)")
    #expect(abs(try #require(answer.deterministic.value) - 0.5) < 1e-6)
    // A range the user gives is not narrowed: its failure is the answer.
    #expect {
      try BreakEven.solve(
        document: JSONParser.parse(Self.probabilityCase), overrides: [],
        BreakEvenQuestion(parameter: "pj", range: 0...2))
    } throws: { error in
      guard let error = error as? BreakEvenError else { return false }
      return error.kind == .run && error.message.contains("at pj = 2:")
    }
  }

  @Test func questionsThatDoNotFitTheScenarioSayWhy() throws {
    let document = try Self.document()
    let cases: [(BreakEvenQuestion, String)] = [
      (BreakEvenQuestion(parameter: "cots"), "did you mean \"cost\""),
      (BreakEvenQuestion(parameter: "cost", payback: "Totl"), "did you mean \"Total\""),
      (BreakEvenQuestion(parameter: "cost", year: 2), "not within the horizon"),
      (BreakEvenQuestion(parameter: "cost", probability: 1), "strictly between 0 and 1"),
      (BreakEvenQuestion(parameter: "cost", range: 5...5), "range is empty"),
    ]
    for (question, message) in cases {
      #expect {
        try BreakEven.solve(document: document, overrides: [], question)
      } throws: { error in
        guard let error = error as? BreakEvenError else { return false }
        return error.kind == .question && error.message.contains(message)
      }
    }
  }
}
