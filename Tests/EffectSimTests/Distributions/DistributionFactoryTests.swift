import Testing

@testable import EffectSim

@Suite("Distribution factories")
struct DistributionFactoryTests {
  /// The field a failing factory call names, or nil when it succeeds.
  func field(_ make: () throws(DistributionError) -> Distribution) -> String? {
    do {
      _ = try make()
      return nil
    } catch {
      return error.field
    }
  }

  @Test("uniform, triangular and PERT")
  func bounded() throws {
    #expect(try Distribution.makeUniform(min: 1, max: 2) == .uniform(min: 1, max: 2))
    #expect(field { () throws(DistributionError) in try .makeUniform(min: 2, max: 2) } == "min")
    #expect(field { () throws(DistributionError) in try .makeUniform(min: 3, max: 2) } == "min")
    #expect(field { () throws(DistributionError) in try .makeUniform(min: .nan, max: 2) } == "min")
    #expect(field { () throws(DistributionError) in
      try .makeUniform(min: 0, max: .infinity) } == "max")
    #expect(field { () throws(DistributionError) in
      try .makeTriangular(min: 0, mode: 0, max: 1) } == nil)
    #expect(field { () throws(DistributionError) in
      try .makeTriangular(min: 0, mode: 2, max: 1) } == "mode")
    #expect(field { () throws(DistributionError) in
      try .makeTriangular(min: 1, mode: 1, max: 1) } == "min")
    #expect(try Distribution.makePERT(min: 0, mode: 1, max: 2)
      == .pert(min: 0, mode: 1, max: 2, lambda: 4))
    #expect(field { () throws(DistributionError) in
      try .makePERT(min: 0, mode: 1, max: 2, lambda: 0) } == "lambda")
    #expect(field { () throws(DistributionError) in
      try .makePERT(min: 0, mode: -1, max: 2) } == "mode")
    #expect(field { () throws(DistributionError) in
      try .makePERT(min: 2, mode: 2, max: 2) } == "min")
  }

  @Test("uniform with min = max says min must be below max")
  func degenerateMessage() {
    do {
      _ = try Distribution.makeUniform(min: 1, max: 1)
      Issue.record("expected an error")
    } catch {
      #expect(error.message.hasPrefix("min must be below max"))
      #expect(error.description.hasPrefix("min: min must be below max"))
    }
  }

  @Test("normal and truncation")
  func normal() throws {
    #expect(try Distribution.makeNormal(mean: 1, sd: 2)
      == .normal(mean: 1, sd: 2, min: nil, max: nil))
    #expect(field { () throws(DistributionError) in try .makeNormal(mean: 0, sd: 0) } == "sd")
    #expect(field { () throws(DistributionError) in try .makeNormal(mean: 0, sd: -1) } == "sd")
    #expect(field { () throws(DistributionError) in try .makeNormal(mean: .nan, sd: 1) }
      == "mean")
    #expect(field { () throws(DistributionError) in
      try .makeNormal(mean: 0, sd: 1, min: 1, max: 1) } == "min")
    #expect(field { () throws(DistributionError) in
      try .makeNormal(mean: 0, sd: 1, min: 3, max: 4) } == nil)
    // 20 sd above the mean: no mass.
    #expect(field { () throws(DistributionError) in
      try .makeNormal(mean: 0, sd: 1, min: 20, max: nil) } == "min")
    #expect(field { () throws(DistributionError) in
      try .makeNormal(mean: 0, sd: 1, min: 20, max: 21) } == "min")
    #expect(field { () throws(DistributionError) in
      try .makeNormal(mean: 100, sd: 1, min: nil, max: 50) } == "max")
    #expect(field { () throws(DistributionError) in
      try .makeNormal(mean: 0, sd: 1, min: .infinity, max: nil) } == "min")
  }

  @Test("lognormal")
  func lognormal() throws {
    #expect(try Distribution.makeLognormal(mean: 2, sd: 1) == .lognormal(mean: 2, sd: 1))
    #expect(field { () throws(DistributionError) in try .makeLognormal(mean: 0, sd: 1) }
      == "mean")
    #expect(field { () throws(DistributionError) in try .makeLognormal(mean: -1, sd: 1) }
      == "mean")
    #expect(field { () throws(DistributionError) in try .makeLognormal(mean: 1, sd: 0) } == "sd")
    #expect(field { () throws(DistributionError) in try .makeLognormal(mean: 1e-200, sd: 1e200) }
      == "sd")
  }

  @Test("beta from shapes, from mean and sd, from counts")
  func beta() throws {
    #expect(field { () throws(DistributionError) in try .makeBeta(alpha: 0, beta: 1) } == "alpha")
    #expect(field { () throws(DistributionError) in try .makeBeta(alpha: 1, beta: -2) } == "beta")
    let fromMoments = try Distribution.makeBeta(mean: 0.3, sd: 0.1)
    guard case .beta(let a, let b) = fromMoments else {
      Issue.record("expected a beta")
      return
    }
    // ν = 0.21 / 0.01 − 1 = 20.
    #expect(abs(a - 6) < 1e-12 && abs(b - 14) < 1e-12)
    #expect(field { () throws(DistributionError) in try .makeBeta(mean: 0, sd: 0.1) } == "mean")
    #expect(field { () throws(DistributionError) in try .makeBeta(mean: 1, sd: 0.1) } == "mean")
    #expect(field { () throws(DistributionError) in try .makeBeta(mean: 0.5, sd: 0) } == "sd")
    do {
      _ = try Distribution.makeBeta(mean: 0.5, sd: 0.5)
      Issue.record("expected an error")
    } catch {
      #expect(error.field == "sd")
      #expect(error.message == "no Beta distribution has mean 0.5 and sd 0.5 (sd must be below "
        + "sqrt(mean*(1-mean)) = 0.5)")
    }
    #expect(try Distribution.makeBeta(successes: 12, trials: 40) == .beta(alpha: 12, beta: 28))
    #expect(try Distribution.makeBeta(successes: 2.5, trials: 10.5) == .beta(alpha: 2.5, beta: 8))
    #expect(field { () throws(DistributionError) in try .makeBeta(successes: 41, trials: 40) }
      == "successes")
    #expect(field { () throws(DistributionError) in try .makeBeta(successes: 0, trials: 40) }
      == "successes")
    #expect(field { () throws(DistributionError) in try .makeBeta(successes: -1, trials: 40) }
      == "successes")
    #expect(field { () throws(DistributionError) in try .makeBeta(successes: 40, trials: 40) }
      == "trials")
    #expect(field { () throws(DistributionError) in try .makeBeta(successes: 4, trials: .nan) }
      == "trials")
  }

  @Test("gamma from shape and scale, from mean and sd")
  func gamma() throws {
    #expect(field { () throws(DistributionError) in try .makeGamma(shape: 0, scale: 1) }
      == "shape")
    #expect(field { () throws(DistributionError) in try .makeGamma(shape: 1, scale: -1) }
      == "scale")
    #expect(try Distribution.makeGamma(mean: 10, sd: 5) == .gamma(shape: 4, scale: 2.5))
    #expect(field { () throws(DistributionError) in try .makeGamma(mean: 0, sd: 5) } == "mean")
    #expect(field { () throws(DistributionError) in try .makeGamma(mean: 1, sd: 0) } == "sd")
    #expect(field { () throws(DistributionError) in try .makeGamma(mean: 1e-200, sd: 1e200) }
      == "sd")
  }

  @Test("discrete")
  func discrete() throws {
    #expect(try Distribution.makeDiscrete(values: [1, 2], weights: [1, 3])
      == .discrete(values: [1, 2], weights: [0.25, 0.75]))
    #expect(field { () throws(DistributionError) in try .makeDiscrete(values: [], weights: []) }
      == "values")
    #expect(field { () throws(DistributionError) in
      try .makeDiscrete(values: [1, 2], weights: [1]) } == "weights")
    #expect(field { () throws(DistributionError) in
      try .makeDiscrete(values: [1, .nan], weights: [1, 1]) } == "values")
    #expect(field { () throws(DistributionError) in
      try .makeDiscrete(values: [1, 2], weights: [1, -1]) } == "weights")
    #expect(field { () throws(DistributionError) in
      try .makeDiscrete(values: [1, 2], weights: [0, 0]) } == "weights")
    #expect(field { () throws(DistributionError) in
      try .makeDiscrete(values: [1, 2], weights: [1, .infinity]) } == "weights")
    #expect(field { () throws(DistributionError) in
      try .makeDiscrete(values: [1, 2], weights: [1e308, 1e308]) } == "weights")
  }

  /// Issue 11: an infinite sum was quoted as "null", JSON's stand-in, in a message for people.
  @Test func anOverflowingWeightSumIsCalledInfinity() {
    do {
      _ = try Distribution.makeDiscrete(values: [1, 2], weights: [1e308, 1e308])
      Issue.record("expected the weights to be refused")
    } catch {
      #expect(error.message == "weights must have a positive, finite sum, not infinity")
    }
  }
}
