import Foundation

/// `effectsim compare`: variants of one case simulated on the same simulated futures.
///
/// Every scenario runs the same iterations with the same seed and the same kernel. Draws are
/// keyed by parameter name and person number (`IterationStreams`), so a parameter defined
/// alike in two scenarios takes the same value in each future, and the same people move
/// alike: the difference between two scenarios in one future is caused by what differs
/// between them, not by chance. That is why the paired difference has a far smaller spread
/// than the two scenarios' own spreads would suggest, and why "which is cheapest in this
/// future" is a meaningful count.
public enum Comparison {
  /// Runs `scenarios` on the same futures and compares them with the first.
  /// - Parameters:
  ///   - options: iterations, seed, threads, percentile levels (default the first scenario's),
  ///     progress (counting the iterations of all scenarios in turn) and kernel; `auto` picks
  ///     the first scenario's kernel, or the individual kernel when another scenario cannot
  ///     use the aggregated one.
  ///   - overrides: the `--set` values every scenario shares, for the report.
  /// - Throws: `ComparisonError` when the scenarios do not share `start` and `years`, or when
  ///   one fails to run (the message names it).
  public static func run(
    _ scenarios: [ComparedScenario], options: RunOptions, overrides: [ScenarioOverride] = []
  ) throws(ComparisonError) -> ComparisonSummary {
    guard let first = scenarios.first else {
      throw ComparisonError(message: "nothing to compare")
    }
    let start = first.model.scenario.start
    let years = first.model.years
    for other in scenarios.dropFirst() {
      let scenario = other.model.scenario
      if scenario.start != start || scenario.years != years {
        throw ComparisonError(
          message: "\(first.info.file) and \(other.info.file) do not share a horizon:"
            + " \(span(first.model.scenario)) against \(span(scenario)); compared scenarios"
            + " need the same start and years")
      }
    }
    var options = options
    options.kernel = try kernel(scenarios, choice: options.kernel)
    let levels = options.percentiles ?? first.model.percentiles

    // Per scenario, per iteration: yearly and cumulative net impact (all areas).
    var yearly: [[[Double]]] = []
    var cumulative: [[[Double]]] = []
    var seconds = 0.0
    var personCycles = 0.0
    var threads = 1
    for (index, scenario) in scenarios.enumerated() {
      // Progress counts the iterations of every scenario, one after the other.
      var runOptions = options
      if let progress = options.progress {
        let done = index * options.iterations
        runOptions.progress = { @Sendable count in progress(done + count) }
      }
      let columns: (yearly: [[Double]], cumulative: [[Double]], run: RunInfo)
      do throws(RunError) {
        columns = try Simulation.monteCarlo(scenario.model, options: runOptions) {
          stores, layout, run in
          (
            (0..<years).map { Array(stores.metrics.column(layout.netTotal($0))) },
            (0..<years).map { Array(stores.metrics.column(layout.cumulativeTotal($0))) }, run
          )
        }
      } catch {
        throw ComparisonError(message: "\(scenario.info.name) (\(scenario.info.file)): \(error)")
      }
      yearly.append(columns.yearly)
      cumulative.append(columns.cumulative)
      seconds += columns.run.seconds
      personCycles += columns.run.personCycles
      threads = columns.run.threads
    }

    let horizon = years - 1
    let n = options.iterations
    var horizonStatistics: [Statistic] = []
    for index in scenarios.indices {
      var column = cumulative[index][horizon]
      horizonStatistics.append(Statistic.summarize(&column, levels: levels))
    }
    let differences = scenarios.indices.dropFirst().map { index in
      func paired(_ series: [[[Double]]]) -> [Statistic] {
        (0..<years).map { year in
          var column = zip(series[index][year], series[0][year]).map { $0 - $1 }
          return Statistic.summarize(&column, levels: levels)
        }
      }
      return ComparisonSummary.PairedDifference(
        scenario: scenarios[index].info.name, netImpact: paired(yearly),
        cumulativeNetImpact: paired(cumulative))
    }
    var best = [Double](repeating: 0, count: scenarios.count)
    for iteration in 0..<n {
      let values = scenarios.indices.map { cumulative[$0][horizon][iteration] }
      guard let lowest = values.min() else { continue }
      let winners = values.indices.filter { values[$0] == lowest }
      for winner in winners { best[winner] += 1 / Double(winners.count) }
    }

    let scenario = first.model.scenario
    return ComparisonSummary(
      scenarios: scenarios.map(\.info),
      reference: ScenarioInfo(
        name: scenario.name, source: scenario.source, description: scenario.description,
        start: scenario.start, years: scenario.years, cycle: scenario.cycle.rawValue,
        currency: scenario.currency, priceLevel: scenario.priceLevel),
      years: (0..<years).map { start + $0 },
      settings: RunSettings(
        mode: .montecarlo, iterations: n, seed: options.seed, pairing: scenario.pairing.rawValue,
        percentileLevels: levels, overrides: overrides),
      cumulativeNetImpact: horizonStatistics, differences: differences,
      probabilityBest: best.map { $0 / Double(n) },
      run: RunInfo(
        engineVersion: EffectSimVersion.string, threads: threads, seconds: seconds,
        personCycles: personCycles,
        personCyclesPerSecond: seconds > 0 ? personCycles / seconds : 0,
        kernel: options.kernel.rawValue))
  }

  /// The one kernel every scenario runs with: a different kernel would use the random
  /// numbers differently and break the pairing.
  static func kernel(
    _ scenarios: [ComparedScenario], choice: KernelChoice
  ) throws(ComparisonError) -> KernelChoice {
    do throws(RunError) {
      switch choice {
      case .individual: return .individual
      case .aggregated, .jump:
        for scenario in scenarios { _ = try Simulation.kernel(for: scenario.model, choice: choice) }
        return choice
      case .auto:
        guard let first = scenarios.first else { return .individual }
        switch try Simulation.kernel(for: first.model, choice: .auto) {
        case .aggregated
        where scenarios.allSatisfy({ PersonStrata.unsupportedReason($0.model) == nil }):
          return .aggregated
        case .jump where scenarios.allSatisfy({ JumpKernel.unsupportedReason($0.model) == nil }):
          return .jump
        default: return .individual
        }
      }
    } catch {
      throw ComparisonError(message: "\(error)")
    }
  }

  private static func span(_ scenario: Scenario) -> String {
    "\(scenario.start)–\(scenario.start + scenario.years - 1)"
  }
}
