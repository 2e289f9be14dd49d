import Testing

@testable import EffectSim

/// The risk-driver analysis in bounded memory: the in-place sort, the compact ranks, and the
/// analysis held to `SensitivityAnalysis.peakBytes` — with the same bits whatever it may keep.
@Suite("What drives the risk: memory")
struct DriverMemoryTests {
  // MARK: - The sort

  /// Values with many ties (a few distinct values), so that the iteration order decides.
  static func values(_ n: Int, distinct: Int, seed: UInt64) -> [Double] {
    var generator = Xoshiro256PlusPlus(seed: seed, stream: 0)
    return (0..<n).map { _ in Double(generator.next() % UInt64(distinct)) - 3 }
  }

  static func referenceOrder(_ values: [Double]) -> [Int] {
    values.enumerated().map { ($1, $0) }.sorted(by: <).map(\.1)
  }

  static func pairSorted(_ values: [Double]) -> (values: [Double], order: [Int]) {
    var sorted = values
    var order = values.indices.map { UInt32($0) }
    sorted.withUnsafeMutableBufferPointer { sorted in
      order.withUnsafeMutableBufferPointer { PairSort.sort(sorted, $0) }
    }
    return (sorted, order.map(Int.init))
  }

  @Test(arguments: [0, 1, 2, 17, 100, 1000, 20_000])
  func pairSortIsTheLexicographicOrder(n: Int) {
    for distinct in [1, 3, 50, 1 << 40] {
      let values = Self.values(n, distinct: distinct, seed: UInt64(n * 31 + distinct))
      let (sorted, order) = Self.pairSorted(values)
      #expect(order == Self.referenceOrder(values), "n \(n), \(distinct) distinct values")
      #expect(sorted == order.map { values[$0] })
    }
  }

  /// Shapes that drive a quicksort to its worst case (sorted, reversed, organ pipe, one value):
  /// the depth limit hands them to heapsort, which must give the same order.
  @Test func pairSortSurvivesAdversarialShapes() {
    let n = 5000
    let shapes: [[Double]] = [
      (0..<n).map(Double.init), (0..<n).map { Double(n - $0) },
      (0..<n).map { Double(min($0, n - $0)) }, [Double](repeating: 2, count: n),
      (0..<n).map { $0 % 2 == 0 ? 0.0 : -0.0 },
    ]
    for values in shapes {
      #expect(Self.pairSorted(values).order == Self.referenceOrder(values))
    }
  }

  @Test func ranksAreAverageRanksStoredDoubled() {
    let values = [3.0, 1, 3, 2, 3, 1]
    let column = values.withUnsafeBufferPointer { SortedColumn<UInt32>($0) }
    let ranks = column.ranks()
    // 1 ×2 → 1.5; 2 → 3; 3 ×3 → 5.
    #expect(ranks.doubled.map { Double($0) / 2 } == [5, 1.5, 5, 3, 5, 1.5])
    #expect(ranks.mean == 3.5)
  }

  // MARK: - The analysis

  /// Eleven uniform parameters (one unused), one discrete (ties), one constant, two targets.
  static let scenario = """
    {"format": "effectsim/1", "name": "many parameters", "start": 2020, "years": 2,
     "parameters": {
       \((1...11).map { #""u\#($0)": {"uniform": {"min": 0, "max": 1}}"# }
         .joined(separator: ", ")),
       "k": {"discrete": {"values": [1, 2, 3], "weights": [1, 2, 1]}},
       "c": {"discrete": {"values": [7], "weights": [1]}}},
     "states": [{"id": "any"}], "arms": {"intervention": {}, "control": {}},
     "cohort": {"intake": [{"year": 2020, "count": 0}]},
     "lineItems": [
       {"label": "A", "area": "A",
        "byYear": {"2020": "\((1...10).map { "\($0 * 100_000) * u\($0)" }
          .joined(separator: " + ")) - 2500000"}},
       {"label": "B", "area": "B",
        "byYear": {"2021": "300000 * k * u1 - 400000 * (u2 - 0.5)^2 - 500000 + c"}}],
     "payback": [{"name": "all", "areas": "all"}, {"name": "B only", "areas": ["B"]}]}
    """

  /// The numbers of one analysis, as bits, so that NaN compares equal to itself.
  static func bits(_ summaries: [SensitivitySummary]) -> [[UInt64]] {
    summaries.map { summary in
      [summary.evpi, summary.mean, summary.sd].map(\.bitPattern)
        + summary.parameters.flatMap { p in
          [
            p.spearman, p.prcc, p.varianceShare, p.evppi, p.low.value, p.low.mean,
            p.high.value, p.high.mean, p.oneWay.lowResult, p.oneWay.highResult,
          ].map(\.bitPattern)
        }
    }
  }

  /// The analysis at several rank caches, each with its gauge's peak; and the Spearman
  /// coefficients the way the analysis computed them before it bounded its memory (every
  /// column's ranks as `Double`s at once, centred copies, dot products), as the oracle.
  static func analyse(
    iterations n: Int, caches: [Int]
  ) throws -> (results: [(bits: [[UInt64]], peak: Int)], names: [[String]],
    spearman: [[Double]], oracle: [[String: Double]]) {
    let model = try Fixtures.model(scenario)
    let options = RunOptions(iterations: n, seed: 11, threads: 2)
    return try Simulation.monteCarlo(model, options: options) { stores, layout, _ in
      let record = ParameterRecord(model: model)
      var results: [(bits: [[UInt64]], peak: Int)] = []
      var last: [SensitivitySummary] = []
      for cache in caches {
        let gauge = MemoryGauge()
        let columns = GaugedColumns(base: stores, gauge: gauge)
        last = SensitivityAnalysis.summarize(
          model, layout: layout, columns: columns, record: record, rankCache: cache,
          gauge: gauge)
        #expect(gauge.current == 0, "every buffer is given back")
        results.append((bits(last), gauge.peak))
      }
      // The oracle: ranks as Doubles, centred, dot products in iteration order.
      func ranks(_ values: UnsafeBufferPointer<Double>) -> [Double] {
        let order = Array(values).enumerated().map { ($1, $0) }.sorted(by: <)
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
          var end = start + 1
          while end < order.count, order[end].0 == order[start].0 { end += 1 }
          for position in start..<end { ranks[order[position].1] = Double(start + end + 1) / 2 }
          start = end
        }
        let mean = ranks.reduce(0, +) / Double(ranks.count)
        return ranks.map { $0 - mean }
      }
      func dot(_ a: [Double], _ b: [Double]) -> Double {
        var sum = 0.0
        for i in a.indices { sum += a[i] * b[i] }
        return sum
      }
      let oracle = model.payback.indices.map { d in
        let target = ranks(UnsafeBufferPointer(stores.metrics.column(layout.target(d))))
        var spearman: [String: Double] = [:]
        for (column, slot) in record.slots.enumerated() {
          let draws = ranks(UnsafeBufferPointer(stores.parameterDraws!.column(column)))
          spearman[model.parameterNames[slot]] =
            dot(draws, target) / (dot(draws, draws).squareRoot() * dot(target, target).squareRoot())
        }
        return spearman
      }
      return (
        results, last.map { $0.parameters.map(\.name) },
        last.map { $0.parameters.map(\.spearman) }, oracle
      )
    }
  }

  /// However few rank columns it may keep, the analysis gives the same bits, and the same
  /// Spearman coefficients as ranking every column at once did; and it never holds more than
  /// `peakBytes`: with room for one rank column, two columns of 8 bytes per iteration.
  @Test func theSameBitsWithinTheBoundWhateverTheRankCache() throws {
    let n = 3000
    let columns = 12 + 2  // uncertain parameters (not the constant) and targets
    let (results, names, spearman, oracle) = try Self.analyse(
      iterations: n, caches: [.max, 0, 5 * 4 * n, 2 * 4 * n])
    for result in results.dropFirst() {
      #expect(result.bits == results[0].bits)
    }
    #expect(names[0].count == 12 && !names[0].contains("c"))
    for d in 0..<2 {
      for (name, value) in zip(names[d], spearman[d]) {
        #expect(value.bitPattern == oracle[d][name]?.bitPattern, "\(name), definition \(d)")
      }
    }
    // One group of everything: a sort (12 bytes) and every rank column (4 bytes each).
    #expect(results[0].peak <= SensitivityAnalysis.peakBytes(iterations: n, columns: columns))
    #expect(results[0].peak >= n * (12 + 4 * (columns - 1)))
    // One rank column kept: 16 bytes per iteration (a parameter's order beside a lent target,
    // or a sort beside the kept ranks), two columns' worth.
    let least = SensitivityAnalysis.peakBytes(iterations: n, columns: columns, rankCache: 0)
    #expect(least <= 16 * n + n / 8 + 64)
    #expect(results[1].peak <= least)
    #expect(results[1].peak >= 16 * n)
    #expect(results[2].peak <= n * (12 + 4 * 5) + n / 8 + 64)
    #expect(results[3].peak <= n * (12 + 4 * 2) + n / 8 + 64)
  }

  @Test func groupSizeFollowsTheCache() {
    #expect(SensitivityAnalysis.groupSize(iterations: 1000, columns: 15, rankCache: 0) == 1)
    #expect(SensitivityAnalysis.groupSize(iterations: 1000, columns: 15, rankCache: 12_000) == 3)
    #expect(SensitivityAnalysis.groupSize(iterations: 1000, columns: 15) == 15)
    // 10⁸ iterations: the default cache holds no rank column of 400 MB; one is kept anyway.
    #expect(SensitivityAnalysis.groupSize(iterations: 100_000_000, columns: 15) == 1)
    #expect(SensitivityAnalysis.peakBytes(iterations: 100_000_000, columns: 15) < 1_700_000_000)
  }
}

/// A run's columns that count, on a gauge, every column they lend as 8 bytes × iterations
/// for as long as it is lent: what a merge allocates to load it.
struct GaugedColumns<Base: RunColumns>: RunColumns {
  let base: Base
  let gauge: MemoryGauge

  var iterations: Int { base.iterations }
  var bytes: Int { base.iterations * 8 }

  func count(_ set: ColumnSet) -> Int { base.count(set) }

  func mapColumns<T: Sendable>(
    _ set: ColumnSet, _ columns: Range<Int>, threads: Int,
    _ transform: @Sendable (UnsafeMutableBufferPointer<Double>) -> T
  ) -> [T] {
    let hold = gauge.hold(bytes * max(1, min(threads, columns.count)))
    defer { withExtendedLifetime(hold) {} }
    return base.mapColumns(set, columns, threads: threads, transform)
  }

  func mapColumnGroups<T: Sendable>(
    _ set: ColumnSet, _ columns: Range<Int>, groupSize: Int, threads: Int,
    _ transform: @Sendable ([UnsafeMutableBufferPointer<Double>]) -> [T]
  ) -> [T] {
    let hold = gauge.hold(bytes * max(1, min(threads, columns.count)))
    defer { withExtendedLifetime(hold) {} }
    return base.mapColumnGroups(
      set, columns, groupSize: groupSize, threads: threads, transform)
  }

  func withColumns<T>(
    _ set: ColumnSet, _ columns: [Int], _ body: ([UnsafeBufferPointer<Double>]) -> T
  ) -> T {
    let hold = gauge.hold(bytes * columns.count)
    defer { withExtendedLifetime(hold) {} }
    return base.withColumns(set, columns, body)
  }

  /// In pieces, as a merge does: nothing of the column's length is lent.
  func readColumn(
    _ set: ColumnSet, _ column: Int, _ body: (Int, UnsafeBufferPointer<Double>) -> Void
  ) {
    base.withColumns(set, [column]) { whole in
      let (column, piece) = (whole[0], 1000)
      for start in stride(from: 0, to: column.count, by: piece) {
        body(start, UnsafeBufferPointer(rebasing: column[start..<min(start + piece, column.count)]))
      }
    }
  }
}
