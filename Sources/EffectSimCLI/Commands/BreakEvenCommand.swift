import EffectSim
import EffectSimReport
import Foundation

/// `effectsim breakeven SCENARIO --parameter NAME`: the value of NAME at which the case pays
/// back, deterministically and with a stated probability.
enum BreakEvenCommand {
  static let spec = CommandSpec(
    name: "breakeven",
    summary: "Find the value of a parameter at which the case pays back (what would it take).",
    positionals: [PositionalSpec(name: "SCENARIO", help: "scenario file (JSON), or - for stdin")],
    options: [
      OptionSpec(name: "parameter", short: "p", valueName: "NAME", help: "the parameter to vary"),
      OptionSpec(
        name: "payback", valueName: "NAME", help: "payback definition",
        defaultDescription: "the scenario's first"),
      OptionSpec(
        name: "year", valueName: "K", help: "pay back by the end of year K (1 = the first)",
        defaultDescription: "the horizon"),
      OptionSpec(
        name: "probability", valueName: "A",
        help: "also find the value at which P(payback within K years) = A, in (0, 1)"),
      OptionSpec(
        name: "range", valueName: "LO,HI",
        help: "values to search (negative: --range=-5,5)",
        defaultDescription: "the distribution's support, its 0.1-99.9 % quantiles when"
          + " unbounded, or ±10 times a fixed value"),
      OptionSpec(
        name: "format", short: "f", valueName: "FORMAT", help: "output format",
        allowedValues: formats.map(\.rawValue), defaultDescription: "table"),
    ]
      + WhatIfOptions.monteCarlo(
        iterations: "Monte Carlo iterations per step", seed: "random seed, the same at every step")
      + WhatIfOptions.common)

  static let formats: [OutputFormat] = [.table, .json, .markdown]

  static func execute(_ arguments: ParsedArguments, console: Console) throws {
    let usage = spec.usage()
    guard let parameter = arguments.value("parameter") else {
      throw UsageError(message: "--parameter NAME is required: the parameter to vary", usage: usage)
    }
    var question = BreakEvenQuestion(parameter: parameter)
    question.payback = arguments.value("payback")
    question.year = try arguments.int("year", in: 1...1000)
    question.probability = try arguments.double("probability", in: 0...1)
    if let probability = question.probability, probability == 0 || probability == 1 {
      throw UsageError(
        message: "--probability expects a number strictly between 0 and 1, got '\(probability)'",
        usage: usage)
    }
    if let range = try arguments.doubleList("range") {
      guard range.count == 2, range[0] < range[1] else {
        throw UsageError(message: "--range expects LO,HI with LO below HI", usage: usage)
      }
      question.range = range[0]...range[1]
    }
    question.options = try WhatIfOptions.runOptions(arguments, usage: usage)
    let format = try arguments.value("format").map { name throws(UsageError) in
      guard let format = OutputFormat(rawValue: name) else {
        throw UsageError(message: "--format: unknown value '\(name)'", usage: usage)
      }
      return format
    } ?? .table
    let options = WhatIfOptions.renderOptions(arguments)
    let overrides = try WhatIfOptions.overrides(arguments, usage: usage)
    let path = arguments.positionals[0]
    let document = try Files.loadDocument(path, console: console)

    let showProgress = !arguments.flag("quiet") && console.stderrIsTerminal
    let progress: @Sendable (Int, Double, Double) -> Void = { step, value, p in
      let shown = JSONValue.format((p * 1000).rounded() / 1000)
      console.writeError(
        "\rstep \(step): \(parameter) = \(JSONValue.format(value)), P = \(shown)        ")
    }
    // Checked (its temporary file created) before the work: a bad path fails at once.
    let target = try arguments.value("output").map { path throws(CommandFailure) in
      try OutputTarget(path)
    }
    defer { target?.discard() }
    let answer: BreakEvenAnswer
    do throws(BreakEvenError) {
      answer = try BreakEven.solve(
        document: document, overrides: overrides, question,
        onStep: showProgress ? progress : nil)
      if showProgress { console.writeError("\r" + String(repeating: " ", count: 70) + "\r") }
    } catch {
      if showProgress { console.writeError("\n") }
      switch error.kind {
      case .question: throw UsageError(message: error.message, usage: usage)
      case .scenario:
        let name = path == "-" ? "<stdin>" : path
        throw CommandFailure(
          code: .dataError,
          message: "\(name) is not a valid scenario:\n  "
            + error.message.replacing("\n", with: "\n  "))
      case .run: throw CommandFailure(code: .dataError, message: "run error: \(error.message)")
      }
    }
    let text = Renderer.render(answer, as: format, options: options)
    try RunCommand.deliver(text, to: target, console: console)
  }
}
