/// Summarises the stored iterations into the statistics of the output contract.
///
/// Reads the iterations only through `RunColumns`, one column (or a few) at a time, so that a
/// run (every column in memory) and a merge of partial results (columns loaded from the parts
/// on demand) go through this same code and give the same bytes.
enum Summarizer {
  /// Everything the output shows, from the per-iteration columns and the model alone.
  ///
  /// - Parameters:
  ///   - columns: the run's per-iteration columns; `settings.mode` says whether
  ///     `.parameterDraws` was filled (Monte Carlo) or nothing was drawn (deterministic). The
  ///     metrics before the payback years may be reordered (selection), the rest are only read.
  ///   - run: the machine's facts; `run.threads` also bounds the threads summarising.
  ///   - keepDraws: copy the per-iteration parameters and targets into the summary first.
  ///   - rankCache: bytes of rank columns the risk-driver analysis may keep at once
  ///     (`SensitivityAnalysis.summarize`); never changes a number.
  /// - Throws: `RunError` when a statistic of finite values overflows (an sd of values near
  ///   1e154 and beyond), naming the metric: nothing non-finite reaches a report.
  static func summarize(
    _ model: Model, layout: MetricLayout, columns: some RunColumns, settings: RunSettings,
    run: RunInfo, keepDraws: Bool = false, rankCache: Int = SensitivityAnalysis.rankCache
  ) throws(RunError) -> RunSummary {
    let levels = settings.percentileLevels
    var settings = settings
    settings.overrides = model.scenario.overrides
    let n = columns.iterations
    let threads = run.threads
    let record = ParameterRecord(model: model)
    let drawn = settings.mode == .montecarlo
    // What pairs iterations across columns (the horizon's loss share, the exported draws, the
    // sensitivity analysis) reads the columns before anything below reorders them in place.
    let horizon = horizon(model, layout: layout, columns: columns)
    let iterationDraws = keepDraws
      ? self.iterationDraws(model, layout: layout, columns: columns, drawn: drawn) : nil
    let clock = ContinuousClock.now
    let sensitivity = drawn
      ? SensitivityAnalysis.summarize(
        model, layout: layout, columns: columns, record: record, rankCache: rankCache)
      : []
    let varianceSplit = VarianceSplit.summarize(model, layout: layout, columns: columns)
    var driversSeconds = clock.duration(to: .now).seconds
    let parameters = register(
      model, record: record, draws: drawn ? columns : nil, threads: threads)
    let years = model.years
    let areaIndices = model.areas.indices

    // Payback years are whole numbers in 1...years + 1; clamped as numbers first, so that no
    // value (a damaged part's, say) can trap the conversion to Int.
    let paidByYear = columns.mapColumns(
      .metrics, layout.paybackStart..<layout.targetStart, threads: threads
    ) { column in
      var paidBy = [Int](repeating: 0, count: years + 2)
      for value in column {
        paidBy[value >= 1 ? Int(min(value, Double(years + 1))) : 1] += 1
      }
      return paidBy
    }
    let payback = model.payback.enumerated().map { index, definition in
      let paidBy = paidByYear[index]
      var probabilities: [Double] = []
      var running = 0
      for year in 1...years {
        running += paidBy[year]
        probabilities.append(Double(running) / Double(n))
      }
      let mcse = probabilities.map { p in n > 1 ? (p * (1 - p) / Double(n - 1)).squareRoot() : 0 }
      let median = probabilities.firstIndex { $0 >= 0.5 }.map { $0 + 1 }
      return PaybackSummary(
        name: definition.name, areas: definition.areas, discounted: definition.discounted,
        probabilityByYear: probabilities, probabilityMCSE: mcse,
        probabilityNotWithinHorizon: Double(paidBy[years + 1]) / Double(n), medianYear: median,
        deterministicYear: settings.mode == .deterministic ? median : nil)
    }

    // Every column before the payback years is summarised exactly once, so all of them can be
    // summarised up front, in parallel: a column's statistic depends only on that column.
    // Four at a time, so that their Welford passes overlap (`summarize(interleaving:levels:)`).
    let statistics = columns.mapColumnGroups(
      .metrics, 0..<layout.paybackStart, groupSize: 4, threads: threads
    ) { columns -> [Statistic] in
      n == 1
        ? columns.map { .exact($0[0], levels: levels) }
        : Statistic.summarize(interleaving: columns, levels: levels)
    }
    if let metric = statistics.firstIndex(where: { !$0.isFinite }) {
      throw RunError(
        path: "", message: "the statistics of \(layout.describe(metric, model)) over the \(n)"
          + " iterations are too large to compute (the spread exceeds ±1.8e308, the largest"
          + " number a run can hold; see docs/limits.md)", iteration: nil)
    }
    func stat(_ metric: Int) -> Statistic { statistics[metric] }

    let netImpact = AreaSeries(
      total: (0..<years).map { stat(layout.netTotal($0)) },
      byArea: areaIndices.map { area in
        (model.areas[area], (0..<years).map { stat(layout.netArea(area, $0)) })
      })
    let cumulative = AreaSeries(
      total: (0..<years).map { stat(layout.cumulativeTotal($0)) },
      byArea: areaIndices.map { area in
        (model.areas[area], (0..<years).map { stat(layout.cumulativeArea(area, $0)) })
      })
    let armCosts = ArmSeries(
      intervention: (0..<years).map { stat(layout.armCost(0, $0)) },
      control: (0..<years).map { stat(layout.armCost(1, $0)) })
    let outcomes = model.outcomeNames.enumerated().map { index, name in
      OutcomeSummary(
        name: name, intervention: stat(layout.outcome(index, 0)),
        control: stat(layout.outcome(index, 1)), difference: stat(layout.outcome(index, 2)))
    }
    let presentValue = PresentValueSummary(
      netImpactTotal: stat(layout.presentNetTotal),
      netImpactByArea: areaIndices.map { (model.areas[$0], stat(layout.presentNetArea($0))) },
      armCostsIntervention: stat(layout.presentArmCost(0)),
      armCostsControl: stat(layout.presentArmCost(1)),
      outcomes: model.outcomeNames.enumerated().map { index, name in
        OutcomeSummary(
          name: name, intervention: stat(layout.presentOutcome(index, 0)),
          control: stat(layout.presentOutcome(index, 1)),
          difference: stat(layout.presentOutcome(index, 2)))
      })
    let stateIDs = model.scenario.states.map(\.id)
    let occupancy = model.occupancyAt.enumerated().map { index, cycle in
      OccupancySummary(
        cycle: cycle,
        intervention: stateIDs.enumerated().map { ($1, stat(layout.occupancy(index, 0, $0))) },
        control: stateIDs.enumerated().map { ($1, stat(layout.occupancy(index, 1, $0))) })
    }
    let scenario = model.scenario
    let claimClock = ContinuousClock.now
    let claim = scenario.claim.map { claim in
      ClaimCheck.summarize(
        claim, model: model, layout: layout, columns: columns, payback: payback)
    }
    driversSeconds += claimClock.duration(to: .now).seconds
    var summary = RunSummary(
      scenario: ScenarioInfo(
        name: scenario.name, source: scenario.source, description: scenario.description,
        start: scenario.start, years: scenario.years, cycle: scenario.cycle.rawValue,
        currency: scenario.currency, priceLevel: scenario.priceLevel,
        stateLabels: Dictionary(
          scenario.states.compactMap { state in state.label.map { (state.id, $0) } },
          uniquingKeysWith: { first, _ in first }),
        labels: scenario.labels),
      settings: settings, years: (0..<years).map { scenario.start + $0 }, areas: model.areas,
      netImpact: netImpact, cumulativeNetImpact: cumulative, armCosts: armCosts,
      payback: payback, outcomes: outcomes, presentValue: presentValue, occupancy: occupancy,
      run: run, horizon: horizon, parameters: parameters)
    summary.sensitivity = sensitivity
    summary.varianceSplit = varianceSplit
    summary.claim = claim
    // A deterministic run uses base values: nothing was drawn, so nothing was correlated.
    summary.correlations = settings.mode == .montecarlo ? scenario.correlations : []
    summary.iterationDraws = iterationDraws
    summary.run.driversSeconds = driversSeconds
    return summary
  }
}
