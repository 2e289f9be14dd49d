/// Which uncertain parameter drives each payback definition's target, from the draws of the
/// run itself: rank correlations, the first-order variance share, the probabilistic tornado,
/// the EVPI and each parameter's EVPPI, plus the deterministic one-way swing.
///
/// Reads only the per-iteration stores (the target columns of the metrics and the recorded
/// parameter draws) and the model, and reorders neither, so a merge of shards that rebuilds
/// the stores gets the same numbers. Every step visits the iterations in index order or in an
/// order fixed by the values, never by thread, so the result is the same for every thread
/// count.
enum SensitivityAnalysis {
  /// Per payback definition, in the model's order.
  /// - Parameters:
  ///   - columns: the run's columns: the metrics `layout.target(_:)` are read, and the
  ///     recorded iteration-scope values, one `.parameterDraws` column per `record.slots` entry.
  /// - Complexity: O(*p* *n* log *n* + *d* *n* *p* + *p* *n* *p*) for *p* uncertain parameters,
  ///   *d* definitions and *n* iterations, plus two deterministic traces per parameter.
  static func summarize(
    _ model: Model, layout: MetricLayout, columns: some RunColumns, record: ParameterRecord
  ) -> [SensitivitySummary] {
    // The targets stay at hand throughout; the parameters' columns are read one at a time.
    columns.withColumns(.metrics, model.payback.indices.map { layout.target($0) }) { targets in
      summarize(model, layout: layout, targets: targets, record: record) { column, body in
        columns.withColumns(.parameterDraws, [column]) { body($0[0]) }
      }
    }
  }

  /// The analysis over `targets`, one column per payback definition, reading the draw column
  /// of `record.slots[k]` through `draws(k) { column in … }`.
  private static func summarize(
    _ model: Model, layout: MetricLayout, targets: [UnsafeBufferPointer<Double>],
    record: ParameterRecord,
    draws: (Int, (UnsafeBufferPointer<Double>) -> SortedColumn) -> SortedColumn
  ) -> [SensitivitySummary] {
    let n = targets.first?.count ?? 0
    let definitions = model.payback.indices
    let bins = ParameterBins.targetCount(iterations: n)

    var names: [String] = []
    var ranks: [[Double]] = []
    /// Per parameter, per definition: (variance share, EVPPI, low tail, high tail).
    var fromBins: [[(share: Double, evppi: Double, low: Double, high: Double)]] = []
    var tails: [(low: Double, high: Double)] = []
    var oneWay: [(low: Double, high: Double, results: [(Double, Double)])] = []

    let moments = targets.map(Self.moments)
    for draw in model.iterationDraws {
      guard let column = record.slots.firstIndex(of: draw.slot) else { continue }
      let sorted = draws(column) { SortedColumn($0) }
      if sorted.isConstant { continue }
      names.append(model.parameterNames[draw.slot])
      ranks.append(sorted.ranks())
      let parameterBins = ParameterBins(sorted, bins: bins)
      let low = sorted.percentile(10)
      let high = sorted.percentile(90)
      // θ ≤ its 10th percentile: a prefix of the sorted order; θ ≥ the 90th: a suffix.
      let lowEnd = sorted.sorted.firstIndex { $0 > low } ?? n
      let highStart = sorted.sorted.firstIndex { $0 >= high } ?? n
      tails.append((low, high))
      fromBins.append(
        definitions.map { d in
          let (means, counts) = parameterBins.means(of: targets[d], order: sorted.order)
          return (
            DriverEstimators.firstOrderIndex(
              binMeans: means, binCounts: counts, mean: moments[d].mean,
              sumOfSquares: moments[d].sumOfSquares),
            DriverEstimators.evppi(binMeans: means, binCounts: counts),
            DriverEstimators.mean(of: targets[d], order: sorted.order, range: 0..<lowEnd),
            DriverEstimators.mean(of: targets[d], order: sorted.order, range: highStart..<n)
          )
        })
      let lowValue = draw.distribution.quantile(0.05)
      let highValue = draw.distribution.quantile(0.95)
      let lowResults = baseTargets(model, layout: layout, slot: draw.slot, value: lowValue)
      let highResults = baseTargets(model, layout: layout, slot: draw.slot, value: highValue)
      oneWay.append((lowValue, highValue, Array(zip(lowResults, highResults))))
    }

    let correlations = RankCorrelations(parameterRanks: ranks)
    return definitions.map { d in
      let coefficients = correlations.coefficients(targetRanks: SortedColumn(targets[d]).ranks())
      let parameters = names.indices.map { j in
        ParameterSensitivity(
          name: names[j], spearman: coefficients[j].spearman, prcc: coefficients[j].prcc,
          varianceShare: fromBins[j][d].share, evppi: fromBins[j][d].evppi,
          low: .init(value: tails[j].low, mean: fromBins[j][d].low),
          high: .init(value: tails[j].high, mean: fromBins[j][d].high),
          oneWay: .init(
            lowValue: oneWay[j].low, highValue: oneWay[j].high,
            lowResult: oneWay[j].results[d].0, highResult: oneWay[j].results[d].1))
      }
      let sd = n > 1 ? (moments[d].sumOfSquares / Double(n - 1)).squareRoot() : 0
      return SensitivitySummary(
        payback: model.payback[d].name, evpi: DriverEstimators.evpi(targets[d]),
        mean: moments[d].mean, sd: sd, parameters: ranked(parameters))
    }
  }

  /// Largest variance share first; a share that could not be estimated last; ties keep the
  /// scenario's order.
  static func ranked(_ parameters: [ParameterSensitivity]) -> [ParameterSensitivity] {
    parameters.enumerated().sorted { a, b in
      let (x, y) = (a.element.varianceShare, b.element.varianceShare)
      if x.isNaN != y.isNaN { return y.isNaN }
      if x != y, !x.isNaN { return x > y }
      return a.offset < b.offset
    }.map(\.element)
  }

  /// The targets of the deterministic model with one parameter moved; NaN for every
  /// definition when that reading fails (a probability pushed outside [0, 1], say), so that
  /// one extreme value cannot sink the run's report.
  static func baseTargets(
    _ model: Model, layout: MetricLayout, slot: Int, value: Double
  ) -> [Double] {
    guard
      let (metrics, _) = try? Simulation.expectedMetrics(
        model, layout: layout, override: (slot, value))
    else { return model.payback.map { _ in .nan } }
    return model.payback.indices.map { metrics[layout.target($0)] }
  }

  /// Mean and sum of squared deviations, in two passes for accuracy.
  private static func moments(
    _ values: UnsafeBufferPointer<Double>
  ) -> (mean: Double, sumOfSquares: Double) {
    guard !values.isEmpty else { return (.nan, .nan) }
    let mean = values.reduce(0, +) / Double(values.count)
    var sum = 0.0
    for value in values { sum += (value - mean) * (value - mean) }
    return (mean, sum)
  }
}
