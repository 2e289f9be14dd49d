import EffectSim
import EffectSimReport
import Foundation

/// `effectsim run SCENARIO`: simulate, then render in the chosen format.
enum RunCommand {
  static func execute(_ arguments: ParsedArguments, console: Console) throws {
    let path = arguments.positionals[0]
    let format = try outputFormat(arguments)
    let deterministic = arguments.flag("deterministic")
    let precision = try precisionTarget(arguments)
    let iterations = try arguments.int("iterations", in: 1...100_000_000)
      ?? (precision == nil ? 10_000 : PrecisionRule.defaultCap)
    let seed = try arguments.uint64("seed") ?? 1
    let threads = try arguments.int("threads", in: 1...1024)
    let percentiles = try arguments.doubleList("percentiles")
    let kernel = try kernelChoice(arguments, usage: Commands.run.usage())
    if let percentiles, let bad = percentiles.first(where: { !(0...100).contains($0) }) {
      throw UsageError(
        message: "--percentiles: \(bad) is not a percentile level in [0, 100]",
        usage: Commands.run.usage())
    }
    if deterministic, arguments.value("iterations") != nil || arguments.value("seed") != nil
      || precision != nil
    {
      throw UsageError(
        message: "--deterministic runs once without random numbers; drop --iterations, --seed"
          + " and --precision",
        usage: Commands.run.usage())
    }
    let varianceSplit = arguments.flag("variance-split")
    let drawsPath = arguments.value("draws")
    if deterministic, varianceSplit || drawsPath != nil {
      throw UsageError(
        message: "--deterministic draws nothing; --variance-split and --draws need a Monte Carlo"
          + " run", usage: Commands.run.usage())
    }
    let shard = try shard(arguments)

    let overrides = try WhatIfOptions.overrides(arguments, usage: Commands.run.usage())
    // Read once: a shard carries the file's bytes, and standard input cannot be read twice.
    let bytes = try Files.readScenario(path, console: console)
    let model = try Files.loadModel(bytes, path: path, overrides: overrides)

    if let shard {
      var options = RunOptions(
        iterations: iterations, seed: seed, threads: threads, percentiles: percentiles,
        kernel: kernel)
      options.varianceSplit = varianceSplit
      // `shard(_:)` has required --output.
      return try runShard(
        model, bytes: bytes, shard: shard, to: arguments.value("output") ?? "", options,
        quiet: arguments.flag("quiet"), console: console)
    }

    let summary: RunSummary
    do {
      if deterministic {
        summary = try Simulation.deterministic(model, percentiles: percentiles)
      } else {
        let progress = arguments.flag("quiet") || !console.stderrIsTerminal
          ? nil : ProgressLine(total: iterations, console: console)
        var options = RunOptions(
          iterations: iterations, seed: seed, threads: threads, percentiles: percentiles,
          kernel: kernel, precision: precision)
        options.varianceSplit = varianceSplit
        options.keepDraws = drawsPath != nil
        if let progress {
          options.progress = { @Sendable done in progress.update(done) }
          options.target = { @Sendable target in progress.retarget(target) }
        }
        defer { progress?.finish() }
        summary = try Simulation.monteCarlo(model, options: options)
      }
    } catch {
      throw CommandFailure(code: .dataError, message: "run error: \(error)")
    }

    let text = try report(summary, model: model, format: format, arguments)
    try writeDraws(summary, arguments)
    try deliver(text, arguments, console: console)
  }

  /// `--draws FILE`: the per-iteration parameters and targets the summary kept, as csv.
  static func writeDraws(_ summary: RunSummary, _ arguments: ParsedArguments) throws {
    guard let path = arguments.value("draws"), let draws = summary.iterationDraws else { return }
    let style = try reportOptions(arguments).csvStyle
    try Files.writeAtomically(Renderer.renderDraws(draws, style: style), to: path)
  }

  /// Writes `text` to `--output`, else to standard output.
  static func deliver(
    _ text: String, _ arguments: ParsedArguments, console: Console
  ) throws(CommandFailure) {
    if let output = arguments.value("output") {
      try Files.writeAtomically(text, to: output)
    } else {
      console.writeOut(text)
    }
  }

  /// `--precision`: a standard error in (0, 0.5]; `nil` when not given.
  static func precisionTarget(_ arguments: ParsedArguments) throws(UsageError) -> Double? {
    guard let target = try arguments.double("precision", in: 0...0.5) else { return nil }
    guard target > 0 else {
      throw UsageError(
        message: "--precision: a standard error must be above 0 (e.g. 0.005)",
        usage: Commands.run.usage())
    }
    return target
  }

  /// `--kernel`, default `auto`.
  static func kernelChoice(
    _ arguments: ParsedArguments, usage: String
  ) throws(UsageError) -> KernelChoice {
    guard let name = arguments.value("kernel") else { return .auto }
    guard let choice = KernelChoice(rawValue: name) else {
      throw UsageError(message: "--kernel: unknown value '\(name)'", usage: usage)
    }
    return choice
  }

  /// `--format`, else the `--output` file's extension, else the table.
  static func outputFormat(_ arguments: ParsedArguments) throws(UsageError) -> OutputFormat {
    if let name = arguments.value("format") {
      guard let format = OutputFormat(rawValue: name) else {
        throw UsageError(message: "--format: unknown value '\(name)'", usage: Commands.run.usage())
      }
      return format
    }
    let byExtension: [String: OutputFormat] = [
      "json": .json, "csv": .csv, "md": .markdown, "markdown": .markdown, "txt": .table,
      "html": .html, "htm": .html,
    ]
    if let output = arguments.value("output"),
      let format = byExtension[URL(fileURLWithPath: output).pathExtension.lowercased()]
    {
      return format
    }
    return .table
  }
}
