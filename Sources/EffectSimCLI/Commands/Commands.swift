import EffectSim
import EffectSimReport

/// The command specifications: names, arguments, options and help texts, in one place.
enum Commands {
  static let formatNames = OutputFormat.allCases.map(\.rawValue)

  static let run = CommandSpec(
    name: "run",
    summary: "Simulate a scenario and print its business case with percentiles and payback.",
    positionals: [PositionalSpec(name: "SCENARIO", help: "scenario file (JSON), or - for stdin")],
    options: [
      OptionSpec(
        name: "iterations", short: "n", valueName: "N",
        help: "Monte Carlo iterations (simulated futures); with --precision, the most to run",
        defaultDescription: "10000; 1000000 with --precision"),
      OptionSpec(
        name: "precision", valueName: "P",
        help: "run until the Monte Carlo standard error of every payback probability is at most"
          + " P, checking at 10000, 20000, 40000, ... iterations (e.g. 0.005)"),
      OptionSpec(
        name: "seed", short: "s", valueName: "S",
        help: "random seed; the same seed gives the same numbers", defaultDescription: "1"),
      OptionSpec(
        name: "threads", short: "t", valueName: "T",
        help: "worker threads; never changes the numbers", defaultDescription: "all cores"),
      OptionSpec(
        name: "deterministic", help: "every parameter at its base value, expected cohort trace"),
      OptionSpec(
        name: "format", short: "f", valueName: "FORMAT", help: "output format",
        allowedValues: formatNames,
        defaultDescription: "from the --output extension, else table"),
      OptionSpec(
        name: "output", short: "o", valueName: "FILE",
        help: "write to FILE (atomically) instead of stdout"),
      OptionSpec(
        name: "percentiles", valueName: "LIST",
        help: "percentile levels, e.g. 5,50,95", defaultDescription: "the scenario's report.percentiles"),
      OptionSpec(name: "quiet", short: "q", help: "no progress line on stderr"),
      OptionSpec(
        name: "variance-split",
        help: "simulate a second cohort per iteration to split the risk into chance and"
          + " knowledge (about twice the run time)"),
      OptionSpec(
        name: "draws", valueName: "FILE",
        help: "also write each iteration's parameters and payback targets to FILE (csv)"),
      OptionSpec(
        name: "lang", valueName: "LANG",
        help: "language of labels in table, markdown and html; numbers are Danish in both",
        allowedValues: ReportLanguage.allCases.map(\.rawValue), defaultDescription: "en"),
      OptionSpec(
        name: "csv-style", valueName: "STYLE",
        help: "csv dialect: tidy (comma, decimal point) or excel-da (semicolon, decimal comma,"
          + " byte-order mark; Danish headers with --lang da); implies --format csv",
        allowedValues: CSVStyle.allCases.map(\.rawValue), defaultDescription: "tidy"),
      OptionSpec(
        name: "chart", valueName: "CHART",
        help: "write one chart of the html report alone, with title and caption, as an SVG file"
          + " (an --output must end in .svg) instead of a report",
        allowedValues: ReportChart.allCases.map(\.rawValue)),
      kernelOption,
      OptionSpec(
        name: "shard", valueName: "K/N",
        help: "simulate only shard K (0 to N-1) of N equal slices of the iterations and write a"
          + " partial result to --output, for effectsim merge (docs/cluster.md)"),
      WhatIfOptions.set,
    ])

  static let merge = CommandSpec(
    name: "merge",
    summary: "Merge the partial results of a sharded run into the run's report.",
    positionals: [
      PositionalSpec(
        name: "PART", help: "partial result files of one run (effectsim run --shard K/N -o ...)",
        repeating: true)
    ],
    options: [
      OptionSpec(
        name: "format", short: "f", valueName: "FORMAT", help: "output format",
        allowedValues: formatNames,
        defaultDescription: "from the --output extension, else table"),
      OptionSpec(
        name: "output", short: "o", valueName: "FILE",
        help: "write to FILE (atomically) instead of stdout"),
      OptionSpec(
        name: "threads", short: "t", valueName: "T",
        help: "columns summarised at once, each 8 bytes × iterations of memory; never changes"
          + " the numbers",
        defaultDescription: "all cores that fit in a quarter of the memory"),
      OptionSpec(
        name: "draws", valueName: "FILE",
        help: "also write each iteration's parameters and payback targets to FILE (csv)"),
      OptionSpec(
        name: "lang", valueName: "LANG",
        help: "language of labels in table, markdown and html; numbers are Danish in both",
        allowedValues: ReportLanguage.allCases.map(\.rawValue), defaultDescription: "en"),
      OptionSpec(
        name: "csv-style", valueName: "STYLE",
        help: "csv dialect: tidy (comma, decimal point) or excel-da (semicolon, decimal comma,"
          + " byte-order mark)",
        allowedValues: CSVStyle.allCases.map(\.rawValue), defaultDescription: "tidy"),
      OptionSpec(
        name: "chart", valueName: "CHART",
        help: "write one chart of the html report alone, as an SVG file, instead of a report",
        allowedValues: ReportChart.allCases.map(\.rawValue)),
    ])

  static let kernelNames = KernelChoice.allCases.map(\.rawValue)

  static let kernelOption = OptionSpec(
    name: "kernel", valueName: "KERNEL",
    help: "individual persons cycle by cycle, aggregated groups (large cohorts), jump (persons"
      + " from move to move), or the fastest for the scenario",
    allowedValues: kernelNames, defaultDescription: "auto")

  static let bench = CommandSpec(
    name: "bench",
    summary: "Measure simulation throughput on a scenario and predict run times.",
    positionals: [
      PositionalSpec(
        name: "SCENARIO",
        help: "scenario file (JSON), or - for stdin; without it, the reference workload"
          + " (six states, monthly, 300 persons, 10 years) that compares machines",
        optional: true)
    ],
    options: [
      OptionSpec(
        name: "iterations", short: "n", valueName: "N", help: "iterations to time",
        defaultDescription: "2000, times 4 until a run simulates for 0.25 s"),
      OptionSpec(
        name: "threads", short: "t", valueName: "T", help: "worker threads",
        defaultDescription: "all cores"),
      kernelOption,
    ])

  static let validate = CommandSpec(
    name: "validate",
    summary: "Check scenario files; print one line per file: ok, or its errors.",
    positionals: [
      PositionalSpec(name: "SCENARIO", help: "scenario files (JSON), or - for stdin", repeating: true)
    ],
    options: [])

  static let schema = CommandSpec(
    name: "schema",
    summary: "Print the JSON Schema (draft 2020-12) of the scenario format, for editors.",
    positionals: [], options: [])

  static let help = CommandSpec(
    name: "help", summary: "Show the help of a command.",
    positionals: [
      PositionalSpec(name: "COMMAND", help: "a command, e.g. run or breakeven", optional: true)
    ],
    options: [])

  static let all = [
    run, merge, BreakEvenCommand.spec, CompareCommand.spec, validate, bench, schema, help,
  ]
}
