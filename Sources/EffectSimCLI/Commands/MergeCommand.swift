import EffectSim
import EffectSimReport
import Foundation

/// `effectsim merge PART...`: the report of a sharded run, byte for byte the one a single
/// process would have written (the JSON `run` section aside).
enum MergeCommand {
  static func execute(_ arguments: ParsedArguments, console: Console) throws {
    let format = try RunCommand.outputFormat(arguments)
    let threads = try arguments.int("threads", in: 1...1024)
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
      merge = try PartialMerge(sources)
      summary = try merge.summarize(
        threads: threads ?? defaultThreads(merge.iterations),
        keepDraws: arguments.value("draws") != nil)
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

  /// Every core, but no more column buffers (8 bytes × iterations each) than fit in a
  /// quarter of the machine's memory; at least one.
  static func defaultThreads(_ iterations: Int) -> Int {
    let perThread = UInt64(max(1, iterations)) * 8
    let fit = ProcessInfo.processInfo.physicalMemory / 4 / perThread
    return max(1, min(ProcessInfo.processInfo.activeProcessorCount, Int(min(fit, 1024))))
  }
}
