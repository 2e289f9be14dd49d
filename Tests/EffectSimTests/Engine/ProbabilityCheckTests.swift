import Foundation
import Testing

@testable import EffectSim

/// Probabilities that are valid only once evaluated are checked in the run, at the format's
/// bounds: each in [0, 1], their sum at most 1 + 1e-9.
@Suite struct ProbabilityCheckTests {
  /// Two moves out of `a` with probabilities `p` and `q` (JSON values).
  static func scenario(p: String, q: String) -> String {
    """
    {"format": "effectsim/1", "name": "w", "start": 2020, "years": 1,
     "parameters": {"p": \(p), "q": \(q)},
     "states": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
     "arms": {
       "intervention": {"transitions": [{"from": "a", "to": "b", "p": "p"},
                                        {"from": "a", "to": "c", "p": "q"}]},
       "control": {}},
     "cohort": {"intake": [{"year": 2020, "count": 2}]}}
    """
  }

  static func runError(_ json: String, kernel: KernelChoice?) throws -> String? {
    let model = try Fixtures.model(json)
    do {
      if let kernel {
        _ = try Simulation.monteCarlo(
          model, options: RunOptions(iterations: 4, seed: 1, kernel: kernel))
      } else {
        _ = try Simulation.deterministic(model)
      }
      return nil
    } catch {
      return error.description
    }
  }

  static let kernels: [KernelChoice?] = [nil, .individual, .aggregated, .jump]

  @Test(arguments: kernels)
  func aNegativeProbabilityIsARunError(kernel: KernelChoice?) throws {
    let message = try Self.runError(Self.scenario(p: "0.5", q: "\"-0.01\""), kernel: kernel)
    #expect(message?.contains("outside [0, 1]") == true, "\(message ?? "no error")")
  }

  @Test(arguments: kernels)
  func aSumJustAboveTheToleranceIsARunError(kernel: KernelChoice?) throws {
    let message = try Self.runError(Self.scenario(p: "0.5", q: "\"0.5 + 1e-7\""), kernel: kernel)
    #expect(message?.contains("more than 1") == true, "\(message ?? "no error")")
  }

  @Test(arguments: kernels)
  func aSumWithinTheToleranceIsOne(kernel: KernelChoice?) throws {
    #expect(try Self.runError(Self.scenario(p: "0.5", q: "\"0.5 + 1e-10\""), kernel: kernel) == nil)
  }
}
