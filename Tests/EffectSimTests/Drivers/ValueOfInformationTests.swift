import Foundation
import Testing

@testable import EffectSim

/// EVPI and EVPPI for the decision "fund or not", net benefit NB = −Y, in closed form.
///
/// The target is Y = θ + ε kroner with θ uniform on [−1, 2] mio. kr. and ε uniform on
/// [−w, w]. Funding pays (NB > 0) when Y < 0; on average it does not (E[NB] = −0.5 mio.), so
/// the value of information is E[max(NB given what is known, 0)] alone.
@Suite("What drives the risk: value of information")
struct ValueOfInformationTests {
  static let million = 1_000_000.0

  /// ε is a one-value discrete distribution when w is 0: drawn, but never varying.
  static func scenario(noise w: Double) -> String {
    let eps = w > 0
      ? #"{"uniform": {"min": \#(-w), "max": \#(w)}}"#
      : #"{"discrete": {"values": [0], "weights": [1]}}"#
    return """
    {"format": "effectsim/1", "name": "one uniform", "start": 2020, "years": 2,
     "parameters": {"theta": {"uniform": {"min": -1000000, "max": 2000000}},
                    "eps": \(eps)},
     "states": [{"id": "any"}], "arms": {"intervention": {}, "control": {}},
     "cohort": {"intake": [{"year": 2020, "count": 0}]},
     "lineItems": [{"label": "Invest", "area": "A", "byYear": {"2020": "theta + eps"}}]}
    """
  }

  static func run(noise w: Double, n: Int, seed: UInt64) throws -> SensitivitySummary {
    let model = try Fixtures.model(scenario(noise: w))
    let summary = try Simulation.monteCarlo(
      model, options: RunOptions(iterations: n, seed: seed, threads: 2))
    return try #require(summary.sensitivity.first)
  }

  /// With ε ≡ 0 the payback is driven by θ alone: EVPI = E[max(−θ, 0)] = (1/3)·∫₀¹ t dt mio.
  /// = 1/6 mio. kr., and EVPPI(θ) = EVPI. The EVPI estimate is a mean of n values of
  /// max(−θ, 0), whose sd is √(1/9 − 1/36) mio.; the EVPPI lies below it only by the bin that
  /// straddles zero, by at most (1/B)·(3 mio./B)/2.
  @Test func aPaybackDrivenByOneUniformHasEVPIEqualToEVPPI() throws {
    let n = 20_000
    let entry = try Self.run(noise: 0, n: n, seed: 4)
    let theta = try #require(entry.parameters.first { $0.name == "theta" })
    #expect(entry.parameters.count == 1)  // ε ≡ 0 does not vary: not an uncertain parameter
    // Y is θ itself: ranks identical, every correlation 1 (the singular matrix's fallback).
    #expect(abs(theta.spearman - 1) < 1e-12 && abs(theta.prcc - 1) < 1e-12)
    #expect(theta.varianceShare > 0.999)
    let truth = Self.million / 6
    let mcse = Self.million * (1.0 / 9 - 1.0 / 36).squareRoot() / Double(n).squareRoot()
    #expect(abs(entry.evpi - truth) <= 4 * mcse, "\(entry.evpi) vs \(truth) ± \(mcse)")
    let bins = Double(ParameterBins.targetCount(iterations: n))
    #expect(theta.evppi <= entry.evpi)
    #expect(entry.evpi - theta.evppi <= 3 * Self.million / (2 * bins * bins))
  }

  /// With noise of half-width w = 1 mio.:
  /// - EVPI = E[max(−θ − ε, 0)] = ∫₀² t·(2 − t)/6 dt = 2/9 mio. (the density of θ + ε is
  ///   (u + 2)/6 on [−2, 0]); the sd of max(−θ − ε, 0) is √(2/9 − 4/81) mio.;
  /// - EVPPI(θ) = E[max(−θ − E ε, 0)] = 1/6 mio. as before;
  /// - EVPPI(ε) = E[max(−0.5 mio. − ε, 0)] = (w − 0.5 mio.)² / (4w) = 62,500 kr.
  ///
  /// An EVPPI estimated from bin means has an upward bias: a bin mean of NB carries the noise of
  /// the other parameter, variance σ²_b = Var(other)/(n/B), and max(·, 0) turns noise near zero
  /// into gain. Integrated over the bins that bias is about f(0)·σ²_b/2, f the density of
  /// E[NB | θ] at 0; it is added to the expectation, and once more to the tolerance since the
  /// formula is a first-order one.
  @Test func evppiOfEachParameterMatchesTheClosedForm() throws {
    let n = 20_000
    let w = Self.million
    let entry = try Self.run(noise: w, n: n, seed: 8)
    let bins = Double(ParameterBins.targetCount(iterations: n))
    let perBin = Double(n) / bins

    let evpiSE = Self.million * (2.0 / 9 - 4.0 / 81).squareRoot() / Double(n).squareRoot()
    #expect(
      abs(entry.evpi - 2 * Self.million / 9) <= 4 * evpiSE, "\(entry.evpi) ± \(evpiSE)")

    func check(
      _ name: String, truth: Double, valueSD: Double, density: Double, other: Double
    ) throws {
      let parameter = try #require(entry.parameters.first { $0.name == name })
      let binVariance = other / perBin
      let bias = density * binVariance / 2
      let mcse = (valueSD * valueSD / Double(n) + binVariance / bins).squareRoot()
      #expect(
        abs(parameter.evppi - (truth + bias)) <= 4 * mcse + bias,
        "\(name): \(parameter.evppi) vs \(truth) + \(bias) ± \(4 * mcse + bias)")
      #expect(parameter.evppi <= entry.evpi)
    }
    // max(−θ, 0): mean 1/6, second moment 1/9 (mio.²); ε's variance w²/3.
    try check(
      "theta", truth: Self.million / 6, valueSD: Self.million * (1.0 / 9 - 1.0 / 36).squareRoot(),
      density: 1 / (3 * Self.million), other: w * w / 3)
    // max(−0.5 mio. − ε, 0): mean (w − h)²/(4w), second moment (w − h)³/(6w), h = 0.5 mio.;
    // θ's variance (3 mio.)²/12.
    let h = 0.5 * Self.million
    let mean = (w - h) * (w - h) / (4 * w)
    let second = (w - h) * (w - h) * (w - h) / (6 * w)
    try check(
      "eps", truth: mean, valueSD: (second - mean * mean).squareRoot(), density: 1 / (2 * w),
      other: 9 * Self.million * Self.million / 12)
  }
}
