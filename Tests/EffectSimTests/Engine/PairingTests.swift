import Foundation
import Testing

@testable import EffectSim

/// What pairing promises, checked where it has an exact consequence: under `coupled` pairing
/// a person whose two arms are identical lives the same life twice, so every iteration's net
/// impact is exactly zero; under `independent` pairing the arms' yearly costs are independent,
/// so the variance of net impact is the sum of the arms' variances.
@Suite struct PairingTests {
  /// Both arms the same: three entry states, windows, two moves out of one state, costs in
  /// every state, a cost window.
  static func identicalArms(pairing: String) -> String {
    let arm = """
      {"initial": {"benefit": 0.6, "job": 0.25, "dropout": 0.15}, "transitions": [
        {"from": "benefit", "to": "job", "p": 0.3, "cycles": [0, 5]},
        {"from": "benefit", "to": "job", "p": 0.05, "cycles": [5]},
        {"from": "benefit", "to": "dropout", "p": 0.02},
        {"from": "job", "to": "benefit", "p": 0.1, "cycles": [3]},
        {"from": "dropout", "to": "benefit", "p": 0.2}]}
      """
    return """
      {"format": "effectsim/1", "name": "identical arms", "start": 2020, "years": 2,
       "occupancy": "average", "pairing": "\(pairing)",
       "states": [
         {"id": "benefit", "costs": [{"area": "Overførsler", "perCycle": 1000},
                                     {"area": "Service", "perCycle": 250, "cycles": [2, 9]}]},
         {"id": "job", "costs": [{"area": "Service", "perCycle": 100}]},
         {"id": "dropout", "costs": [{"area": "Overførsler", "perCycle": 700}]}],
       "arms": {"intervention": \(arm), "control": \(arm)},
       "cohort": {"intake": [{"year": 2020, "count": 30, "spread": "even"},
                             {"year": 2021, "count": 12}]}}
      """
  }

  @Test(arguments: [KernelChoice.individual, .aggregated, .jump])
  func coupledIdenticalArmsCancelInEveryIteration(kernel: KernelChoice) throws {
    let model = try Fixtures.model(Self.identicalArms(pairing: "coupled"))
    let summary = try Simulation.monteCarlo(
      model, options: RunOptions(iterations: 500, seed: 8, kernel: kernel))
    #expect(summary.run.kernel == kernel.rawValue)
    for year in summary.years.indices {
      let net = summary.netImpact.total[year]
      #expect(net.mean == 0 && net.sd == 0, "\(kernel) year \(year): \(net)")
      #expect(net.percentiles.allSatisfy { $0.value == 0 })
      // The arms do cost something, and it varies: the zero is not an empty cohort.
      #expect(summary.armCosts.intervention[year].sd > 0)
    }
  }

  @Test(arguments: [KernelChoice.individual, .aggregated, .jump])
  func independentArmsAddTheirVariances(kernel: KernelChoice) throws {
    let model = try Fixtures.model(Self.identicalArms(pairing: "independent"))
    let n = 4000
    let summary = try Simulation.monteCarlo(
      model, options: RunOptions(iterations: n, seed: 9, kernel: kernel))
    for year in summary.years.indices {
      let net = summary.netImpact.total[year].sd
      let a = summary.armCosts.intervention[year].sd
      let b = summary.armCosts.control[year].sd
      // The standard error of a sample variance s² is about s² · √(2 / (n − 1)) (normal
      // data: the yearly cost sums over 42 people); the sum of two has at most the sum.
      let expected = a * a + b * b
      let tolerance = 4 * (net * net + expected) * (2 / Double(n - 1)).squareRoot()
      #expect(
        abs(net * net - expected) <= tolerance,
        "\(kernel) year \(year): var(net) \(net * net) vs \(expected) ± \(tolerance / 4)")
    }
  }
}
