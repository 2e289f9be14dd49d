import Foundation
import Testing

@testable import EffectSim

/// Reference values computed with mpmath at 40 digits.
@Suite("Special functions")
struct SpecialFunctionsTests {
  func close(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool {
    abs(a - b) <= tolerance * Swift.max(1e-300, abs(b))
  }

  @Test("normal quantile (AS 241) against reference values",
    arguments: [
      (1e-300, -37.0470962993612), (1e-20, -9.262340089798407), (1e-5, -4.264890793922825),
      (0.01, -2.326347874040841), (0.3, -0.5244005127080408), (0.975, 1.9599639845400538),
      (0.999999, 4.753424308817087),
    ])
  func quantile(_ p: Double, _ expected: Double) {
    #expect(close(SpecialFunctions.normalQuantile(p), expected, 1e-14))
  }

  @Test("normal quantile inverts the cdf")
  func roundTrip() {
    #expect(SpecialFunctions.normalQuantile(0.5) == 0)
    #expect(SpecialFunctions.normalQuantile(0) == -.infinity)
    #expect(SpecialFunctions.normalQuantile(1) == .infinity)
    for exponent in stride(from: -300.0, through: -1, by: 0.5) {
      let p = pow(10, exponent)
      #expect(close(SpecialFunctions.normalCDF(SpecialFunctions.normalQuantile(p)), p, 1e-12))
    }
    for p in stride(from: 0.01, to: 1, by: 0.01) {
      #expect(close(SpecialFunctions.normalCDF(SpecialFunctions.normalQuantile(p)), p, 1e-14))
    }
  }

  @Test("log gamma",
    arguments: [
      (0.5, 0.5723649429247001), (3.7, 1.428072326665388), (14.9, 24.924132002217277),
      (15, 25.19122118273868), (150.25, 601.2615040324997),
    ])
  func logGamma(_ x: Double, _ expected: Double) {
    #expect(close(SpecialFunctions.logGamma(x), expected, 1e-14))
  }

  @Test("log gamma of 1 and 2 is 0")
  func logGammaIntegers() {
    #expect(abs(SpecialFunctions.logGamma(1)) < 1e-14)
    #expect(abs(SpecialFunctions.logGamma(2)) < 1e-14)
  }

  @Test("regularized incomplete beta",
    arguments: [
      (0.3, 0.5, 0.2, 0.46302234152316046), (143, 97, 0.6, 0.549000953121257),
      (2, 5, 0.3, 0.5798249999999999), (0.5, 3, 0.9, 0.9996750253207289),
    ])
  func incompleteBeta(_ a: Double, _ b: Double, _ x: Double, _ expected: Double) {
    #expect(close(SpecialFunctions.regularizedBeta(a, b, x), expected, 1e-11))
  }

  @Test("regularized incomplete gamma",
    arguments: [
      (0.4, 0.1, 0.43623640529247293), (1, 2, 0.8646647167633873),
      (7.5, 9, 0.7373344393276778), (30, 25, 0.18210391597745512),
    ])
  func incompleteGamma(_ a: Double, _ x: Double, _ expected: Double) {
    #expect(close(SpecialFunctions.regularizedGammaP(a, x), expected, 1e-12))
  }

  @Test("Stirling tails match log gamma")
  func stirlingTails() {
    for k in 0...40 {
      let x = Double(k)
      let exact = SpecialFunctions.logGamma(x + 1)
        - ((x + 0.5) * log(x + 1) - (x + 1) + SpecialFunctions.halfLog2Pi)
      #expect(abs(Binomial.stirlingTail(x) - exact) < 1e-13)
    }
  }
}
