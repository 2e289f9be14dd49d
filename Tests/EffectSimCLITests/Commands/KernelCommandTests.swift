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
      "Kernel", "Threads", "Iterations/s", "Person-cycles/s", "10.000 iterations",
      "100.000 iterations",
    ] {
      #expect(result.out.contains(label), "\(label) missing in \(result.out)")
    }
    // Numbers as the rest of the tool prints them: no exponent, no "," between thousands.
    #expect(!result.out.contains("e+") && !result.out.contains("0,000"), "\(result.out)")
  }

  @Test func benchPredictionGrowsTheSummaryFasterThanTheSimulation() throws {
    let prediction = BenchPrediction(iterations: 1000, simulationSeconds: 2, summarySeconds: 1)
    // At the timed size the prediction is the measurement.
    #expect(abs(try #require(prediction.seconds(1000)) - 3) < 1e-12)
    // 100 times the iterations: the simulation 100 times, the summary 100 · log n / log m.
    let expected = 200 + 100 * log(100_000.0) / log(1000.0)
    #expect(abs(try #require(prediction.seconds(100_000)) - expected) < 1e-9)
    #expect(BenchPrediction(iterations: 10, simulationSeconds: 0, summarySeconds: 0)
      .seconds(100) == nil)
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
