import Foundation
import Testing

@testable import EffectSim

@Suite("Gaussian copula")
struct GaussianCopulaTests {
  @Test func normalCorrelationInvertsTheSpearmanFormula() {
    for rank in [-0.95, -0.6, 0, 0.3, 0.6, 0.99] {
      let r = GaussianCopula.normalCorrelation(rank: rank)
      // For a bivariate normal, ρs = (6/π)·arcsin(r/2).
      #expect(abs(6 / Double.pi * asin(r / 2) - rank) < 1e-15)
    }
    #expect(GaussianCopula.normalCorrelation(rank: 0.6) == 2 * sin(Double.pi / 10))
  }

  @Test func choleskyReproducesTheMatrix() throws {
    let pairs: [(Int, Int, rank: Double)] = [(0, 1, 0.6), (1, 2, -0.4), (0, 2, 0.1)]
    let matrix = GaussianCopula.normalMatrix(size: 3, pairs: pairs)
    let l = try #require(GaussianCopula.choleskyFactor(matrix, size: 3))
    for i in 0..<3 {
      for j in 0..<3 {
        if j > i { #expect(l[i * 3 + j] == 0) }
        let product = (0..<3).reduce(0.0) { $0 + l[i * 3 + $1] * l[j * 3 + $1] }
        #expect(abs(product - matrix[i * 3 + j]) < 1e-15)
      }
    }
  }

  @Test func notPositiveDefiniteIsFoundAtTheFirstPairThatBreaksIt() {
    // a–b and b–c positive force a–c positive; −0.9 cannot hold.
    let pairs: [(Int, Int, rank: Double)] = [(0, 1, 0.5), (1, 2, 0.5), (0, 2, -0.9), (0, 3, 0.1)]
    #expect(GaussianCopula.firstInconsistentPair(size: 4, pairs: pairs) == 2)
    #expect(GaussianCopula.firstInconsistentPair(size: 4, pairs: Array(pairs[..<2])) == nil)
    #expect(GaussianCopula.choleskyFactor(
      GaussianCopula.normalMatrix(size: 4, pairs: pairs), size: 4) == nil)
  }

  @Test("pairs not listed are independent, so strong links through a third can contradict")
  func unlistedPairsAreIndependent() {
    // a–b 0.9 and b–c 0.9 with a–c 0 is not a correlation matrix.
    #expect(GaussianCopula.firstInconsistentPair(size: 3, pairs: [(0, 1, 0.9), (1, 2, 0.9)]) == 1)
  }

  @Test func identityWhenUncorrelated() throws {
    let copula = try #require(GaussianCopula(
      members: [(0, .uniform(min: 0, max: 1)), (1, .uniform(min: 10, max: 20))], pairs: []))
    var values = [0.5, -1.0]
    copula.transform(&values)
    #expect(abs(values[0] - SpecialFunctions.normalCDF(0.5)) < 1e-15)
    #expect(abs(values[1] - (10 + 10 * SpecialFunctions.normalCDF(-1))) < 1e-13)
  }

  @Test func extremeNormalsStayFinite() throws {
    let copula = try #require(GaussianCopula(
      members: [(0, .gamma(shape: 2, scale: 1)), (1, .normal(mean: 0, sd: 1, min: nil, max: nil))],
      pairs: [(0, 1, 0.5)]))
    var values = [40.0, -40.0]
    copula.transform(&values)
    #expect(values.allSatisfy { $0.isFinite })
  }
}
