extension Simulation {
  /// Runs only the kernel for `iterations` on the calling thread: the iteration's draws, its
  /// tables and the cohort's simulation, without accounting or result storage. For the
  /// benchmarks, which compare kernels with the random-number limit.
  /// - Returns: the person-cycles simulated, both arms counted.
  /// - Throws: `RunError` as a run would, or when `kernel` cannot simulate `model` exactly.
  public static func kernelOnly(
    _ model: Model, kernel: Kernel, iterations: Int, seed: UInt64
  ) throws(RunError) -> Double {
    var tables = IterationTables(model: model)
    var tally = Tally(model: model)
    var individual = kernel == .individual ? IndividualKernel(model: model) : nil
    var aggregated: AggregatedKernel?
    if kernel == .aggregated {
      do throws(PersonStrata.Unsupported) {
        aggregated = try AggregatedKernel(model: model)
      } catch {
        throw RunError(path: "", message: error.message, iteration: nil)
      }
    }
    var personCycles = 0.0
    for iteration in 0..<iterations {
      var rng = Xoshiro256PlusPlus(seed: seed, stream: UInt64(iteration))
      try tables.drawIterationParameters(model, &rng, iteration: iteration)
      try tables.prepareIteration(model, iteration: iteration)
      tally.reset()
      try individual?.run(model, &tables, &rng, into: &tally, iteration: iteration)
      try aggregated?.run(model, &tables, &rng, into: &tally, iteration: iteration)
      personCycles += tally.personCycles
    }
    return personCycles
  }
}
