extension Simulation {
  /// Runs only the kernel for `iterations` on the calling thread: the iteration's draws, its
  /// tables and the cohort's simulation, without accounting or result storage. For the
  /// benchmarks, which compare kernels with the random-number limit.
  /// - Returns: the person-cycles simulated, both arms counted.
  /// - Throws: `RunError` as a run would, or when `kernel` cannot simulate `model` exactly.
  public static func kernelOnly(
    _ model: Model, kernel: Kernel, iterations: Int, seed: UInt64
  ) throws(RunError) -> Double {
    var worker: Worker
    do throws(PersonStrata.Unsupported) {
      worker = try Worker(model: model, layout: MetricLayout(model: model), kernel: kernel)
    } catch {
      throw RunError(path: "", message: error.message, iteration: nil)
    }
    var personCycles = 0.0
    for iteration in 0..<iterations {
      try worker.simulate(model, iteration, seed: seed)
      personCycles += worker.tally.personCycles
    }
    return personCycles
  }
}
