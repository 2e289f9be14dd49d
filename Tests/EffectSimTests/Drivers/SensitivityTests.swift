import Foundation
import Testing

@testable import EffectSim

/// The risk-driver estimators against models whose answers are known in closed form.
///
/// The models are line items only (no persons), so the target is an exact function of the
/// parameters: Y = a·u₁ + b·u₂ + c·(u₃ − ½)² in kroner, u₁…u₄ independent uniforms on [0, 1]
/// and u₄ unused. Then Var(E[Y | u₁]) = a²/12, Var(E[Y | u₂]) = b²/12,
/// Var(E[Y | u₃]) = c²/180 (since Var((u − ½)²) = 1/80 − 1/144), and u₄ explains nothing.
@Suite("What drives the risk: sensitivity")
struct SensitivityTests {
  static let (a, b, c) = (3_000_000.0, -1_000_000.0, 12_000_000.0)

  static let linear = """
    {"format": "effectsim/1", "name": "linear", "start": 2020, "years": 1,
     "parameters": {"u1": {"uniform": {"min": 0, "max": 1}},
                    "u2": {"uniform": {"min": 0, "max": 1}},
                    "u3": {"uniform": {"min": 0, "max": 1}},
                    "u4": {"uniform": {"min": 0, "max": 1}}},
     "states": [{"id": "any"}], "arms": {"intervention": {}, "control": {}},
     "cohort": {"intake": [{"year": 2020, "count": 0}]},
     "lineItems": [{"label": "Y", "area": "A",
                    "byYear": {"2020": "\(a) * u1 + \(b) * u2 + \(c) * (u3 - 0.5)^2"}}]}
    """

  static var variance: Double { a * a / 12 + b * b / 12 + c * c / 180 }

  static func run(_ json: String, iterations: Int, seed: UInt64) throws -> RunSummary {
    try Simulation.monteCarlo(
      try Fixtures.model(json), options: RunOptions(iterations: iterations, seed: seed, threads: 2))
  }

  static func parameter(_ summary: RunSummary, _ name: String) throws -> ParameterSensitivity {
    try #require(summary.sensitivity.first?.parameters.first { $0.name == name })
  }

  /// Variance shares from eight independent runs: their mean within four standard errors of
  /// the mean (the spread of the eight) plus the binning's own bias, at most S/B² for a
  /// smooth E[Y | θ] (B bins, here 100), of the closed form. The non-monotone u₃ is the case
  /// a rank-based share would miss entirely (its Spearman coefficient is 0).
  @Test func varianceSharesMatchTheClosedForm() throws {
    let expected = [
      "u1": Self.a * Self.a / 12 / Self.variance, "u2": Self.b * Self.b / 12 / Self.variance,
      "u3": Self.c * Self.c / 180 / Self.variance,
    ]
    let runs = 8
    let n = 10_000
    var shares: [String: [Double]] = [:]
    for seed in 1...runs {
      let summary = try Self.run(Self.linear, iterations: n, seed: UInt64(seed))
      for name in expected.keys {
        shares[name, default: []].append(try Self.parameter(summary, name).varianceShare)
      }
    }
    let bins = Double(ParameterBins.targetCount(iterations: n))
    for (name, truth) in expected {
      let values = try #require(shares[name])
      let mean = values.reduce(0, +) / Double(runs)
      let sd = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(runs - 1))
        .squareRoot()
      let tolerance = 4 * sd / Double(runs).squareRoot() + truth / (bins * bins)
      #expect(abs(mean - truth) <= tolerance, "\(name): \(mean) vs \(truth) ± \(tolerance)")
    }
  }

  /// A parameter the target does not depend on: the between-bin sum of squares is then
  /// σ²·χ²(B − 1), so the corrected share is 0 with standard deviation √(2(B − 1))/n. Without
  /// the correction it would sit near (B − 1)/n, eight standard deviations above 0.
  @Test func aParameterThatDoesNotMatterHasNoShare() throws {
    let n = 20_000
    let summary = try Self.run(Self.linear, iterations: n, seed: 5)
    let unused = try Self.parameter(summary, "u4")
    let bins = Double(ParameterBins.targetCount(iterations: n))
    let sd = (2 * (bins - 1)).squareRoot() / Double(n)
    #expect(unused.varianceShare >= 0 && unused.varianceShare <= 4 * sd, "\(unused.varianceShare)")
    #expect(abs(unused.spearman) <= 4 / Double(n - 1).squareRoot(), "\(unused.spearman)")
    // The ranking puts it behind every parameter that matters.
    #expect(try #require(summary.sensitivity.first).parameters.last?.name == "u4")
  }

  @Test func ranksSignsAndPartialCorrelations() throws {
    let summary = try Self.run(Self.linear, iterations: 20_000, seed: 7)
    let entry = try #require(summary.sensitivity.first)
    #expect(entry.parameters.map(\.name) == ["u3", "u1", "u2", "u4"])
    let u1 = try Self.parameter(summary, "u1")
    let u2 = try Self.parameter(summary, "u2")
    let u3 = try Self.parameter(summary, "u3")
    #expect(u1.spearman > 0 && u2.spearman < 0)
    // Partialling out the other parameters removes their noise: larger in magnitude, same sign.
    #expect(u1.prcc > u1.spearman && u2.prcc < u2.spearman)
    // E[Y | u₃] is symmetric about ½: no monotone trend for a rank correlation to see.
    #expect(abs(u3.spearman) <= 4 / Double(19_999).squareRoot(), "\(u3.spearman)")
  }

  /// The probabilistic tornado: E[Y | u₁ ≤ q] = a·q/2 + b/2 + c/12 for the run's 10th
  /// percentile q, and a·(1 + q′)/2 + b/2 + c/12 above its 90th percentile q′; each mean of
  /// about n/10 iterations, within four of its standard errors.
  @Test func tailMeansMatchTheClosedForm() throws {
    let n = 20_000
    let summary = try Self.run(Self.linear, iterations: n, seed: 9)
    let u1 = try Self.parameter(summary, "u1")
    let (a, b, c) = (Self.a, Self.b, Self.c)
    let rest = b / 2 + c / 12
    let restVariance = b * b / 12 + c * c / 180
    let q = u1.low.value
    let lowSE =
      ((a * q) * (a * q) / 12 + restVariance).squareRoot() / (0.1 * Double(n)).squareRoot()
    #expect(abs(q - 0.1) < 0.02)
    #expect(abs(u1.low.mean - (a * q / 2 + rest)) <= 4 * lowSE, "\(u1.low.mean)")
    let p = u1.high.value
    let width = 1 - p
    let highSE = ((a * width) * (a * width) / 12 + restVariance).squareRoot()
      / (0.1 * Double(n)).squareRoot()
    #expect(abs(p - 0.9) < 0.02)
    #expect(abs(u1.high.mean - (a * (1 + p) / 2 + rest)) <= 4 * highSE, "\(u1.high.mean)")
  }

  /// One-way swing: the deterministic model is exact, so the results are the formula at the
  /// 5th and 95th percentiles of u₁ with every other uniform at its base, ½.
  @Test func oneWaySwingIsTheDeterministicModelAtTheQuantiles() throws {
    let summary = try Self.run(Self.linear, iterations: 200, seed: 1)
    let swing = try Self.parameter(summary, "u1").oneWay
    #expect(abs(swing.lowValue - 0.05) < 1e-9 && abs(swing.highValue - 0.95) < 1e-9)
    #expect(abs(swing.lowResult - (Self.a * swing.lowValue + Self.b / 2)) < 1e-3)
    #expect(abs(swing.highResult - (Self.a * swing.highValue + Self.b / 2)) < 1e-3)
    let u3 = try Self.parameter(summary, "u3").oneWay
    let square = (u3.highValue - 0.5) * (u3.highValue - 0.5)
    #expect(abs(u3.highResult - (Self.a / 2 + Self.b / 2 + Self.c * square)) < 1e-3)
  }
}
