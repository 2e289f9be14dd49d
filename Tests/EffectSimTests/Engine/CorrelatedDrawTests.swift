import Foundation
import Testing

@testable import EffectSim

/// Correlated parameters through the Gaussian copula, as the engine draws them: the requested
/// rank correlation, the declared marginals, and no effect on anything else.
@Suite("Correlated draws")
struct CorrelatedDrawTests {
  /// Iteration-scope values of `names` for iterations `0..<iterations`, drawn as a run draws
  /// them; `values[name][i]` is iteration i's value.
  static func draws(
    _ model: Model, _ names: [String], iterations: Int, seed: UInt64 = 1
  ) throws -> [String: [Double]] {
    var tables = IterationTables(model: model)
    var result: [String: [Double]] = [:]
    let slots = names.map { name in model.parameterNames.firstIndex(of: name) ?? -1 }
    for name in names { result[name] = [] }
    for i in 0..<iterations {
      try tables.drawIterationParameters(
        model, IterationStreams(seed: seed, iteration: i), iteration: i)
      for (name, slot) in zip(names, slots) { result[name]?.append(tables.values[slot]) }
    }
    return result
  }

  static func scenario(parameters: String, correlations: String, extra: String = "") -> String {
    Fixtures.twoState(
      pIntervention: "0", pControl: "0", parameters: parameters,
      extra: ", \"correlations\": \(correlations)" + extra)
  }

  static func mean(_ x: [Double]) -> Double { x.reduce(0, +) / Double(x.count) }

  /// Sample mean and its standard error.
  static func estimate(_ x: [Double]) -> (mean: Double, mcse: Double) {
    let m = mean(x)
    let variance = x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(x.count - 1)
    return (m, (variance / Double(x.count)).squareRoot())
  }

  static func pearson(_ x: [Double], _ y: [Double]) -> Double {
    let mx = mean(x)
    let my = mean(y)
    var sxy = 0.0
    var sxx = 0.0
    var syy = 0.0
    for (a, b) in zip(x, y) {
      sxy += (a - mx) * (b - my)
      sxx += (a - mx) * (a - mx)
      syy += (b - my) * (b - my)
    }
    return sxy / (sxx * syy).squareRoot()
  }

  /// Spearman's rank correlation of two continuous variables from the uniforms F(x), G(y):
  /// ρs = 12·E[F(X)G(Y)] − 3, estimated with its standard error.
  static func rankCorrelation(_ u: [Double], _ v: [Double]) -> (value: Double, mcse: Double) {
    let (value, mcse) = estimate(zip(u, v).map { 12 * $0 * $1 - 3 })
    return (value, mcse)
  }

  // MARK: - Two uniforms

  static let uniforms = scenario(
    parameters: """
      {"a": {"uniform": {"min": 0, "max": 1}}, "b": {"uniform": {"min": 0, "max": 1}}}
      """,
    correlations: #"[{"parameters": ["a", "b"], "rank": 0.6}]"#,
    extra: #"""
      , "lineItems": [{"label": "sum", "area": "Overførsler",
                       "byYear": {"2020": "1000 * (a + b)"}}]
      """#)

  @Test("two uniforms with rank 0.6: the rank correlation, and the normal correlation behind it")
  func rankCorrelationOfTwoUniforms() throws {
    let model = try Fixtures.model(Self.uniforms)
    let n = 100_000
    let values = try Self.draws(model, ["a", "b"], iterations: n)
    let a = try #require(values["a"])
    let b = try #require(values["b"])
    // Uniform on [0, 1] is its own distribution function.
    let rank = Self.rankCorrelation(a, b)
    #expect(abs(rank.value - 0.6) <= 4 * rank.mcse, "ρs = \(rank.value) ± \(rank.mcse)")
    // Sharper: the normal scores have correlation 2·sin(π·0.6/6) = 0.618, with standard error
    // (1 − r²)/√n for normal pairs; a copula fed 0.6 itself would be 0.018 off, 13 MCSE.
    let r = 2 * sin(Double.pi * 0.6 / 6)
    let scores = Self.pearson(
      a.map(SpecialFunctions.normalQuantile), b.map(SpecialFunctions.normalQuantile))
    #expect(abs(scores - r) <= 4 * (1 - r * r) / Double(n).squareRoot(), "r = \(scores)")
  }

  @Test("two uniforms with rank 0.6: the variance of their sum in a run, in closed form")
  func varianceOfTheSum() throws {
    let model = try Fixtures.model(Self.uniforms)
    let n = 20_000
    let summary = try Simulation.monteCarlo(
      model, options: RunOptions(iterations: n, seed: 3, threads: 2))
    // With uniform marginals the Pearson correlation equals the rank correlation, so
    // Var(1000(a + b)) = 1000² · (1/12 + 1/12 + 2 · 0.6/12).
    let expected = 1e6 * 3.2 / 12
    let sd = summary.netImpact.total[0].sd
    // The standard error of a sample variance: √((μ₄ − σ⁴)/n), μ₄ from the same draws
    // (the run's iteration i draws exactly these values: they depend only on the seed and i).
    let values = try Self.draws(model, ["a", "b"], iterations: n, seed: 3)
    let sums = zip(try #require(values["a"]), try #require(values["b"])).map { 1000 * ($0 + $1) }
    let m = Self.mean(sums)
    let m4 = sums.reduce(0) { $0 + pow($1 - m, 4) } / Double(n)
    let m2 = sums.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(n - 1)
    #expect(abs(m2.squareRoot() - sd) <= 1e-9 * sd, "the run drew other values")
    let mcse = ((m4 - m2 * m2) / Double(n)).squareRoot()
    #expect(
      abs(sd * sd - expected) <= 4 * mcse,
      "variance \(sd * sd), expected \(expected) ± \(mcse)")
    // Independent uniforms would give 2/12: far outside.
    #expect(abs(1e6 * 2 / 12 - expected) > 20 * mcse)
  }

  // MARK: - Marginals

  static let mixed = scenario(
    parameters: """
      {"share": {"beta": {"alpha": 2, "beta": 5}}, "cost": {"gamma": {"shape": 3, "scale": 2}},
       "level": {"lognormal": {"mean": 100, "sd": 30}},
       "effect": {"normal": {"mean": 0.1, "sd": 0.05, "min": 0}},
       "days": {"pert": {"min": 10, "mode": 20, "max": 60}},
       "months": {"triangular": {"min": 0, "mode": 1, "max": 4}},
       "staff": {"discrete": {"values": [13, 10, 11], "weights": [0.5, 0.2, 0.3]}},
       "free": {"uniform": {"min": 0, "max": 1}}}
      """,
    correlations: """
      [{"parameters": ["share", "cost"], "rank": 0.7},
       {"parameters": ["cost", "level"], "rank": -0.4},
       {"parameters": ["level", "effect"], "rank": 0.5},
       {"parameters": ["effect", "days"], "rank": 0.3},
       {"parameters": ["days", "months"], "rank": -0.6},
       {"parameters": ["months", "staff"], "rank": 0.5}]
      """)

  @Test("every correlated marginal stays as declared (Kolmogorov–Smirnov)")
  func marginalsUnchanged() throws {
    let model = try Fixtures.model(Self.mixed)
    let n = 20_000
    let names = ["share", "cost", "level", "effect", "days", "months"]
    let values = try Self.draws(model, names + ["staff"], iterations: n, seed: 11)
    for name in names {
      let parameter = try #require(model.scenario.parameters.first { $0.name == name })
      guard case .distributed(let distribution, _) = parameter.definition else {
        Issue.record("\(name) has no distribution")
        continue
      }
      let d = KolmogorovSmirnov.statistic(try #require(values[name]), cdf: distribution.cdf)
      let p = KolmogorovSmirnov.pValue(d: d, n: Double(n))
      #expect(p > 0.001, "\(name): D = \(d), p = \(p)")
    }
    // The discrete one: each value's share within 4 standard errors of its weight.
    let staff = try #require(values["staff"])
    for (value, weight) in [(13.0, 0.5), (10.0, 0.2), (11.0, 0.3)] {
      let share = Double(staff.filter { $0 == value }.count) / Double(n)
      #expect(abs(share - weight) <= 4 * (weight * (1 - weight) / Double(n)).squareRoot())
    }
  }

  @Test("the rank correlation holds whatever the marginals")
  func rankCorrelationOfOtherMarginals() throws {
    let model = try Fixtures.model(Self.mixed)
    let n = 40_000
    let values = try Self.draws(model, ["share", "cost", "level"], iterations: n, seed: 5)
    let u = try #require(values["share"]).map(Distribution.beta(alpha: 2, beta: 5).cdf)
    let v = try #require(values["cost"]).map(Distribution.gamma(shape: 3, scale: 2).cdf)
    let w = try #require(values["level"]).map(Distribution.lognormal(mean: 100, sd: 30).cdf)
    let shareCost = Self.rankCorrelation(u, v)
    #expect(abs(shareCost.value - 0.7) <= 4 * shareCost.mcse, "\(shareCost)")
    let costLevel = Self.rankCorrelation(v, w)
    #expect(abs(costLevel.value + 0.4) <= 4 * costLevel.mcse, "\(costLevel)")
    // share and level are not listed as a pair: independent, although both are linked to
    // cost.
    let shareLevel = Self.rankCorrelation(u, w)
    #expect(abs(shareLevel.value) <= 4 * shareLevel.mcse, "\(shareLevel)")
  }

  // MARK: - Nothing else moves

  @Test("adding a correlation between two parameters leaves every other draw as it was")
  func otherDrawsUnaffected() throws {
    let parameters = """
      {"a": {"uniform": {"min": 0, "max": 1}}, "b": {"beta": {"alpha": 2, "beta": 3}},
       "c": {"gamma": {"shape": 2, "scale": 1}}, "d": {"normal": {"mean": 0, "sd": 1}},
       "e": "c + d"}
      """
    let plain = try Fixtures.model(Self.scenario(parameters: parameters, correlations: "[]"))
    let correlated = try Fixtures.model(Self.scenario(
      parameters: parameters, correlations: #"[{"parameters": ["b", "a"], "rank": 0.6}]"#))
    let names = ["a", "b", "c", "d", "e"]
    let before = try Self.draws(plain, names, iterations: 500)
    let after = try Self.draws(correlated, names, iterations: 500)
    for name in ["c", "d", "e"] { #expect(before[name] == after[name], "\(name) moved") }
    #expect(before["a"] != after["a"])
    #expect(before["b"] != after["b"])
  }

  @Test("a run with correlations is the same on 1 and 3 threads")
  func threadsDoNotMatter() throws {
    let model = try Fixtures.model(Self.uniforms)
    let one = try Simulation.monteCarlo(model, options: RunOptions(iterations: 500, threads: 1))
    let three = try Simulation.monteCarlo(model, options: RunOptions(iterations: 500, threads: 3))
    #expect("\(one.netImpact.total)" == "\(three.netImpact.total)")
    #expect("\(one.parameters.map(\.range))" == "\(three.parameters.map(\.range))")
  }
}
