import EffectSim
import EffectSimReport
import Foundation

/// `effectsim run SCENARIO`: simulate, then render in the chosen format.
enum RunCommand {
  static func execute(_ arguments: ParsedArguments, console: Console) throws {
    let path = arguments.positionals[0]
    // Every option is checked before the simulation, so a typo costs no run time.
    let format = try outputFormat(arguments)
    let chart = try chart(arguments)
    var renderOptions = try reportOptions(arguments)
    renderOptions.scenarioPath = path == "-" ? nil : path
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
        model, bytes: bytes, scenarioPath: renderOptions.scenarioPath, shard: shard, to: arguments.value("output") ?? "", options,
        quiet: arguments.flag("quiet"), console: console)
    }

    // The output files are checked (and their temporary files created) before the run.
    let (target, drawsTarget) = try outputTargets(arguments)
    defer {
      target?.discard()
      drawsTarget?.discard()
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

    let text = try report(
      summary, model: model, format: format, chart: chart, options: renderOptions)
    try writeDraws(summary, to: drawsTarget, arguments)
    try deliver(text, to: target, console: console)
  }

  /// The `--output` and `--draws` files, checked (and their temporary files created) before
  /// the work, so that a path that cannot be written fails at once, not after minutes of
  /// simulation.
  static func outputTargets(
    _ arguments: ParsedArguments
  ) throws(CommandFailure) -> (output: OutputTarget?, draws: OutputTarget?) {
    let output = try arguments.value("output").map { path throws(CommandFailure) in
      try OutputTarget(path)
    }
    let draws = try arguments.value("draws").map { path throws(CommandFailure) in
      try OutputTarget(path)
    }
    return (output, draws)
  }

  /// `--draws FILE`: the per-iteration parameters and targets the summary kept, as csv.
  static func writeDraws(
    _ summary: RunSummary, to target: OutputTarget?, _ arguments: ParsedArguments
  ) throws {
    guard let target, let draws = summary.iterationDraws else { return }
    let style = try reportOptions(arguments).csvStyle
    try target.commit(Renderer.renderDraws(draws, style: style))
  }

  /// Writes `text` to the `--output` target, else to standard output.
  static func deliver(
    _ text: String, to target: OutputTarget?, console: Console
  ) throws(CommandFailure) {
    if let target {
      try target.commit(text)
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

  /// The formats an `--output` extension names; `.txt` takes any text format.
  static let formatByExtension: [String: OutputFormat] = [
    "json": .json, "csv": .csv, "md": .markdown, "markdown": .markdown, "html": .html,
    "htm": .html,
  ]

  /// `--format`; else CSV when `--csv-style` is given; else the `--output` file's extension;
  /// else the table. A format that contradicts the output's extension (`-f csv -o x.html`,
  /// `--csv-style` with `-o x.json`, any report into `.svg`) is a usage error: the file would
  /// hold one format under another's name.
  static func outputFormat(_ arguments: ParsedArguments) throws(UsageError) -> OutputFormat {
    let usage = Commands.run.usage()
    let output = arguments.value("output")
    let fileExtension = output.map { URL(fileURLWithPath: $0).pathExtension.lowercased() } ?? ""
    let named = formatByExtension[fileExtension]
    guard arguments.value("chart") == nil else { return named ?? .table }
    var format: OutputFormat?
    if let name = arguments.value("format") {
      guard let chosen = OutputFormat(rawValue: name) else {
        throw UsageError(message: "--format: unknown value '\(name)'", usage: usage)
      }
      format = chosen
    } else if arguments.value("csv-style") != nil, arguments.value("draws") == nil {
      // With --draws, --csv-style may be meant for the draws file alone.
      format = .csv
    }
    if let output, fileExtension == "svg" {
      throw UsageError(
        message: "\(output): an .svg file holds one chart; add --chart fan|payback|histogram",
        usage: usage)
    }
    guard let format else { return named ?? .table }
    if let output, let named, named != format {
      let reason = arguments.value("format") != nil
        ? "--format \(format.rawValue)" : "--csv-style (which writes CSV)"
      throw UsageError(
        message: "\(reason) does not match \(output), whose extension says \(named.rawValue);"
          + " rename the file or drop the option",
        usage: usage)
    }
    return format
  }
}
