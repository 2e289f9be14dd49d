/// Spearman and partial rank correlations between the uncertain parameters and the targets.
///
/// Every column is replaced by its average ranks, centred; Spearman's coefficient is then the
/// Pearson correlation of two such columns (their cross product over the product of their
/// norms, from `RankCrossProducts`), and the partial rank correlation coefficient
/// (PRCC; Marino, Hogue, Ray & Kirschner 2008, J Theor Biol 254:178–196) of parameter *j* with
/// target *Y* is −*P*_jY / √(*P*_jj *P*_YY) for *P* the inverse of the rank correlation matrix
/// of (θ₁, …, θ_p, *Y*): the correlation of θ_j's and *Y*'s ranks once the linear effect of
/// the other parameters' ranks is removed from both.
struct RankCorrelations {
  /// The parameters' rank norms, √ of their centred cross products with themselves.
  private let parameterNorms: [Double]
  /// Rank correlations among the parameters, row-major p × p.
  private let among: [Double]

  /// - Parameter products: the centred cross products of the parameters' ranks (the first
  ///   `parameters` columns of `products`).
  /// - Complexity: O(*p*²).
  init(_ products: RankCrossProducts, parameters p: Int) {
    parameterNorms = (0..<p).map { products[$0, $0].squareRoot() }
    var among = [Double](repeating: 0, count: p * p)
    for j in 0..<p {
      among[j * p + j] = 1
      for k in 0..<j {
        let r = products[j, k] / (parameterNorms[j] * parameterNorms[k])
        among[j * p + k] = r
        among[k * p + j] = r
      }
    }
    self.among = among
  }

  /// Spearman's and the partial rank correlation of each parameter with a target.
  /// - Parameters:
  ///   - products: the centred rank cross products, the target among their columns.
  ///   - target: the target's column in `products`.
  /// - Returns: per parameter, in the order of `products`; NaN where a coefficient is not
  ///   defined (a constant target, a singular correlation matrix).
  /// - Complexity: O(*p*³).
  func coefficients(
    _ products: RankCrossProducts, target: Int
  ) -> [(spearman: Double, prcc: Double)] {
    let targetNorm = products[target, target].squareRoot()
    let p = parameterNorms.count
    let spearman = (0..<p).map { j in
      products[j, target] / (parameterNorms[j] * targetNorm)
    }
    // The (p + 1) × (p + 1) correlation matrix, the target last.
    let size = p + 1
    var matrix = [Double](repeating: 0, count: size * size)
    for j in 0..<p {
      for k in 0..<p { matrix[j * size + k] = among[j * p + k] }
      matrix[j * size + p] = spearman[j]
      matrix[p * size + j] = spearman[j]
    }
    matrix[p * size + p] = 1
    let inverse = targetNorm > 0 ? Self.inverse(matrix, size: size) : nil
    return (0..<p).map { j in
      guard let inverse else {
        // Singular: most often the target's ranks are one parameter's ranks (Y a monotone
        // function of θ_j alone). Holding the others then changes nothing: its partial
        // correlation is its Spearman coefficient, ±1; the others' are not defined.
        return (spearman[j], abs(spearman[j]) > 1 - 1e-12 ? spearman[j] : .nan)
      }
      let denominator = (inverse[j * size + j] * inverse[p * size + p]).squareRoot()
      return (spearman[j], -inverse[j * size + p] / denominator)
    }
  }

  // MARK: - Linear algebra

  /// The inverse of a symmetric positive definite `size` × `size` matrix by Gauss–Jordan
  /// elimination with partial pivoting; `nil` when a pivot falls below 1e-10 (the matrix is
  /// singular to working precision: two parameters with the same ranks, or more parameters
  /// than iterations).
  static func inverse(_ matrix: [Double], size: Int) -> [Double]? {
    var a = matrix
    var inverse = [Double](repeating: 0, count: size * size)
    for i in 0..<size { inverse[i * size + i] = 1 }
    for column in 0..<size {
      var pivot = column
      for row in column + 1..<size
      where abs(a[row * size + column]) > abs(a[pivot * size + column]) {
        pivot = row
      }
      let value = a[pivot * size + column]
      guard abs(value) > 1e-10, value.isFinite else { return nil }
      if pivot != column {
        for k in 0..<size {
          a.swapAt(pivot * size + k, column * size + k)
          inverse.swapAt(pivot * size + k, column * size + k)
        }
      }
      for k in 0..<size {
        a[column * size + k] /= value
        inverse[column * size + k] /= value
      }
      for row in 0..<size where row != column {
        let factor = a[row * size + column]
        if factor == 0 { continue }
        for k in 0..<size {
          a[row * size + k] -= factor * a[column * size + k]
          inverse[row * size + k] -= factor * inverse[column * size + k]
        }
      }
    }
    return inverse
  }
}
