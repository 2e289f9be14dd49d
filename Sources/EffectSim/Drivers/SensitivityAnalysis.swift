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
  /// Bytes of rank columns kept at once beyond the least the analysis needs: enough to rank
  /// every column once in runs of up to some millions of iterations; beyond, rank columns are
  /// made again as needed (`RankCrossProducts`), so memory stays within `peakBytes`.
  static let rankCache = 256 << 20

  /// Per payback definition, in the model's order.
  ///
  /// Memory: at most `peakBytes(iterations:columns:rankCache:)` at once, counting the columns
  /// it asks `columns` for (one target at a time; parameter columns are copied in pieces):
  /// one sorted column (values and iteration numbers) and a bounded number of rank columns.
  /// - Parameters:
  ///   - columns: the run's columns: the metrics `layout.target(_:)` are read, and the
  ///     recorded iteration-scope values, one `.parameterDraws` column per `record.slots` entry.
  ///   - rankCache: bytes of rank columns that may be kept at once; default `rankCache`.
  ///     Never changes a number, only how often a column is sorted again.
  ///   - gauge: counts the analysis's per-iteration buffers; default none.
  /// - Complexity: O(*p* *n* log *n* + *d* *n* *p* + *p* *n* *p*) for *p* uncertain parameters,
  ///   *d* definitions and *n* iterations, plus two deterministic traces per parameter; when
  ///   the rank columns exceed `rankCache`, up to *p*(*p* + 2*d*)/2 more sorts.
  static func summarize(
    _ model: Model, layout: MetricLayout, columns: some RunColumns, record: ParameterRecord,
    rankCache: Int = rankCache, gauge: MemoryGauge? = nil
  ) -> [SensitivitySummary] {
    let analysis = Analysis(
      model: model, layout: layout, record: record, rankCache: rankCache, gauge: gauge)
    return columns.iterations < 1 << 31
      ? analysis.run(UInt32.self, columns) : analysis.run(UInt64.self, columns)
  }

  /// Rank columns held at once besides the one being made, for `columns` rank columns
  /// (uncertain parameters and targets) of `iterations` each: as many as `rankCache` holds,
  /// at least one.
  static func groupSize(
    iterations: Int, columns: Int, rankCache: Int = rankCache
  ) -> Int {
    let bytes = MemoryEstimate.multiply(max(1, iterations), indexBytes(iterations: iterations))
    return max(1, min(columns, rankCache / bytes))
  }

  /// Bytes of an iteration number: 4 below 2³¹ iterations (twice a rank must fit), else 8.
  static func indexBytes(iterations: Int) -> Int { iterations < 1 << 31 ? 4 : 8 }

  /// The most bytes the analysis holds at once for `iterations` iterations and `columns` rank
  /// columns, counting what it asks its column source for: a sorted column (8 bytes and an
  /// iteration number per iteration) or a target lent by the source with the order of a
  /// parameter, plus `groupSize` rank columns and a bit per iteration.
  static func peakBytes(iterations n: Int, columns: Int, rankCache: Int = rankCache) -> Int {
    guard columns > 0 else { return 0 }
    let index = indexBytes(iterations: n)
    let group = groupSize(iterations: n, columns: columns, rankCache: rankCache)
    return MemoryEstimate.add(MemoryEstimate.multiply(n, 8 + index + group * index), n / 8 + 64)
  }

  /// One analysis's settings, the model's side of it.
  private struct Analysis {
    let model: Model
    let layout: MetricLayout
    let record: ParameterRecord
    let rankCache: Int
    let gauge: MemoryGauge?

    func run<Index: FixedWidthInteger & UnsignedInteger>(
      _: Index.Type, _ columns: some RunColumns
    ) -> [SensitivitySummary] {
      let definitions = model.payback.indices
      guard !definitions.isEmpty else { return [] }
      let n = columns.iterations
      let bins = ParameterBins.targetCount(iterations: n)
      let targets = definitions.map { layout.target($0) }
      let uncertain = model.iterationDraws.filter { record.slots.contains($0.slot) }.count
      let groupSize = SensitivityAnalysis.groupSize(
        iterations: n, columns: uncertain + targets.count, rankCache: rankCache)

      // One target at a time, lent by the source only for the call.
      let moments = targets.map { target in
        columns.withColumns(.metrics, [target]) { column in
          (moments: SensitivityAnalysis.moments(column[0]), evpi: DriverEstimators.evpi(column[0]))
        }
      }
      var names: [String] = []
      var drawColumns: [Int] = []
      /// Per parameter, per definition: (variance share, EVPPI, low tail, high tail).
      var fromBins: [[(share: Double, evppi: Double, low: Double, high: Double)]] = []
      var tails: [(low: Double, high: Double)] = []
      var oneWay: [(low: Double, high: Double, results: [(Double, Double)])] = []
      // The first group's rank columns, made while their order is at hand.
      var ranked: [RankColumn<Index>] = []

      for draw in model.iterationDraws {
        guard let column = record.slots.firstIndex(of: draw.slot) else { continue }
        var sorted = SortedColumn<Index>(columns, .parameterDraws, column, gauge: gauge)
        if sorted.isConstant { continue }
        names.append(model.parameterNames[draw.slot])
        drawColumns.append(column)
        let parameterBins = ParameterBins(sorted, bins: bins)
        let low = sorted.percentile(10)
        let high = sorted.percentile(90)
        // θ ≤ its 10th percentile: a prefix of the sorted order; θ ≥ the 90th: a suffix.
        let lowEnd = sorted.sorted.firstIndex { $0 > low } ?? n
        let highStart = sorted.sorted.firstIndex { $0 >= high } ?? n
        tails.append((low, high))
        // The order alone from here on, beside one target at a time.
        sorted.releaseValues()
        fromBins.append(
          definitions.map { d in
            columns.withColumns(.metrics, [targets[d]]) { target in
              let (means, counts) = parameterBins.means(of: target[0], order: sorted.order)
              return (
                DriverEstimators.firstOrderIndex(
                  binMeans: means, binCounts: counts, mean: moments[d].moments.mean,
                  sumOfSquares: moments[d].moments.sumOfSquares),
                DriverEstimators.evppi(binMeans: means, binCounts: counts),
                DriverEstimators.mean(of: target[0], order: sorted.order, range: 0..<lowEnd),
                DriverEstimators.mean(of: target[0], order: sorted.order, range: highStart..<n)
              )
            }
          })
        if ranked.count < groupSize { ranked.append(sorted.ranks(gauge: gauge)) }
        let lowValue = draw.distribution.quantile(0.05)
        let highValue = draw.distribution.quantile(0.95)
        let lowResults = baseTargets(model, layout: layout, slot: draw.slot, value: lowValue)
        let highResults = baseTargets(model, layout: layout, slot: draw.slot, value: highValue)
        oneWay.append((lowValue, highValue, Array(zip(lowResults, highResults))))
      }

      // Parameters first, then the targets, as `RankCrossProducts` numbers its columns.
      let p = names.count
      let products = RankCrossProducts(
        count: p + targets.count, parameters: p, groupSize: groupSize, ranked: &ranked
      ) { k in
        var sorted =
          k < p
          ? SortedColumn<Index>(columns, .parameterDraws, drawColumns[k], gauge: gauge)
          : SortedColumn<Index>(columns, .metrics, targets[k - p], gauge: gauge)
        sorted.releaseValues()
        return sorted.ranks(gauge: gauge)
      }
      let correlations = RankCorrelations(products, parameters: p)
      return definitions.map { d in
        let coefficients = correlations.coefficients(products, target: p + d)
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
        let (mean, sumOfSquares) = moments[d].moments
        let sd = n > 1 ? (sumOfSquares / Double(n - 1)).squareRoot() : 0
        return SensitivitySummary(
          payback: model.payback[d].name, evpi: moments[d].evpi, mean: mean, sd: sd,
          parameters: SensitivityAnalysis.ranked(parameters))
      }
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
  fileprivate static func moments(
    _ values: UnsafeBufferPointer<Double>
  ) -> (mean: Double, sumOfSquares: Double) {
    guard !values.isEmpty else { return (.nan, .nan) }
    let mean = values.reduce(0, +) / Double(values.count)
    var sum = 0.0
    for value in values { sum += (value - mean) * (value - mean) }
    return (mean, sum)
  }
}
