@testable import EffectSim

/// Small scenarios for tests, written as the JSON an analyst would write.
enum Fixtures {
  static func model(_ json: String) throws -> Model {
    try Model.load(Array(json.utf8))
  }

  /// One iteration of `model` through `kernel`, its parameters and tables drawn and built as
  /// a run draws and builds them: for tests that compare two of the individual kernel's
  /// paths on the same streams.
  static func tally(
    _ model: Model, seed: UInt64, iteration: Int, kernel: IndividualKernel
  ) throws -> Tally {
    var tables = IterationTables(model: model)
    let streams = IterationStreams(seed: seed, iteration: iteration)
    try tables.drawIterationParameters(model, streams, iteration: iteration)
    try tables.prepareIteration(model, iteration: iteration)
    var tally = Tally(model: model)
    var kernel = kernel
    try kernel.run(model, &tables, streams, into: &tally, iteration: iteration)
    return tally
  }

  /// Decoding errors of a scenario that must be invalid; empty if it is valid.
  static func errors(_ json: String) -> [ScenarioError] {
    do {
      _ = try Model.load(Array(json.utf8))
      return []
    } catch {
      return error.errors
    }
  }

  /// No people; an investment of 1,000,000 in 2020 and savings of 2,000,000 · θ in 2021 and
  /// 2022, θ ~ Uniform(0, 1): paid back by year 2 iff θ ≥ ½, by year 3 iff θ ≥ ¼, and
  /// cumulative net impact in year 3 is 1,000,000 − 4,000,000 · θ.
  static let uniformPayback = """
    {"format": "effectsim/1", "name": "theta", "start": 2020, "years": 3,
     "parameters": {"theta": {"uniform": {"min": 0, "max": 1}}},
     "states": [{"id": "any"}], "arms": {"intervention": {}, "control": {}},
     "cohort": {"intake": [{"year": 2020, "count": 0}]},
     "lineItems": [{"label": "Invest", "area": "A", "byYear": {"2020": 1000000}},
                   {"label": "Saving", "area": "A",
                    "byYear": {"2021": "-2000000 * theta", "2022": "-2000000 * theta"}}]}
    """

  /// A two-state model: `benefit` costs `benefitCost` a cycle; people leave for `job` with
  /// probability `pIntervention` / `pControl` per cycle.
  static func twoState(
    pIntervention: String, pControl: String, parameters: String = "{}", years: Int = 3,
    cycle: String = "month", occupancy: String = "start", count: String = "20",
    spread: String = "start", extra: String = ""
  ) -> String {
    """
    {
      "format": "effectsim/1", "name": "two states", "start": 2020, "years": \(years),
      "cycle": "\(cycle)", "occupancy": "\(occupancy)",
      "parameters": \(parameters),
      "states": [
        {"id": "benefit", "costs": [{"area": "Overførsler", "perCycle": 1000}],
         "outcomes": {"benefitCycles": 1}},
        {"id": "job", "outcomes": {"employed": 1}}
      ],
      "arms": {
        "intervention": {"transitions": [{"from": "benefit", "to": "job", "p": "\(pIntervention)"}]},
        "control": {"transitions": [{"from": "benefit", "to": "job", "p": "\(pControl)"}]}
      },
      "cohort": {"intake": [{"year": 2020, "count": \(count), "spread": "\(spread)"}]}
      \(extra)
    }
    """
  }
}
