import Foundation
import Testing

@testable import EffectSim

/// The scenario's `claim`: how it is read and checked, and how the run holds it against the
/// simulated futures.
@Suite("What drives the risk: the document's own claim")
struct ClaimTests {
  /// Net impact 1 mio. in 2020, then −2 mio. × θ in 2021 and 2022, θ ~ U(0, 1): cumulative
  /// 1 − 2θ at the end of 2021 and 1 − 4θ at the end of 2022.
  static func scenario(claim: String) -> String {
    """
    {"format": "effectsim/1", "name": "theta", "start": 2020, "years": 3,
     "parameters": {"theta": {"uniform": {"min": 0, "max": 1}}},
     "states": [{"id": "any"}], "arms": {"intervention": {}, "control": {}},
     "cohort": {"intake": [{"year": 2020, "count": 0}]},
     "lineItems": [{"label": "Invest", "area": "A", "byYear": {"2020": 1000000}},
                   {"label": "Saving", "area": "A",
                    "byYear": {"2021": "-2000000 * theta", "2022": "-2000000 * theta"}}],
     "payback": [{"name": "Totaløkonomi", "areas": "all"}],
     "claim": \(claim)}
    """
  }

  /// The claim says −0.5 mio. in 2021 (so cumulative 0.5 mio.) and payback in 2 years.
  /// P(1 − 2θ ≤ 0.5) = P(θ ≥ 1/4) = 3/4; P(1 − 4θ ≤ 0.5) = P(θ ≥ 1/8) = 7/8 in 2022, where the
  /// claim lists nothing (0); P(payback within 2 years) = P(θ ≥ 1/2) = 1/2. Each a share of n
  /// iterations: binomial standard error √(p(1 − p)/n).
  @Test func theClaimIsHeldAgainstTheFutures() throws {
    let json = Self.scenario(
      claim: #"""
        {"netImpact": {"2020": 1000000, "2021": -500000}, "payback": {"Totaløkonomi": 2},
         "source": "Tabel 1"}
        """#)
    let n = 20_000
    let summary = try Simulation.monteCarlo(
      try Fixtures.model(json), options: RunOptions(iterations: n, seed: 6))
    let claim = try #require(summary.claim)
    #expect(claim.netImpact == [1_000_000, -500_000, 0])
    #expect(claim.cumulative == [1_000_000, 500_000, 500_000])
    #expect(claim.source == "Tabel 1")
    func near(_ value: Double, _ p: Double) -> Bool {
      abs(value - p) <= 4 * (p * (1 - p) / Double(n)).squareRoot()
    }
    // 2020: everyone sits exactly at the claim's 1 mio.: "at or below" counts them all.
    #expect(claim.cumulativeRank[0] == 1)
    #expect(near(claim.cumulativeRank[1], 0.75), "\(claim.cumulativeRank)")
    #expect(near(claim.cumulativeRank[2], 0.875), "\(claim.cumulativeRank)")
    let payback = try #require(claim.payback.first)
    #expect(payback.name == "Totaløkonomi" && payback.years == 2)
    #expect(near(payback.probability, 0.5), "\(payback.probability)")
    #expect(payback.probability == summary.payback[0].probabilityByYear[1])
  }

  @Test func aClaimedPaybackBeyondTheHorizonCannotBeJudged() throws {
    let json = Self.scenario(claim: #"{"payback": {"Totaløkonomi": 7}}"#)
    let summary = try Simulation.monteCarlo(
      try Fixtures.model(json), options: RunOptions(iterations: 100, seed: 1))
    let payback = try #require(summary.claim?.payback.first)
    #expect(payback.years == 7 && payback.probability.isNaN)
    #expect(summary.claim?.netImpact == [0, 0, 0])
  }

  @Test(arguments: [
    (#"{"netImpact": {"2019": 5}}"#, "claim.netImpact.2019", "outside the horizon"),
    (#"{"netImpact": {"20x1": 5}}"#, "claim.netImpact.20x1", "not a year"),
    (
      #"{"payback": {"Totaløkonomy": 4}}"#, "claim.payback.Totaløkonomy",
      "did you mean \"Totaløkonomi\""
    ),
    (#"{"payback": {"Totaløkonomi": 0}}"#, "claim.payback.Totaløkonomi", "at least 1"),
    (#"{"payback": {"Totaløkonomi": 2.5}}"#, "claim.payback.Totaløkonomi", "whole number"),
    (#"{"netImpact": {"2020": "1e6"}}"#, "claim.netImpact.2020", "expected a number"),
    (#"{"sorce": "Tabel 1"}"#, "claim.sorce", "did you mean \"source\""),
  ])
  func aBadClaimIsRefusedWithItsPlace(claim: String, path: String, message: String) {
    let errors = Fixtures.errors(Self.scenario(claim: claim))
    #expect(
      errors.contains { $0.path == path && $0.message.contains(message) },
      "\(errors.map(\.description))")
  }
}
