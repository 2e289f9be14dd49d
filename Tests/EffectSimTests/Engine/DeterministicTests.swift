import Foundation
import Testing

@testable import EffectSim

/// The expected trace against sums written out by hand.
@Suite struct DeterministicTests {
  /// Σ over cycles k of year `year` of (1 − p)^(k + shift), for a cohort entering at cycle 0.
  private func stayed(_ p: Double, year: Int, shift: Double) -> Double {
    (year * 12..<(year + 1) * 12).reduce(0) { $0 + pow(1 - p, Double($1) + shift) }
  }

  @Test(arguments: [("start", 0.0), ("end", 1.0), ("average", 0.5)])
  func twoStateNetImpactMatchesClosedForm(occupancy: String, shift: Double) throws {
    let model = try Fixtures.model(Fixtures.twoState(
      pIntervention: "0.1", pControl: "0.05", occupancy: occupancy))
    let summary = try Simulation.deterministic(model)
    for year in 0..<3 {
      func expected(_ p: Double) -> Double {
        // Average occupancy counts half of the start state and half of the end state.
        shift == 0.5
          ? (stayed(p, year: year, shift: 0) + stayed(p, year: year, shift: 1)) / 2
          : stayed(p, year: year, shift: shift)
      }
      let net = 20 * 1000 * (expected(0.1) - expected(0.05))
      #expect(abs(summary.netImpact.total[year].mean - net) < 1e-6 * abs(net))
      #expect(summary.netImpact.total[year].sd == 0)
      #expect(summary.netImpact.total[year].percentiles.allSatisfy { $0.value == summary.netImpact.total[year].mean })
    }
    #expect(summary.settings.iterations == 1)
  }

  @Test func lineItemsPaybackAndDiscounting() throws {
    let json = Fixtures.twoState(
      pIntervention: "0.1", pControl: "0.1", years: 4,
      extra: """
        , "discount": {"costs": 0.04, "firstYear": 0},
        "lineItems": [
          {"label": "Team", "area": "Indsats", "byYear": {"2020": 300, "2021": "-100 * 2"}},
          {"label": "Saving", "area": "Service", "byYear": {"2022": -50, "2023": -60}}],
        "payback": [{"name": "Total", "areas": "all"},
                    {"name": "Service", "areas": ["Service"]},
                    {"name": "Indsats", "areas": ["Indsats"], "discounted": true}]
        """)
    let summary = try Simulation.deterministic(try Fixtures.model(json))
    #expect(summary.areas == ["Indsats", "Overførsler", "Service"])
    #expect(summary.netImpact.total.map(\.mean) == [300, -200, -50, -60])
    #expect(summary.cumulativeNetImpact.total.map(\.mean) == [300, 100, 50, -10])
    #expect(summary.payback[0].probabilityByYear == [0, 0, 0, 1])
    #expect(summary.payback[0].medianYear == 4)
    // Service alone is at exactly 0 after year 1: "≤ 0" counts that as paid back.
    #expect(summary.payback[1].probabilityByYear == [1, 1, 1, 1])
    #expect(summary.payback[1].medianYear == 1)
    // Discounted: 300 − 200/1.04 = 107.7 > 0: Indsats alone never pays back.
    #expect(summary.payback[2].probabilityNotWithinHorizon == 1)
    #expect(summary.payback[2].medianYear == nil)
    let present = 300 - 200 / 1.04 - 50 / pow(1.04, 2) - 60 / pow(1.04, 3)
    #expect(abs(summary.presentValue.netImpactTotal.mean - present) < 1e-9)
  }

  @Test func evenSpreadPlacesEntriesAcrossTheYear() throws {
    // 6 people over 12 months: entries at 0, 2, 4, 6, 8, 10; nobody leaves benefits.
    let json = Fixtures.twoState(
      pIntervention: "0", pControl: "0", years: 2, count: "6", spread: "even",
      extra: #", "report": {"occupancyAt": [13]}"#)
    let summary = try Simulation.deterministic(try Fixtures.model(json))
    let benefit = try #require(summary.outcomes.first { $0.name == "benefitCycles" })
    #expect(benefit.intervention.mean == Double(12 + 10 + 8 + 6 + 4 + 2 + 6 * 12))
    // Cycle 13 since entry lies inside the 24-cycle horizon for entries at 0, 2, 4, 6, 8, 10.
    #expect(summary.occupancy[0].intervention[0].share.mean == 1)
  }

  @Test func windowsLimitTransitionsAndCosts() throws {
    let json = """
      {"format": "effectsim/1", "name": "w", "start": 2020, "years": 2,
       "states": [
         {"id": "benefit", "costs": [{"area": "A", "perCycle": 10, "cycles": [0, 6]},
                                     {"area": "A", "perCycle": 1, "cycles": [6]}]},
         {"id": "job"}],
       "arms": {
         "intervention": {"transitions": [{"from": "benefit", "to": "job", "p": 1, "cycles": [3, 4]}]},
         "control": {}},
       "cohort": {"intake": [{"year": 2020, "count": 1}]}}
      """
    let summary = try Simulation.deterministic(try Fixtures.model(json))
    // Intervention: benefit in cycles 0–3 (cost 40), job after. Control: 6·10 + 18·1.
    #expect(summary.armCosts.intervention.map(\.mean) == [40, 0])
    #expect(summary.armCosts.control.map(\.mean) == [60 + 6, 12])
  }

  @Test func transitionSumAboveOneIsARunError() throws {
    let json = """
      {"format": "effectsim/1", "name": "w", "start": 2020, "years": 1,
       "parameters": {"p": 0.6},
       "states": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
       "arms": {
         "intervention": {"transitions": [{"from": "a", "to": "b", "p": "p"},
                                          {"from": "a", "to": "c", "p": "p", "cycles": [2, 5]}]},
         "control": {}},
       "cohort": {"intake": [{"year": 2020, "count": 1}]}}
      """
    let model = try Fixtures.model(json)
    #expect {
      _ = try Simulation.deterministic(model)
    } throws: { error in
      let text = "\(error)"
      return text.contains("\"a\"") && text.contains("[2, 5)") && text.contains("1.2")
    }
  }

  /// A weight that is only negative once drawn is a run error at the weight's full path.
  @Test func negativeInitialWeightNamesArmAndState() throws {
    let json = """
      {"format": "effectsim/1", "name": "w", "start": 2020, "years": 1,
       "parameters": {"w": {"uniform": {"min": -1, "max": -0.5}}},
       "states": [{"id": "a"}, {"id": "b"}],
       "arms": {"intervention": {}, "control": {"initial": {"a": 1, "b": "w"}}},
       "cohort": {"intake": [{"year": 2020, "count": 1}]}}
      """
    let model = try Fixtures.model(json)
    #expect {
      _ = try Simulation.deterministic(model)
    } throws: { error in
      "\(error)".contains("arms.control.initial.b") && "\(error)".contains("negative (-0.75)")
    }
  }

  @Test func divisionByZeroNamesExpressionAndValues() throws {
    let json = Fixtures.twoState(
      pIntervention: "0.1 / q", pControl: "0.05", parameters: #"{"q": 0}"#)
    let model = try Fixtures.model(json)
    #expect {
      _ = try Simulation.deterministic(model)
    } throws: { error in
      let text = "\(error)"
      return text.contains("0.1 / q") && text.contains("q = 0")
        && text.contains("arms.intervention.transitions[0].p")
    }
  }
}
