import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Timing for the benchmark suites, in the spirit of package-benchmark without the dependency:
/// a warm-up, repeated timed runs, the median and spread of the rates, a black hole that keeps
/// results alive, and a table or JSON document at the end.
public struct BenchmarkSuite {
  /// One benchmark's result: rates of `unit` per second, one per timed run.
  public struct Result {
    public var name: String
    public var unit: String
    public var rates: [Double]
    public var note: String

    public var median: Double {
      let sorted = rates.sorted()
      let n = sorted.count
      guard n > 0 else { return 0 }
      return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    }
    /// (max − min) / median over the timed runs.
    public var spread: Double {
      guard let low = rates.min(), let high = rates.max(), median > 0 else { return 0 }
      return (high - low) / median
    }
  }

  public let name: String
  /// Timed runs per benchmark (`--repeats N`, default 7).
  public let repeats: Int
  /// `--json`: print a JSON document instead of the table.
  public let json: Bool
  /// Free-form `--key value` arguments for the suite.
  public let arguments: [String: String]
  public private(set) var results: [Result] = []

  /// Reads `--json`, `--repeats N` and other `--key value` pairs from the command line.
  public init(name: String, arguments: [String] = Array(CommandLine.arguments.dropFirst())) {
    self.name = name
    var values: [String: String] = [:]
    var json = false
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      if argument == "--json" {
        json = true
      } else if argument.hasPrefix("--"), index + 1 < arguments.count {
        values[String(argument.dropFirst(2))] = arguments[index + 1]
        index += 1
      }
      index += 1
    }
    self.json = json
    self.arguments = values
    repeats = max(1, Int(values["repeats"] ?? "") ?? 7)
  }

  /// Times `body` once to warm up, then `repeats` times; `body` returns how many `unit` it did.
  /// - Returns: the median rate.
  @discardableResult
  public mutating func measure(
    _ name: String, unit: String, note: String = "", _ body: () throws -> Double
  ) rethrows -> Double {
    BlackHole.consume(try body())
    var rates: [Double] = []
    for _ in 0..<repeats {
      let start = ContinuousClock.now
      let work = try body()
      let elapsed = start.duration(to: .now)
      let seconds =
        Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
      BlackHole.consume(work)
      rates.append(seconds > 0 ? work / seconds : 0)
    }
    let result = Result(name: name, unit: unit, rates: rates, note: note)
    results.append(result)
    if !json {
      FileHandle.standardError.write(
        Data("  \(name): \(Self.format(result.median)) \(unit)/s\n".utf8))
    }
    return result.median
  }

  /// Adds a derived figure (a ratio, a memory size) to the report.
  public mutating func record(_ name: String, value: Double, unit: String, note: String = "") {
    results.append(Result(name: name, unit: unit, rates: [value], note: note))
  }

  /// Prints the table, or the JSON document with `--json`.
  public func report() {
    print(json ? jsonDocument() : table())
  }

  public func table() -> String {
    let header = ["benchmark", "median", "unit", "spread", "runs", "note"]
    var rows = [header]
    for result in results {
      rows.append([
        result.name, Self.format(result.median),
        result.rates.count > 1 ? result.unit + "/s" : result.unit,
        result.rates.count > 1 ? String(format: "±%.1f %%", 50 * result.spread) : "",
        String(result.rates.count), result.note,
      ])
    }
    let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
    var lines = ["\(name) — \(Self.machine())"]
    for (index, row) in rows.enumerated() {
      let cells = row.enumerated().map { column, cell in
        column == 0 || column >= 4
          ? cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
          : String(repeating: " ", count: widths[column] - cell.count) + cell
      }
      lines.append("| " + cells.joined(separator: " | ") + " |")
      if index == 0 {
        lines.append(
          "|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|")
      }
    }
    return lines.joined(separator: "\n")
  }

  public func jsonDocument() -> String {
    let entries = results.map { result -> [String: Any] in
      [
        "name": result.name, "unit": result.unit, "median": result.median, "spread": result.spread,
        "rates": result.rates, "note": result.note,
      ]
    }
    let document: [String: Any] = ["suite": name, "machine": Self.machine(), "results": entries]
    let data =
      (try? JSONSerialization.data(
        withJSONObject: document, options: [.prettyPrinted, .sortedKeys])) ?? Data()
    return String(decoding: data, as: UTF8.self)
  }

  /// Cores, memory and OS, for the record.
  public static func machine() -> String {
    let info = ProcessInfo.processInfo
    let gib = Double(info.physicalMemory) / 1_073_741_824
    return "\(info.activeProcessorCount) cores, " + String(format: "%.0f GiB", gib) + ", "
      + info.operatingSystemVersionString
  }

  /// Peak resident memory of this process so far, in bytes.
  public static func peakMemory() -> Double {
    var usage = rusage()
    #if os(Linux)
      getrusage(RUSAGE_SELF.rawValue, &usage)
      return Double(usage.ru_maxrss) * 1024  // kilobytes on Linux
    #else
      getrusage(RUSAGE_SELF, &usage)
      return Double(usage.ru_maxrss)  // bytes on Darwin
    #endif
  }

  /// Three significant digits with an SI prefix: 6.21e8 → "621M".
  public static func format(_ value: Double) -> String {
    let magnitude = abs(value)
    for (scale, suffix) in [(1e9, "G"), (1e6, "M"), (1e3, "k")] where magnitude >= scale {
      return String(format: "%.3g", value / scale) + suffix
    }
    return String(format: magnitude >= 100 ? "%.0f" : "%.3g", value)
  }
}

/// Keeps a value alive so the optimiser cannot remove the work that produced it.
public enum BlackHole {
  @inline(never)
  public static func consume<T>(_ value: T) {
    withExtendedLifetime(value) {}
  }
}
