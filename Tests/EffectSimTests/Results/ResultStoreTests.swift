import Synchronization
import Testing

@testable import EffectSim

/// Column work dealt out to threads: every column once, results in column order, the same for
/// any thread count.
@Suite("Result store columns")
struct ResultStoreTests {
  /// A store whose column *m* holds *m*·1000 + *i* at iteration *i*, in reverse order.
  static func store(metrics: Int, iterations: Int) -> ResultStore {
    let store = ResultStore(metrics: metrics, iterations: iterations)
    for metric in 0..<metrics {
      for iteration in 0..<iterations {
        store.write(
          Double(metric * 1000 + iterations - 1 - iteration), metric: metric, iteration: iteration)
      }
    }
    return store
  }

  @Test(arguments: [1, 2, 3, 8, 64])
  func everyColumnOnceInOrder(threads: Int) {
    let store = Self.store(metrics: 37, iterations: 101)
    defer { store.deallocate() }
    let visits = Mutex([Int](repeating: 0, count: 37))
    let medians = store.mapColumns(2..<35, threads: threads) { column in
      let metric = Int(column[0]) / 1000
      visits.withLock { $0[metric] += 1 }
      return Statistic.summarize(column, levels: [50]).percentiles[0].value
    }
    let expectedMedians: [Double] = (2..<35).map { Double($0 * 1000 + 50) }
    let expectedVisits: [Int] = (0..<37).map { (2..<35).contains($0) ? 1 : 0 }
    #expect(medians == expectedMedians)
    #expect(visits.withLock { $0 } == expectedVisits)
  }

  @Test(arguments: [1, 2, 3, 8])
  func everyColumnOnceInGroupsInOrder(threads: Int) {
    let store = Self.store(metrics: 37, iterations: 101)
    defer { store.deallocate() }
    let visits = Mutex([Int](repeating: 0, count: 37))
    let medians = store.mapColumnGroups(2..<35, groupSize: 4, threads: threads) { columns in
      #expect((1...4).contains(columns.count))
      return columns.map { column in
        visits.withLock { $0[Int(column[0]) / 1000] += 1 }
        return Statistic.summarize(column, levels: [50]).percentiles[0].value
      }
    }
    let expectedMedians: [Double] = (2..<35).map { Double($0 * 1000 + 50) }
    let expectedVisits: [Int] = (0..<37).map { (2..<35).contains($0) ? 1 : 0 }
    #expect(medians == expectedMedians)
    #expect(visits.withLock { $0 } == expectedVisits)
  }

  @Test func emptyRange() {
    let store = Self.store(metrics: 3, iterations: 5)
    defer { store.deallocate() }
    #expect(store.mapColumns(1..<1, threads: 4) { $0.count }.isEmpty)
  }

  @Test func claimsAreDisjointAndCoverTheRange() {
    let store = Self.store(metrics: 10, iterations: 4)
    defer { store.deallocate() }
    let dealer = ColumnDealer(
      storage: store.storage, stride: 4, iterations: 4, columns: 1..<10, claimSize: 4)
    var dealt: [Range<Int>] = []
    while let claim = dealer.claim() { dealt.append(claim.columns) }
    #expect(dealt == [1..<5, 5..<9, 9..<10])
    #expect(dealer.claim()?.columns == nil)
  }

  @Test("a store grows within its capacity, every column in place")
  func growsInPlace() {
    let store = ResultStore(metrics: 3, capacity: 10)
    defer { store.deallocate() }
    #expect(store.iterations == 0)
    store.extend(to: 4)
    for metric in 0..<3 {
      for i in 0..<4 { store.write(Double(100 * metric + i), metric: metric, iteration: i) }
    }
    store.extend(to: 7)
    #expect(Array(store.column(1)) == [100, 101, 102, 103, 0, 0, 0])
    var block: [Double] = []
    for row in 0..<3 {
      for metric in 0..<3 { block.append(Double(100 * metric + 4 + row)) }
    }
    block.withUnsafeBufferPointer { store.write(block: $0, first: 4, count: 3) }
    for metric in 0..<3 {
      let expected: [Double] = (0..<7).map { Double(100 * metric + $0) }
      #expect(Array(store.column(metric)) == expected)
    }
    // Columns dealt to threads see the same rows.
    let sums = store.mapColumns(0..<3, threads: 3) { $0.reduce(0, +) }
    let expected: [Double] = [21, 721, 1421]
    #expect(sums == expected)
  }
}
