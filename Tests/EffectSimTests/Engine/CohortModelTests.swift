import Foundation
import Testing

@testable import EffectSim

/// A four-state annual cohort model of the classic health-economics kind, checked against a
/// Markov trace computed here by plain matrix arithmetic, independently of the engine.
@Suite struct CohortModelTests {
  static let json = """
    {
      "format": "effectsim/1", "name": "four states", "start": 2020, "years": 6,
      "cycle": "year", "occupancy": "end", "discount": {"costs": 0.035, "firstYear": 1},
      "parameters": {"rr": 1.8, "toJob": 0.10},
      "states": [
        {"id": "benefit", "costs": [
          {"area": "Overførsler", "perCycle": 100000},
          {"area": "Service", "perCycle": 20000, "arm": "intervention", "cycles": [0, 2]}]},
        {"id": "job"},
        {"id": "education", "costs": [{"area": "Overførsler", "perCycle": 60000}]},
        {"id": "pension", "costs": [{"area": "Overførsler", "perCycle": 150000}]}
      ],
      "arms": {
        "intervention": {"transitions": [
          {"from": "benefit", "to": "job", "p": "toJob * rr", "cycles": [0, 2]},
          {"from": "benefit", "to": "job", "p": "toJob", "cycles": [2]},
          {"from": "benefit", "to": "education", "p": 0.05},
          {"from": "benefit", "to": "pension", "p": 0.03},
          {"from": "job", "to": "benefit", "p": 0.2},
          {"from": "education", "to": "job", "p": 0.3},
          {"from": "education", "to": "benefit", "p": 0.1}]},
        "control": {"transitions": [
          {"from": "benefit", "to": "job", "p": "toJob"},
          {"from": "benefit", "to": "education", "p": 0.05},
          {"from": "benefit", "to": "pension", "p": 0.03},
          {"from": "job", "to": "benefit", "p": 0.2},
          {"from": "education", "to": "job", "p": 0.3},
          {"from": "education", "to": "benefit", "p": 0.1}]}
      },
      "cohort": {"intake": [{"year": 2020, "count": 100}]}
    }
    """

  /// Transition matrix of one arm in cycle `t`; rows: from, columns: to
  /// (benefit, job, education, pension).
  static func matrix(relativeRisk: Double) -> [[Double]] {
    let toJob = 0.10 * relativeRisk
    return [
      [1 - toJob - 0.05 - 0.03, toJob, 0.05, 0.03],
      [0.2, 0.8, 0, 0],
      [0.1, 0.3, 0.6, 0],
      [0, 0, 0, 1],
    ]
  }

  /// Yearly (Overførsler, Service) costs of one arm: with `end` occupancy, year t counts the
  /// state after the t-th transition.
  static func costs(intervention: Bool) -> [(transfers: Double, service: Double)] {
    var trace = [100.0, 0, 0, 0]
    var result: [(Double, Double)] = []
    for t in 0..<6 {
      let p = matrix(relativeRisk: intervention && t < 2 ? 1.8 : 1)
      trace = (0..<4).map { to in (0..<4).reduce(0) { $0 + trace[$1] * p[$1][to] } }
      let transfers = trace[0] * 100_000 + trace[2] * 60_000 + trace[3] * 150_000
      let service = intervention && t < 2 ? trace[0] * 20_000 : 0
      result.append((transfers, service))
    }
    return result
  }

  @Test func netImpactAndPresentValueMatchAnIndependentTrace() throws {
    let summary = try Simulation.deterministic(try Fixtures.model(Self.json))
    let intervention = Self.costs(intervention: true)
    let control = Self.costs(intervention: false)
    let net = (0..<6).map {
      intervention[$0].transfers + intervention[$0].service - control[$0].transfers
    }
    for year in 0..<6 {
      #expect(abs(summary.netImpact.total[year].mean - net[year]) < 1e-6)
      let service = try #require(summary.netImpact.byArea.first { $0.area == "Service" })
      #expect(abs(service.values[year].mean - intervention[year].service) < 1e-6)
    }
    let present = (0..<6).reduce(0.0) { $0 + net[$1] / pow(1.035, Double($1 + 1)) }
    #expect(abs(summary.presentValue.netImpactTotal.mean - present) < 1e-6)
  }
}
