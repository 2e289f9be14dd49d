import BenchmarkSupport
import EffectSim

// The random-number limit and every sampler of the scenario format, single-threaded.
// Run: swift run -c release Random [--json] [--repeats N]

var suite = BenchmarkSuite(name: "Random")
let count = 20_000_000

suite.measure("xoshiro256++ next53 (the random-number limit)", unit: "uniforms") {
  var rng = Xoshiro256PlusPlus(seed: 1, stream: 0)
  var sum: UInt64 = 0
  for _ in 0..<count { sum &+= rng.next53() }
  BlackHole.consume(sum)
  return Double(count)
}
suite.measure("xoshiro256++ nextUniform", unit: "uniforms") {
  var rng = Xoshiro256PlusPlus(seed: 1, stream: 0)
  var sum = 0.0
  for _ in 0..<count { sum += rng.nextUniform() }
  BlackHole.consume(sum)
  return Double(count)
}

let samplers: [(String, Distribution)] = [
  ("uniform", .uniform(min: 0, max: 1)),
  ("triangular", .triangular(min: 0, mode: 0.3, max: 1)),
  ("pert", .pert(min: 0.15, mode: 0.3, max: 0.5, lambda: 4)),
  ("normal", .normal(mean: 0, sd: 1, min: nil, max: nil)),
  ("normal truncated [0, 2]", .normal(mean: 1, sd: 1, min: 0, max: 2)),
  ("lognormal", .lognormal(mean: 12000, sd: 3000)),
  ("beta(144, 96)", .beta(alpha: 144, beta: 96)),
  ("beta(0.5, 0.5)", .beta(alpha: 0.5, beta: 0.5)),
  ("gamma(3, 2)", .gamma(shape: 3, scale: 2)),
  ("gamma(0.5, 1)", .gamma(shape: 0.5, scale: 1)),
  ("discrete (3 values)", .discrete(values: [11416, 15170, 7358], weights: [0.6, 0.15, 0.25])),
]
let samples = 2_000_000
for (name, distribution) in samplers {
  suite.measure("sample \(name)", unit: "samples") {
    var rng = Xoshiro256PlusPlus(seed: 1, stream: 0)
    var sum = 0.0
    for _ in 0..<samples { sum += distribution.sample(using: &rng) }
    BlackHole.consume(sum)
    return Double(samples)
  }
}
// Quantile functions, as the Gaussian copula calls them once per correlated parameter and
// iteration: closed forms, and Halley's method for beta, PERT and gamma.
let levels = 200_000
for (name, distribution) in samplers {
  suite.measure("quantile \(name)", unit: "quantiles") {
    var sum = 0.0
    for i in 0..<levels { sum += distribution.quantile((Double(i) + 0.5) / Double(levels)) }
    BlackHole.consume(sum)
    return Double(levels)
  }
}
for (n, p) in [(20, 0.05), (300, 0.03), (30_000, 0.03), (30_000, 0.97)] {
  suite.measure("binomial n \(n), p \(p)", unit: "samples") {
    var rng = Xoshiro256PlusPlus(seed: 1, stream: 0)
    var sum = 0
    for _ in 0..<samples { sum &+= Binomial.sample(n: n, p: p, using: &rng) }
    BlackHole.consume(sum)
    return Double(samples)
  }
}
suite.report()
