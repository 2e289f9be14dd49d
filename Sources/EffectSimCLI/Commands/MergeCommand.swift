import EffectSim
import EffectSimReport
import Foundation

/// `effectsim merge PART...`: the report of a sharded run, byte for byte the one a single
/// process would have written (the JSON `run` section aside).
enum MergeCommand {
  static func execute(_ arguments: ParsedArguments, console: Console) throws {
    let format = try RunCommand.outputFormat(arguments)
    let threads = try arguments.int("threads", in: 1...1024)
    let cache = try rankCache()
    _ = try RunCommand.reportOptions(arguments)
    _ = try RunCommand.chart(arguments)
    var sources: [any PartialSource] = []
    for path in arguments.positionals { sources.append(try PartFile(path)) }
    let (target, drawsTarget) = try RunCommand.outputTargets(arguments)
    defer {
      target?.discard()
      drawsTarget?.discard()
    }
    let summary: RunSummary
    let merge: PartialMerge
    do {
      var parts = try PartialMerge(sources)
      if let cache { parts.rankCache = cache }
      merge = parts
      let keepDraws = arguments.value("draws") != nil
      summary = try merge.summarize(
        threads: try merge.threads(requested: threads, keepDraws: keepDraws),
        keepDraws: keepDraws)
    } catch {
      throw CommandFailure(
        code: error.kind == .unreadable ? .ioError : .dataError,
        message: "cannot merge: \(error)")
    }
    let text = try RunCommand.report(
      summary, model: merge.model, format: format, scenarioPath: merge.scenarioPath, arguments)
    try RunCommand.writeDraws(summary, to: drawsTarget, arguments)
    try RunCommand.deliver(text, to: target, console: console)
  }

  /// `EFFECTSIM_RANK_CACHE_MB`: megabytes (2²⁰ bytes) of rank columns the risk-driver analysis
  /// may keep at once, when set; 0 keeps the fewest (docs/cluster.md, "Memory and disk").
  static func rankCache() throws -> Int? {
    let name = "EFFECTSIM_RANK_CACHE_MB"
    guard let text = ProcessInfo.processInfo.environment[name] else { return nil }
    guard let megabytes = Int(text), (0...(1 << 30)).contains(megabytes) else {
      throw UsageError(
        message: "\(name)=\(text): not a whole number of megabytes from 0 to 2^30",
        usage: Commands.merge.usage())
    }
    return megabytes << 20
  }
}
