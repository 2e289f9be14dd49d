import EffectSim
import EffectSimReport
import Foundation

/// `effectsim bench SCENARIO`: times a Monte Carlo run of the scenario and predicts how long
/// the usual run sizes take on this machine: simulation and summary, each extrapolated by
/// its own growth (`BenchPrediction`).
enum BenchCommand {
  static func execute(_ arguments: ParsedArguments, console: Console) throws {
    let iterations = try arguments.int("iterations", in: 1...100_000_000) ?? 2000
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
    // a burst of other work and mislead every prediction made from it.
    var runs: [(run: RunInfo, simulation: Double, summary: Double)] = []
    do {
      // A short warm-up, so the timed run does not pay for first-touch page faults.
      let warmUp = RunOptions(
        iterations: min(iterations, 64), seed: 2, threads: threads, kernel: choice)
      _ = try Simulation.monteCarlo(model, options: warmUp)
      for _ in 0..<3 {
        // The whole call is timed: a run pays for the summary too, not only the simulation.
        let clock = ContinuousClock.now
        let timed = try Simulation.monteCarlo(
          model,
          options: RunOptions(iterations: iterations, seed: 1, threads: threads, kernel: choice))
        let elapsed = clock.duration(to: .now).components
        let total = Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
        runs.append((timed.run, timed.run.seconds, max(total - timed.run.seconds, 0)))
      }
    } catch {
      throw CommandFailure(code: .dataError, message: "run error: \(error)")
    }
    let run = runs.sorted { $0.simulation < $1.simulation }[1].run
    let prediction = BenchPrediction(
      iterations: iterations, simulationSeconds: run.seconds,
      summarySeconds: runs.map(\.summary).sorted()[1])
    let perSecond = run.seconds > 0 ? Double(iterations) / run.seconds : 0
    func seconds(_ value: Double, decimals: Int = 1) -> String {
      AmountFormatting.decimal(value, decimals: decimals) + " s"
    }
    func duration(_ n: Int) -> String {
      guard let total = prediction.seconds(n) else { return "-" }
      return total < 120
        ? seconds(total) : AmountFormatting.decimal(total / 60, decimals: 1) + " min"
    }
    var rows: [(String, String)] = [
      ("Scenario", model.scenario.name),
      ("Kernel", choice == .auto ? "\(run.kernel) (auto)" : run.kernel),
      ("Threads", String(run.threads)),
      ("Timed runs", "3, medians shown"),
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
      (AmountFormatting.grouped(10_000) + " iterations", "≈ " + duration(10_000)),
      (
        AmountFormatting.grouped(100_000) + " iterations",
        "≈ " + duration(100_000) + ", results "
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
}
