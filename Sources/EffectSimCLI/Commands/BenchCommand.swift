import EffectSim
import EffectSimReport
import Foundation

/// `effectsim bench SCENARIO`: times a Monte Carlo run of the scenario and predicts how long
/// the usual run sizes take on this machine: simulation and summary, each extrapolated by
/// its own growth (`BenchPrediction`).
enum BenchCommand {
  /// The fewest iterations of the smaller timed run: below this a summary's time is mostly
  /// noise, and the bench times one size only.
  static let smallestSummaryRun = 100

  static func execute(_ arguments: ParsedArguments, console: Console) throws {
    let asked = try arguments.int("iterations", in: 1...100_000_000)
    let threads = try arguments.int("threads", in: 1...1024)
    let choice = try RunCommand.kernelChoice(arguments, usage: Commands.bench.usage())
    let model: Model
    if let path = arguments.positionals.first {
      model = try Files.loadModel(path, console: console)
    } else {
      let json = ReferenceWorkload.sixStates(persons: 300, pairing: "coupled")
      guard let reference = try? Model.load(Array(json.utf8)) else {
        throw CommandFailure(code: .software, message: "the reference workload does not load")
      }
      model = reference
    }

    // Three timed runs, and the median of each part: on a shared machine one run can land in
    // a burst of other work and mislead every prediction made from it. Three more of a
    // quarter the size split the summary into its fixed part and the part that grows
    // (`BenchPrediction`); below `smallestSummaryRun` a summary's time is mostly noise, so a
    // short bench (`--iterations 50`, as the instruction counts in Benchmarks/ use) times one
    // size and predicts nothing.
    var runs: [(run: RunInfo, simulation: Double, summary: Double)] = []
    var smallerSummaries: [Double] = []
    var iterations = asked ?? 2000
    var smaller = 0
    do {
      // A short warm-up, so the timed run does not pay for first-touch page faults.
      let warmUp = RunOptions(
        iterations: min(iterations, 64), seed: 2, threads: threads, kernel: choice)
      _ = try Simulation.monteCarlo(model, options: warmUp)
      iterations = try asked ?? calibrated(model, threads: threads, choice: choice)
      smaller = iterations / 4 >= smallestSummaryRun ? iterations / 4 : 0
      for size in [iterations, smaller, iterations, smaller, iterations, smaller] where size > 0 {
        // The whole call is timed: a run pays for the summary too, not only the simulation.
        let clock = ContinuousClock.now
        let timed = try Simulation.monteCarlo(
          model, options: RunOptions(iterations: size, seed: 1, threads: threads, kernel: choice))
        let elapsed = clock.duration(to: .now).components
        let total = Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
        let summary = max(total - timed.run.seconds, 0)
        if size == iterations {
          runs.append((timed.run, timed.run.seconds, summary))
        } else {
          smallerSummaries.append(summary)
        }
      }
    } catch {
      throw CommandFailure(code: .dataError, message: "run error: \(error)")
    }
    let run = runs.sorted { $0.simulation < $1.simulation }[1].run
    var prediction = BenchPrediction(
      iterations: iterations, simulationSeconds: run.seconds,
      summarySeconds: runs.map(\.summary).sorted()[1])
    if smallerSummaries.count == 3 {
      prediction.smaller = (smaller, smallerSummaries.sorted()[1])
    }
    // A scenario from stdin cannot be read again: its start-up is the launch alone.
    let scenarioPath = arguments.positionals.first.flatMap { $0 == "-" ? nil : $0 }
    prediction.startUpSeconds = BenchStartUp.seconds(scenario: scenarioPath)
    let perSecond = run.seconds > 0 ? Double(iterations) / run.seconds : 0
    func seconds(_ value: Double, decimals: Int = 1) -> String {
      AmountFormatting.decimal(value, decimals: decimals) + " s"
    }
    func duration(_ n: Int) -> String {
      guard let total = prediction.seconds(n) else {
        return prediction.smaller == nil
          ? "- (not predicted from one size: time at least "
            + AmountFormatting.grouped(4 * smallestSummaryRun) + " iterations)"
          : "-"
      }
      // Two significant digits below a second: "0,07 s", not "0,1 s" or "0,0 s".
      let decimals = total < 0.1 ? 3 : total < 1 ? 2 : 1
      return "≈ "
        + (total < 120
          ? seconds(total, decimals: decimals)
          : AmountFormatting.decimal(total / 60, decimals: 1) + " min")
    }
    var rows: [(String, String)] = [
      ("Scenario", model.scenario.name),
      ("Kernel", choice == .auto ? "\(run.kernel) (auto)" : run.kernel),
      ("Threads", String(run.threads)),
      (
        "Timed runs",
        prediction.smaller == nil
          ? "3, medians shown"
          : "3, medians shown (and 3 of " + AmountFormatting.grouped(smaller)
            + " iterations for the summary's growth)"
      ),
      (
        "Iterations",
        AmountFormatting.grouped(iterations) + " simulated in " + seconds(run.seconds, decimals: 3)
          + ", summarised in " + seconds(prediction.summarySeconds, decimals: 3)
      ),
      ("Iterations/s", AmountFormatting.decimal(perSecond, decimals: 0) + " (simulation)"),
      (
        "Person-cycles/s",
        AmountFormatting.decimal(run.personCyclesPerSecond, decimals: 0) + " (both arms counted)"
      ),
      (
        "Start-up",
        prediction.startUpSeconds == 0
          ? "- (this system cannot launch effectsim again to time it)"
          : seconds(prediction.startUpSeconds, decimals: 3)
            + (scenarioPath == nil ? " (launch" : " (launch, read and compile")
            + "; in every prediction)"
      ),
      (AmountFormatting.grouped(10_000) + " iterations", duration(10_000)),
      (
        AmountFormatting.grouped(100_000) + " iterations",
        duration(100_000) + ", results "
          + AmountFormatting.decimal(
            Double(Simulation.resultBytes(model, iterations: 100_000)) / 1e6, decimals: 0) + " MB"
      ),
    ]
    let predicted = Simulation.predictedKernelSeconds(model)
    let micro = { (x: Double) in AmountFormatting.decimal(x * 1e6, decimals: 0) + " µs" }
    rows.append(
      (
        "Cost model",
        "individual " + micro(predicted.individual) + ", aggregated "
          + (predicted.aggregated.map(micro) ?? "not exact for this scenario") + ", jump "
          + (predicted.jump.map(micro) ?? "not for this scenario") + " per iteration"
      ))
    let width = rows.map(\.0.count).max() ?? 0
    for (label, value) in rows {
      console.writeOut(
        label.padding(toLength: width + 2, withPad: " ", startingAt: 0) + value + "\n")
    }
  }

  /// Without `--iterations`: 2.000 iterations, or as many more (by factors of 4, at most
  /// 1.024.000) as it takes for one run to simulate for a quarter of a second — a 15-person
  /// scenario simulates 2.000 iterations in 10 ms, where a scheduler's hiccup moves every
  /// prediction by a third.
  static func calibrated(_ model: Model, threads: Int?, choice: KernelChoice) throws -> Int {
    var iterations = 2000
    while iterations < 1_024_000 {
      let run = try Simulation.monteCarlo(
        model, options: RunOptions(iterations: iterations, seed: 1, threads: threads, kernel: choice))
      if run.run.seconds >= 0.25 { break }
      iterations *= 4
    }
    return iterations
  }
}
