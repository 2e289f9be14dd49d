import EffectSim
import Foundation

/// `effectsim bench SCENARIO`: times a Monte Carlo run of the scenario and predicts how long
/// the usual run sizes take on this machine.
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

    let timed: RunSummary
    do {
      // A short warm-up, so the timed run does not pay for first-touch page faults.
      let warmUp = RunOptions(
        iterations: min(iterations, 64), seed: 2, threads: threads, kernel: choice)
      _ = try Simulation.monteCarlo(model, options: warmUp)
      timed = try Simulation.monteCarlo(
        model,
        options: RunOptions(iterations: iterations, seed: 1, threads: threads, kernel: choice))
    } catch {
      throw CommandFailure(code: .dataError, message: "run error: \(error)")
    }
    let run = timed.run
    let perSecond = run.seconds > 0 ? Double(iterations) / run.seconds : 0
    func duration(_ n: Int) -> String {
      guard perSecond > 0 else { return "-" }
      let seconds = Double(n) / perSecond
      return seconds < 120
        ? String(format: "%.1f s", seconds) : String(format: "%.1f min", seconds / 60)
    }
    var rows: [(String, String)] = [
      ("Scenario", model.scenario.name),
      ("Kernel", choice == .auto ? "\(run.kernel) (auto)" : run.kernel),
      ("Threads", String(run.threads)),
      ("Iterations", "\(iterations) in " + String(format: "%.3f s", run.seconds)),
      ("Iterations/s", String(format: "%.0f", perSecond)),
      (
        "Person-cycles/s",
        String(format: "%.3g", run.personCyclesPerSecond) + " (both arms counted)"
      ),
      ("10,000 iterations", "≈ " + duration(10_000)),
      (
        "100,000 iterations",
        "≈ " + duration(100_000) + ", results "
          + String(
            format: "%.0f MB", Double(Simulation.resultBytes(model, iterations: 100_000)) / 1e6)
      ),
    ]
    let predicted = Simulation.predictedKernelSeconds(model)
    let micro = { (x: Double) in String(format: "%.0f µs", x * 1e6) }
    rows.append(
      (
        "Cost model",
        "individual " + micro(predicted.individual) + ", aggregated "
          + (predicted.aggregated.map(micro) ?? "not exact for this scenario") + " per iteration"
      ))
    let width = rows.map(\.0.count).max() ?? 0
    for (label, value) in rows {
      console.writeOut(
        label.padding(toLength: width + 2, withPad: " ", startingAt: 0) + value + "\n")
    }
  }
}
