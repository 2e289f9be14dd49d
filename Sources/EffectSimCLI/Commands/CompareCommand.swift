import EffectSim
import EffectSimReport
import Foundation

/// `effectsim compare A.json [B.json ...] [--variant "NAME: k=v, ..."]`: scenarios simulated
/// on the same futures, compared with the first.
enum CompareCommand {
  static let spec = CommandSpec(
    name: "compare",
    summary: "Compare variants of a case on the same simulated futures (paired differences).",
    positionals: [
      PositionalSpec(
        name: "SCENARIO", help: "scenario files (JSON), or - for stdin; the first is the reference",
        repeating: true)
    ],
    options: [
      OptionSpec(
        name: "variant", valueName: "\"NAME: k=v, ...\"",
        help: "the first scenario with these parameters replaced, as one more scenario",
        repeatable: true),
      OptionSpec(
        name: "format", short: "f", valueName: "FORMAT", help: "output format",
        allowedValues: ["table", "markdown", "json", "html"],
        defaultDescription: "from the --output extension, else table"),
      OptionSpec(
        name: "percentiles", valueName: "LIST", help: "percentile levels, e.g. 5,50,95",
        defaultDescription: "the first scenario's report.percentiles"),
    ]
      + WhatIfOptions.monteCarlo(
        iterations: "Monte Carlo iterations", seed: "random seed, shared by every scenario")
      + WhatIfOptions.common)

  static func execute(_ arguments: ParsedArguments, console: Console) throws {
    let usage = spec.usage()
    let format = try RunCommand.outputFormat(arguments)
    guard format != .csv else {
      throw UsageError(message: "compare writes table, markdown, json or html", usage: usage)
    }
    var options = try WhatIfOptions.runOptions(arguments, usage: usage)
    options.percentiles = try arguments.doubleList("percentiles", in: 0...100)
    var render = WhatIfOptions.renderOptions(arguments)
    let overrides = try WhatIfOptions.overrides(arguments, usage: usage)
    var variants: [ScenarioVariant] = []
    for text in arguments.values("variant") {
      do throws(ScenarioOverride.SyntaxError) {
        variants.append(try ScenarioVariant(parsing: text))
      } catch {
        throw UsageError(message: "--variant: \(error.message)", usage: usage)
      }
    }
    let paths = arguments.positionals
    guard paths.count + variants.count >= 2 else {
      throw UsageError(
        message: "compare needs two scenarios or more: files, or --variant of the first",
        usage: usage)
    }
    if paths.filter({ $0 == "-" }).count > 1 {
      throw UsageError(message: "standard input (-) can be read only once", usage: usage)
    }

    var scenarios: [ComparedScenario] = []
    var firstDocument: JSONValue?
    for path in paths {
      let document = try Files.loadDocument(path, console: console)
      if firstDocument == nil { firstDocument = document }
      scenarios.append(try compile(document, path: path, overrides: overrides, variant: nil))
    }
    if let document = firstDocument {
      for variant in variants {
        scenarios.append(try compile(
          document, path: paths[0], overrides: overrides + variant.overrides, variant: variant))
      }
    }

    let progress = arguments.flag("quiet") || !console.stderrIsTerminal
      ? nil : ProgressLine(total: options.iterations * scenarios.count, console: console)
    if let progress { options.progress = { @Sendable done in progress.update(done) } }
    // Checked (its temporary file created) before the work: a bad path fails at once.
    let target = try arguments.value("output").map { path throws(CommandFailure) in
      try OutputTarget(path)
    }
    defer { target?.discard() }
    let summary: ComparisonSummary
    do throws(ComparisonError) {
      defer { progress?.finish() }
      summary = try Comparison.run(scenarios, options: options, overrides: overrides)
    } catch {
      throw CommandFailure(code: .dataError, message: error.message)
    }
    if format == .html { render.generated = Date() }
    let text = Renderer.render(summary, as: format, options: render)
    try RunCommand.deliver(text, to: target, console: console)
  }

  /// One scenario of the comparison: the file's name, or the variant's.
  private static func compile(
    _ document: JSONValue, path: String, overrides: [ScenarioOverride], variant: ScenarioVariant?
  ) throws -> ComparedScenario {
    let file = path == "-" ? "<stdin>" : path
    do throws(ScenarioErrors) {
      let model = try Model(ScenarioDecoder.decode(document: document, overrides: overrides))
      return ComparedScenario(
        info: .init(
          name: variant?.name ?? model.scenario.name, file: file, overrides: overrides),
        model: model)
    } catch {
      guard let variant else { throw Files.invalidScenario(path, overrides: overrides, error) }
      let lines = error.errors.map { "  \($0)" }.joined(separator: "\n")
      throw CommandFailure(
        code: .dataError,
        message: "\(file) with the variant \"\(variant.name)\" is not a valid scenario:\n\(lines)")
    }
  }
}
