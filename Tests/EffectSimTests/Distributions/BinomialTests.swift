import Foundation
import Testing

@testable import EffectSim

@Suite("Binomial")
struct BinomialTests {
  func draws(n: Int, p: Double, count: Int, seed: UInt64) -> [Int] {
    var rng = Xoshiro256PlusPlus(seed: seed, stream: 3)
    return (0..<count).map { _ in Binomial.sample(n: n, p: p, using: &rng) }
  }

  @Test("edge cases")
  func edges() {
    var rng = Xoshiro256PlusPlus(seed: 1, stream: 0)
    #expect(Binomial.sample(n: 0, p: 0.5, using: &rng) == 0)
    #expect(Binomial.sample(n: 10, p: 0, using: &rng) == 0)
    #expect(Binomial.sample(n: 10, p: 1, using: &rng) == 10)
    #expect(Binomial.sample(n: 10, p: .nan, using: &rng) == 0)
    #expect(Binomial.sample(n: -3, p: 0.5, using: &rng) == 0)
  }

  /// Inversion (10, 0.3), (50, 0.5); BTRS (1000, 0.2); symmetry then BTRS (100000, 0.7).
  @Test("mean and variance",
    arguments: [(10, 0.3), (1000, 0.2), (100_000, 0.7), (50, 0.5), (100, 0.4)])
  func moments(_ n: Int, _ p: Double) {
    let xs = draws(n: n, p: p, count: 200_000, seed: UInt64(n)).map(Double.init)
    #expect(xs.allSatisfy { $0 >= 0 && $0 <= Double(n) })
    let count = Double(n)
    let check = SampleChecks.momentsMatch(
      xs, mean: count * p, variance: count * p * (1 - p))
    #expect(check.meanError < check.meanBound)
    #expect(check.varianceError < check.varianceBound)
  }

  /// Pearson's χ² against the exact probabilities, cells with expected count below 5
  /// merged into their neighbours; 0.1 % critical value.
  @Test("frequencies match the probability mass function",
    arguments: [(10, 0.3), (100, 0.4), (2000, 0.9)])
  func chiSquare(_ n: Int, _ p: Double) {
    let count = 200_000
    let xs = draws(n: n, p: p, count: count, seed: 11 &+ UInt64(n))
    var observed = [Double](repeating: 0, count: n + 1)
    for x in xs { observed[x] += 1 }
    let logChoose = { (k: Int) -> Double in
      SpecialFunctions.logGamma(Double(n) + 1) - SpecialFunctions.logGamma(Double(k) + 1)
        - SpecialFunctions.logGamma(Double(n - k) + 1)
    }
    let expected = (0...n).map { k in
      Double(count) * exp(logChoose(k) + Double(k) * log(p) + Double(n - k) * log1p(-p))
    }
    var cells: [(observed: Double, expected: Double)] = []
    var pending = (observed: 0.0, expected: 0.0)
    for k in 0...n {
      pending.observed += observed[k]
      pending.expected += expected[k]
      if pending.expected >= 5 {
        cells.append(pending)
        pending = (0, 0)
      }
    }
    if let last = cells.popLast() {
      cells.append((last.observed + pending.observed, last.expected + pending.expected))
    }
    let statistic = cells.reduce(0) { $0 + ($1.observed - $1.expected) * ($1.observed
      - $1.expected) / $1.expected }
    #expect(statistic < SampleChecks.chiSquareCritical(df: cells.count - 1))
  }
}
