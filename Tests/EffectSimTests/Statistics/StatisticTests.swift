import Testing

@testable import EffectSim

@Suite("Statistic")
struct StatisticTests {
  @Test("An exact value has no spread")
  func exact() {
    let value = Statistic.exact(12.5, levels: [5, 50, 95])
    #expect(value.mean == 12.5 && value.sd == 0 && value.mcse == 0)
    #expect(value.percentiles.map(\.level) == [5, 50, 95])
    #expect(value.percentiles.allSatisfy { $0.value == 12.5 })
  }

  @Test("Mean, sample sd, mcse and percentiles of a known sample")
  func knownSample() {
    var samples: [Double] = [9, 2, 4, 4, 5, 5, 7, 4]
    let value = Statistic.summarize(&samples, levels: [50, 25, 100])
    let sd = (32.0 / 7).squareRoot()
    #expect(value.mean == 5)
    #expect(abs(value.sd - sd) < 1e-14)
    #expect(abs(value.mcse - sd / 8.0.squareRoot()) < 1e-14)
    #expect(
      value.percentiles == [
        .init(level: 50, value: 4.5), .init(level: 25, value: 4), .init(level: 100, value: 9),
      ])
    #expect(samples.sorted() == [2, 4, 4, 4, 5, 5, 7, 9])
  }

  @Test(
    "Interleaved summaries equal one-by-one summaries bit for bit", arguments: [0, 1, 4, 7, 9])
  func interleavedMatchesSingle(columns: Int) {
    var generator = Xoshiro256PlusPlus(seed: 11, stream: 0)
    // Column 2 is constant; the others uniform on [0, (column + 1)·10⁶).
    let data: [[Double]] = (0..<columns).map { column in
      (0..<333).map { _ in
        let uniform = Double(generator.next() >> 11) * 0x1p-53
        return column == 2 ? 7.25 : uniform * Double(column + 1) * 1e6
      }
    }
    let levels: [Double] = [5, 50, 97.5]
    var single = data
    let expected = single.indices.map { Statistic.summarize(&single[$0], levels: levels) }
    let grouped = data.map { UnsafeMutableBufferPointer<Double>.allocate(capacity: $0.count) }
    defer { grouped.forEach { $0.deallocate() } }
    for (buffer, values) in zip(grouped, data) { _ = buffer.initialize(from: values) }
    let results = Statistic.summarize(interleaving: grouped, levels: levels)
    #expect(results.count == columns)
    for (result, wanted) in zip(results, expected) {
      #expect(result.mean.bitPattern == wanted.mean.bitPattern)
      #expect(result.sd.bitPattern == wanted.sd.bitPattern)
      #expect(result.mcse.bitPattern == wanted.mcse.bitPattern)
      #expect(result.percentiles == wanted.percentiles)
    }
  }

  @Test("One sample has sd and mcse 0; a constant column has sd exactly 0")
  func degenerate() {
    var one = [3.0]
    let single = Statistic.summarize(&one, levels: [5, 95])
    #expect(single == Statistic.exact(3, levels: [5, 95]))
    var constant = [Double](repeating: 0.1, count: 1_001)
    let flat = Statistic.summarize(&constant, levels: [50])
    #expect(flat.mean == 0.1 && flat.sd == 0 && flat.mcse == 0)
  }

  @Test("The buffer overload summarises a slice of a larger store in place")
  func bufferOverload() {
    var store: [Double] = [100, 3, 1, 2, 100]
    let value = store.withUnsafeMutableBufferPointer { buffer in
      Statistic.summarize(UnsafeMutableBufferPointer(rebasing: buffer[1..<4]), levels: [50])
    }
    #expect(value.mean == 2 && value.percentiles[0].value == 2)
    #expect(store[0] == 100 && store[4] == 100)
  }

  @Test("No samples gives NaN, not a trap")
  func empty() {
    var none: [Double] = []
    let value = Statistic.summarize(&none, levels: [50])
    #expect(value.mean.isNaN && value.sd.isNaN && value.mcse.isNaN)
    #expect(value.percentiles.count == 1 && value.percentiles[0].value.isNaN)
  }
}
