import Foundation

/// Rank-correlated draws of several parameters that keep their declared distributions: a
/// Gaussian copula (Clemen & Reilly 1999, "Correlations and copulas for decision and risk
/// analysis").
///
/// Each member draws an independent standard normal from its own stream; the vector is
/// multiplied by the lower Cholesky factor L of the normal correlation matrix R (so it has
/// correlation R), each coordinate is mapped through Φ to a uniform, and that uniform through
/// the member's own quantile function. Every marginal is therefore exactly the declared one,
/// and a pair with normal correlation r = 2·sin(π·ρs/6) has Spearman rank correlation ρs
/// (Pearson 1907; Kruskal 1958: for a bivariate normal, ρs = (6/π)·arcsin(r/2)), whatever the
/// marginals, as long as they are continuous.
struct GaussianCopula: Sendable {
  /// The least pivot the Cholesky factorisation accepts: a matrix whose factorisation meets a
  /// smaller one is treated as not positive definite (its correlations contradict each other,
  /// or pin one parameter to the others exactly).
  static let minimumPivot = 1e-10

  /// Parameter slots of the members, in the order their normals are drawn and combined.
  let slots: [Int]
  /// The members' distributions; a discrete one with its values in ascending order, so its
  /// quantile function is monotone without sorting per draw.
  let marginals: [Distribution]
  /// L, row-major `slots.count × slots.count`, zero above the diagonal.
  let factor: [Double]

  /// - Parameters:
  ///   - members: slot and distribution of each correlated parameter.
  ///   - pairs: member indices and Spearman rank correlation of each declared pair; pairs not
  ///     listed are independent.
  /// - Returns: `nil` when the normal correlation matrix is not positive definite (the
  ///   decoder has refused such a scenario, naming the pair; see `firstInconsistentPair`).
  init?(members: [(slot: Int, distribution: Distribution)], pairs: [(Int, Int, rank: Double)]) {
    let size = members.count
    guard let factor = Self.choleskyFactor(Self.normalMatrix(size: size, pairs: pairs), size: size)
    else { return nil }
    slots = members.map(\.slot)
    marginals = members.map { Self.ascending($0.distribution) }
    self.factor = factor
  }

  /// The normal (Pearson) correlation that gives Spearman rank correlation `rank` in a
  /// Gaussian copula: 2·sin(π·ρs/6).
  static func normalCorrelation(rank: Double) -> Double { 2 * sin(Double.pi * rank / 6) }

  /// The normal correlation matrix, row-major, with ones on the diagonal.
  static func normalMatrix(size: Int, pairs: [(Int, Int, rank: Double)]) -> [Double] {
    var matrix = [Double](repeating: 0, count: size * size)
    for i in 0..<size { matrix[i * size + i] = 1 }
    for (i, j, rank) in pairs {
      let r = normalCorrelation(rank: rank)
      matrix[i * size + j] = r
      matrix[j * size + i] = r
    }
    return matrix
  }

  /// The lower Cholesky factor L with L·Lᵀ = `matrix` (Cholesky–Banachiewicz, row by row).
  /// - Returns: `nil` when a pivot falls below `minimumPivot`: the matrix is not (safely)
  ///   positive definite.
  /// - Complexity: O(n³) for n = `size`.
  static func choleskyFactor(_ matrix: [Double], size n: Int) -> [Double]? {
    var factor = [Double](repeating: 0, count: n * n)
    for i in 0..<n {
      for j in 0...i {
        var sum = matrix[i * n + j]
        for k in 0..<j { sum -= factor[i * n + k] * factor[j * n + k] }
        if i == j {
          guard sum >= minimumPivot else { return nil }
          factor[i * n + i] = sum.squareRoot()
        } else {
          factor[i * n + j] = sum / factor[j * n + j]
        }
      }
    }
    return factor
  }

  /// The first pair in listing order with which the normal correlation matrix stops being
  /// positive definite: taking the pairs up to and including it, the correlations cannot all
  /// hold at once.
  /// - Returns: the index into `pairs`, or `nil` when all of them together are consistent.
  /// - Complexity: O(k · n³) for k pairs among n parameters.
  static func firstInconsistentPair(size: Int, pairs: [(Int, Int, rank: Double)]) -> Int? {
    for end in pairs.indices {
      let matrix = normalMatrix(size: size, pairs: Array(pairs[...end]))
      if choleskyFactor(matrix, size: size) == nil { return end }
    }
    return nil
  }

  /// The distribution with a discrete one's values sorted ascending (weights alongside).
  private static func ascending(_ distribution: Distribution) -> Distribution {
    guard case .discrete(let values, let weights) = distribution else { return distribution }
    let pairs = zip(values, weights).sorted { $0.0 < $1.0 }
    return .discrete(values: pairs.map(\.0), weights: pairs.map(\.1))
  }

  /// Turns independent standard normals into the members' values, in place.
  ///
  /// `normals[i]` is member i's own normal on entry and its value on return. The product runs
  /// from the last row up, so each row reads only entries not yet overwritten.
  /// - Complexity: O(n²) for the product, then one quantile per member.
  func transform(_ normals: inout [Double]) {
    let n = slots.count
    for i in stride(from: n - 1, through: 0, by: -1) {
      var sum = 0.0
      for k in 0...i { sum += factor[i * n + k] * normals[k] }
      normals[i] = sum
    }
    for i in 0..<n {
      // Φ(x) rounds to 1 beyond about 8.3: keep the level inside (0, 1) so that an unbounded
      // marginal still yields a finite value.
      let u = Swift.min(Swift.max(SpecialFunctions.normalCDF(normals[i]), .leastNormalMagnitude),
        1 - 0x1p-53)
      normals[i] = marginals[i].quantile(u)
    }
  }
}
