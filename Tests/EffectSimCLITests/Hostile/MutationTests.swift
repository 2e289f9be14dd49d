import EffectSim
import Foundation
import Testing

/// Issue 11: a mutation fuzzer over the bundled scenarios found traps, aborts and silent
/// `null`s. Here a fixed-seed structured mutator makes 3,000 mutants of the bundled business
/// cases (extreme numbers, dangerous expressions, crossed names, deleted, duplicated and
/// retyped values); each must end in exit 0 or a clean refusal through `validate` and `run`,
/// deterministic and Monte Carlo, in every output format. The libFuzzer harness
/// (`Fuzz/fuzz.sh`) explores further outside `swift test`.
@Suite struct MutationTests {
  static let batches = 40
  static let mutantsPerBatch = 75

  @Test(arguments: 0..<batches)
  func mutantsOfTheBundledScenariosEndCleanly(batch: Int) throws {
    let scenarios = try HostileInput.bundledScenarios.map {
      ($0.name, try JSONParser.parse($0.text))
    }
    try #require(scenarios.count >= 5)
    var mutator = ScenarioMutator(seed: 20_251_202, stream: UInt64(batch))
    var valid = 0
    for index in 0..<Self.mutantsPerBatch {
      let (name, document) = scenarios[(batch * Self.mutantsPerBatch + index) % scenarios.count]
      let mutant = mutator.mutate(document).serialized()
      let label = "batch \(batch), mutant \(index) of \(name)"
      if HostileInput.requireCleanEnd(mutant, label: label) { valid += 1 }
    }
    // Mutants that still validate exercise the runs and renderers, not just the validator.
    #expect(valid >= Self.mutantsPerBatch / 5, "only \(valid) mutants were valid")
  }

  /// The bundled scenarios themselves pass the same checks.
  @Test func theBundledScenariosEndCleanly() {
    for (name, text) in HostileInput.bundledScenarios {
      #expect(HostileInput.requireCleanEnd(text, label: name))
    }
  }
}
