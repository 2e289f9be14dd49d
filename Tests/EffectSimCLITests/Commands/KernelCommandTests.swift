import EffectSim
import Foundation
import Testing

@testable import EffectSimCLI

/// `--kernel` on `run`, and `bench`.
@Suite struct KernelCommandTests {
  private func withoutRun(_ text: String) throws -> String {
    var json = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    json["run"] = nil
    let data = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
    return String(decoding: data, as: UTF8.self)
  }

  @Test(arguments: ["individual", "aggregated", "jump", "auto"])
  func outputIsIdenticalForAnyThreadCount(kernel: String) throws {
    let outputs = try ["1", "2", "5"].map { threads in
      let result = effectsim(
        [
          "run", "-", "--iterations", "300", "--seed", "3", "--threads", threads, "--format",
          "json",
          "--kernel", kernel,
        ], input: smallScenario)
      #expect(result.code == 0, "\(result.err)")
      #expect(result.out.contains("\"kernel\""))
      return try withoutRun(result.out)
    }
    #expect(outputs[0] == outputs[1])
    #expect(outputs[0] == outputs[2])
  }

  @Test func theTableNamesTheKernel() {
    let result = effectsim(
      ["run", "-", "--iterations", "50", "--kernel", "aggregated"], input: smallScenario)
    #expect(result.code == 0, "\(result.err)")
    #expect(result.out.contains("Kernel") && result.out.contains("aggregated"))
  }

  @Test(arguments: ["aggregated", "jump"])
  func aContinuousPersonParameterExits65WithItsName(kernel: String) {
    let scenario = smallScenario.replacingOccurrences(
      of: #"{"discrete": {"values": [11000, 15000], "weights": [1, 1]}, "scope": "person"}"#,
      with: #"{"uniform": {"min": 11000, "max": 15000}, "scope": "person"}"#)
    #expect(scenario != smallScenario)
    let result = effectsim(
      ["run", "-", "--iterations", "50", "--kernel", kernel], input: scenario)
    #expect(result.code == 65)
    #expect(result.err.contains("\"level\""), "\(result.err)")
    #expect(result.err.contains(kernel), "\(result.err)")
    let unknown = effectsim(["run", "-", "--kernel", "fast"], input: smallScenario)
    #expect(unknown.code == 64)
  }

  @Test func benchReportsRatesAndPredictions() {
    let result = effectsim(
      ["bench", "-", "--iterations", "100", "--threads", "1"], input: smallScenario)
    #expect(result.code == 0, "\(result.err)")
    for label in [
      "Kernel", "Threads", "Iterations/s", "Person-cycles/s", "Start-up", "10.000 iterations",
      "100.000 iterations",
    ] {
      #expect(result.out.contains(label), "\(label) missing in \(result.out)")
    }
    // Numbers as the rest of the tool prints them: no exponent, no "," between thousands.
    #expect(!result.out.contains("e+") && !result.out.contains("0,000"), "\(result.out)")
    // 100 iterations time one size: no prediction; 400 time a smaller size of 100 too.
    #expect(result.out.contains("not predicted from one size: time at least 400 iterations"))
    #expect(!result.out.contains("≈"), "\(result.out)")
    let two = effectsim(
      ["bench", "-", "--iterations", "400", "--threads", "1"], input: smallScenario)
    #expect(two.code == 0, "\(two.err)")
    #expect(two.out.contains("3 of 100 iterations for the summary's growth"), "\(two.out)")
    #expect(two.out.contains("10.000 iterations   ≈ "), "\(two.out)")
    #expect(!two.out.contains("not predicted"), "\(two.out)")
  }

  /// One timed size cannot split the summary into its fixed and growing parts, and either
  /// guess is far off on some scenario: no prediction, rather than a wrong one.
  @Test func benchPredictsNothingFromOneSize() throws {
    var prediction = BenchPrediction(iterations: 1000, simulationSeconds: 2, summarySeconds: 1)
    #expect(prediction.seconds(1000) == nil && prediction.seconds(100_000) == nil)
    prediction.smaller = (250, 0.9)
    // With the smaller size, at the timed size the prediction is the measurement.
    #expect(abs(try #require(prediction.seconds(1000)) - 3) < 1e-12)
    #expect(BenchPrediction(iterations: 10, simulationSeconds: 0, summarySeconds: 0)
      .seconds(100) == nil)
  }

  /// A summary of a fixed part and an n log n part, timed at two sizes: the prediction
  /// recovers both and predicts a hundred times the size exactly; a fixed part alone is not
  /// grown at all; noise that would make the slope negative predicts the fixed time.
  @Test func benchPredictionSplitsTheSummaryIntoFixedAndGrowingParts() throws {
    func summary(_ n: Int) -> Double { 0.25 + 2e-7 * Double(n) * log(Double(n)) }
    var prediction = BenchPrediction(
      iterations: 2000, simulationSeconds: 0.5, summarySeconds: summary(2000))
    prediction.smaller = (500, summary(500))
    let expected = 0.5 * 50 + summary(100_000)
    #expect(abs(try #require(prediction.seconds(100_000)) - expected) < 1e-9)
    var fixed = BenchPrediction(iterations: 2000, simulationSeconds: 1, summarySeconds: 0.3)
    fixed.smaller = (500, 0.3)
    #expect(abs(try #require(fixed.seconds(100_000)) - 50.3) < 1e-9)
    fixed.smaller = (500, 0.4)
    #expect(abs(try #require(fixed.seconds(100_000)) - 50.3) < 1e-9)
    // Start-up is paid once, whatever the size.
    fixed.startUpSeconds = 0.01
    #expect(abs(try #require(fixed.seconds(100_000)) - 50.31) < 1e-9)
    #expect(abs(try #require(fixed.seconds(2000)) - 1.31) < 1e-9)
  }

  /// Without `--iterations` the timed size grows by factors of 4 from 2.000 until one run
  /// simulates for a quarter of a second (or reaches the cap).
  @Test func benchCalibratesItsTimedRunToAQuarterOfASecond() throws {
    let json = """
      {"format": "effectsim/1", "name": "one person", "start": 2020, "years": 1,
       "states": [{"id": "a", "costs": [{"area": "X", "perCycle": 1}]}, {"id": "b"}],
       "arms": {"intervention": {"transitions": [{"from": "a", "to": "b", "p": 0.1}]},
                "control": {"transitions": []}},
       "cohort": {"intake": [{"year": 2020, "count": 1}]}}
      """
    let model = try Model.load(Array(json.utf8))
    let iterations = try BenchCommand.calibrated(model, threads: 1, choice: .auto)
    var size = 2000
    while size < iterations { size *= 4 }
    #expect(size == iterations, "\(iterations) is not 2.000 · 4^k")
    #expect(iterations <= 1_024_000)
    // (How long the calibrated run takes is a measurement, not a test: Benchmarks/.)
  }

  @Test func benchWithoutAScenarioTimesTheReferenceWorkload() {
    let result = effectsim(["bench", "--iterations", "8", "--threads", "1"])
    #expect(result.code == 0, "\(result.err)")
    #expect(result.out.contains("reference workload: six states, 300 persons, coupled"))
    #expect(result.out.contains("Person-cycles/s"))
  }

  @Test func aRunTooLargeForMemoryExits65BeforeItStarts() throws {
    // Each `occupancyAt` entry adds 4 results per iteration (2 arms × 2 states); enough of
    // them that 10^8 iterations need more than all of this machine's memory, whatever it has,
    // so the run is refused here and never attempted.
    let iterations = 100_000_000
    let memory = Double(ProcessInfo.processInfo.physicalMemory)
    let entries = Int(memory / (Double(iterations) * 8 * 4)) + 1
    let cycles = Array(repeating: "18", count: entries).joined(separator: ", ")
    let large = smallScenario.replacingOccurrences(
      of: #""occupancyAt": [18]"#, with: #""occupancyAt": [\#(cycles)]"#)
    let model = try Model.load(Array(large.utf8))
    try #require(Double(Simulation.resultBytes(model, iterations: iterations)) > memory)
    let result = effectsim(
      ["run", "-", "--iterations", "\(iterations)", "--quiet"], input: large)
    #expect(result.code == 65)
    #expect(result.err.contains("GiB") && result.err.contains("use fewer iterations"), "\(result.err)")
  }
}
