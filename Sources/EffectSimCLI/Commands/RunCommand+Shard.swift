import EffectSim

/// `effectsim run … --shard K/N -o FILE`: one slice of the iterations, written as a partial
/// result for `effectsim merge` (docs/cluster.md, docs/partial-format.md).
extension RunCommand {
  /// `--shard`, checked against the options it cannot be combined with.
  static func shard(_ arguments: ParsedArguments) throws(UsageError) -> Shard? {
    guard let text = arguments.value("shard") else { return nil }
    let usage = Commands.run.usage()
    guard let shard = Shard(text) else {
      throw UsageError(
        message: "--shard: '\(text)' is not K/N with 0 <= K < N <= \(Shard.maximumCount)"
          + " (shards count from 0, as Slurm array task ids do)",
        usage: usage)
    }
    if arguments.flag("deterministic") {
      throw UsageError(
        message: "--shard splits Monte Carlo iterations; a deterministic run has none",
        usage: usage)
    }
    if arguments.value("precision") != nil {
      throw UsageError(
        message: "--shard runs a fixed slice of --iterations; --precision decides the count as"
          + " it goes, so the slices would not be known in advance: run the precision run"
          + " first and shard its settings.iterations", usage: usage)
    }
    let reportOptions = ["format", "lang", "csv-style", "chart", "draws"]
    if let option = reportOptions.first(where: { arguments.value($0) != nil }) {
      throw UsageError(
        message: "--shard writes a partial result, not a report; give --\(option) to"
          + " effectsim merge", usage: usage)
    }
    guard arguments.value("output") != nil else {
      throw UsageError(
        message: "--shard writes a binary partial result: give its file with -o, e.g."
          + " -o part-\(shard.index).espart", usage: usage)
    }
    return shard
  }

  /// Simulates `shard` and writes its partial result to `path`, atomically.
  static func runShard(
    _ model: Model, bytes: [UInt8], scenarioPath: String?, shard: Shard, to path: String,
    _ options: RunOptions,
    quiet: Bool, console: Console
  ) throws {
    var options = options
    let progress = quiet || !console.stderrIsTerminal
      ? nil : ProgressLine(total: shard.range(of: options.iterations).count, console: console)
    if let progress { options.progress = { @Sendable done in progress.update(done) } }
    defer { progress?.finish() }
    try Files.writeAtomically(to: path) { write in
      do {
        try Simulation.shard(
          model, scenarioBytes: bytes, scenarioPath: scenarioPath, options: options, shard: shard, write: write)
      } catch let error as RunError {
        throw CommandFailure(code: .dataError, message: "run error: \(error)")
      }
    }
  }
}
