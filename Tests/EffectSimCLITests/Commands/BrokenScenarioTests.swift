import Foundation
import Testing

@testable import EffectSimCLI

/// Broken scenarios kept as files in Fixtures/broken: each must be refused with exit 65 and a
/// message that names the place, by `validate` and by `run` alike, and never crash.
@Suite struct BrokenScenarioTests {
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/broken")

  /// File name → the first error line `validate` must print for it.
  static let expected: [String: String] = [
    "base-outside-support.json": "parameters.x.base: base 2 lies outside the values the uniform distribution can take [0, 1]",
    "beta-successes-above-trials.json": "parameters.share.beta.successes: successes (60) cannot exceed trials (50)",
    "binary-file.json": "invalid JSON at line 1, column 1: unexpected character '\\u{0}'",
    "cost-arm-misspelt.json": "states[0].costs[0].arm: unknown value \"interventon\"; expected one of \"intervention\", \"control\" (did you mean \"intervention\"?)",
    "cycle-misspelt.json": "cycle: unknown value \"mnth\"; expected one of \"month\", \"year\" (did you mean \"month\"?)",
    "cyclic-parameters.json": "parameters.a: derived parameters depend on each other in a cycle: a → b → a",
    "deep-nesting.json": "invalid JSON at line 1, column 257: nesting deeper than 256 levels",
    "discount-rate-negative.json": "discount.costs: an annual rate must lie in (-1, 1], found -1.5",
    "discrete-weights-length.json": "parameters.level.discrete.weights: has 1 entries but values has 2",
    "division-by-zero-constant.json": "parameters.x: division by zero in \"1 / 0\"",
    "duplicate-key.json": "invalid JSON at line 6, column 14: duplicate key \"years\"",
    "duplicate-state-id.json": "states[2].id: duplicate state id \"job\" (also states[1])",
    "empty-file.json": "invalid JSON at line 1, column 1: unexpected end of the document",
    "expression-syntax-error.json": "arms.intervention.transitions[0].p: expected ',' or ')' but found the end of the expression at offset 15 in \"reach(share, 18\"",
    "extra-arm.json": "arms.placebo: unknown key \"placebo\"; expected one of intervention, control",
    "fractional-count.json": "cohort.intake[0].count: a count must be a whole number of people ≥ 0, found 15.5",
    "initial-all-zero.json": "arms.control.initial: the weights sum to zero",
    "initial-negative-weight.json": "arms.control.initial.job: a weight must not be negative, found -0.2",
    "initial-unknown-state.json": "arms.control.initial.jobs: unknown state \"jobs\" (did you mean \"job\"?)",
    "intake-year-outside-horizon.json": "cohort.intake[0].year: year 2019 lies outside the horizon 2020–2022",
    "line-item-year-outside-horizon.json": "lineItems[0].byYear.2031: year 2031 lies outside the horizon 2020–2022",
    "lognormal-negative-sd.json": "parameters.x.lognormal.sd: sd must be above 0, not -1",
    "missing-arm.json": "arms: missing required key \"control\" (the counterfactual)",
    "missing-brace.json": "invalid JSON at line 98, column 1: expected ',' or '}' in an object",
    "missing-states.json": "missing required key \"states\" (the states)",
    "nan-literal.json": "invalid JSON at line 6, column 11: unexpected character 'N'",
    "negative-count.json": "cohort.intake[0].count: a count must be a whole number of people ≥ 0, found -3",
    "negative-probability.json": "arms.control.transitions[0].p: a probability must lie in [0, 1], found -0.1",
    "occupancy-at-beyond-horizon.json": "report.occupancyAt[0]: cycle 36 lies beyond the horizon of 36 cycles (last: 35)",
    "only-whitespace.json": "invalid JSON at line 3, column 1: unexpected end of the document",
    "payback-area-misspelt.json": "payback[0].areas[0]: no cost or line item is charged to the area \"Indsatts\" (did you mean \"Indsats\"?)",
    "percentile-above-100.json": "report.percentiles[2]: a percentile lies in [0, 100], found 150",
    "person-scope-in-line-item.json": "lineItems[0].byYear.2020: cannot depend on the person-scope parameter \"level\": it is drawn once per iteration, before there are persons",
    "pert-mode-outside-range.json": "parameters.x.pert.mode: mode 7 must lie between min 0 and max 5",
    "probability-above-one.json": "arms.control.transitions[0].p: a probability must lie in [0, 1], found 1.5",
    "reserved-parameter-name.json": "parameters.reach: \"reach\" is a function or constant of the expression language; rename it",
    "self-referencing-parameter.json": "parameters.a: derived parameters depend on each other in a cycle: a → a",
    "self-transition.json": "arms.control.transitions[0].to: a transition must lead to another state (staying is what remains when no transition fires)",
    "state-id-not-a-name.json": "states[1].id: \"job market\" is not a valid id: use letters, digits, _ and -, starting with a letter",
    "string-where-number-expected.json": "cohort.intake[0].spread: expected one of \"start\", \"even\", found a number",
    "top-level-array.json": "expected an object, found an array",
    "trailing-comma.json": "invalid JSON at line 98, column 1: expected a key in double quotes",
    "two-distributions.json": "parameters.x: has 2 distribution keys (uniform, beta); give one",
    "uniform-min-above-max.json": "parameters.x.uniform.min: min must be below max (min 5, max 1)",
    "unknown-distribution.json": "parameters.x.weibull: unknown key \"weibull\"; expected one of uniform, triangular, pert, normal, lognormal, beta, gamma, discrete, base, scope, note, source",
    "unknown-function.json": "arms.intervention.transitions[0].p: unknown function 'reech' in \"reech(share, 18)\" — did you mean 'reach'?",
    "unknown-parameter-in-expression.json": "arms.intervention.transitions[0].p: unknown name 'shar' in \"reach(shar, 18)\" — did you mean 'share'?",
    "unknown-state-in-transition.json": "arms.control.transitions[0].to: unknown state \"jobb\" (did you mean \"job\"?)",
    "unknown-top-level-key.json": "yeers: unknown key \"yeers\"; expected one of $schema, format, name, description, source, currency, priceLevel, start, years, cycle, occupancy, discount, parameters, correlations, states, arms, cohort, lineItems, payback, report, pairing, labels, claim",
    "unterminated-string.json": "invalid JSON at line 1, column 42: unterminated string",
    "window-reversed.json": "arms.control.transitions[0].cycles: the window [18, 6) is empty: \"to\" must exceed \"from\"",
    "wrong-arity.json": "arms.intervention.transitions[0].p: 'reach' takes 2 arguments but was given 1 in \"reach(share)\"",
    "wrong-format-version.json": "format: unknown value \"effectsim/2\"; expected one of \"effectsim/1\"",
    "years-is-a-string.json": "years: expected an integer, found a string",
    "years-zero.json": "years: must be at least 1, found 0",
  ]

  @Test func everyFixtureHasAnExpectedMessage() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path)
      .filter { $0.hasSuffix(".json") }
    #expect(Set(files) == Set(Self.expected.keys))
    #expect(files.count >= 30)
  }

  @Test(arguments: expected.keys.sorted())
  func validateNamesThePlace(file: String) throws {
    let path = Self.directory.appendingPathComponent(file).path
    let result = effectsim(["validate", path])
    #expect(result.code == 65)
    let lines = result.out.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.first?.hasPrefix("\(path): ") == true)
    #expect(lines.count > 1 && lines[1].trimmingCharacters(in: .whitespaces) == Self.expected[file])
  }

  @Test(arguments: expected.keys.sorted())
  func runRefusesWithoutOutput(file: String) throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let target = dir.appendingPathComponent("out.json")
    let path = Self.directory.appendingPathComponent(file).path
    let result = effectsim(["run", path, "--iterations", "20", "--output", target.path])
    #expect(result.code == 65)
    #expect(result.err.contains(Self.expected[file] ?? "?"))
    #expect(!FileManager.default.fileExists(atPath: target.path))
  }

  @Test func missingFileExits66() {
    let result = effectsim(["validate", Self.directory.appendingPathComponent("no-such.json").path])
    #expect(result.code == 66)
    #expect(result.out.hasSuffix("no-such.json: no such file\n"))
  }
}
