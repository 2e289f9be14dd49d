/// How reports name a distribution.
extension Distribution {
  /// The distribution in the notation of the scenario format page, with its parameters as
  /// the file gave them after normalisation: `Beta(144, 96)`, `PERT(0.15, 0.3, 0.5)`,
  /// `Normal(10, 2) on [0, ∞)`, `Discrete(11000: 0.5, 15000: 0.5)`.
  ///
  /// Numbers print in Swift's shortest round-trip form without a trailing `.0`, so a reader
  /// can find them in the scenario file; reports localise the surrounding words, not these.
  public var notation: String {
    func n(_ value: Double) -> String {
      value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
    switch self {
    case .uniform(let lo, let hi): return "Uniform(\(n(lo)), \(n(hi)))"
    case .triangular(let lo, let mode, let hi): return "Triangular(\(n(lo)), \(n(mode)), \(n(hi)))"
    case .pert(let lo, let mode, let hi, let lambda):
      let shape = lambda == 4 ? "" : ", λ = \(n(lambda))"
      return "PERT(\(n(lo)), \(n(mode)), \(n(hi))\(shape))"
    case .normal(let mu, let sigma, let lo, let hi):
      let text = "Normal(\(n(mu)), \(n(sigma)))"
      guard lo != nil || hi != nil else { return text }
      let lower = lo.map { "[" + n($0) } ?? "(-∞"
      let upper = hi.map { n($0) + "]" } ?? "∞)"
      return text + " on \(lower), \(upper)"
    case .lognormal(let mean, let sd): return "Lognormal(mean \(n(mean)), sd \(n(sd)))"
    case .beta(let a, let b): return "Beta(\(n(a)), \(n(b)))"
    case .gamma(let shape, let scale): return "Gamma(shape \(n(shape)), scale \(n(scale)))"
    case .discrete(let values, let weights):
      if values.count == 1, let value = values.first { return "Fixed \(n(value))" }
      let total = weights.reduce(0, +)
      let pairs = zip(values, weights).map { "\(n($0)): \(n(($1 / total * 1e4).rounded() / 1e4))" }
      return "Discrete(" + pairs.joined(separator: ", ") + ")"
    }
  }
}
