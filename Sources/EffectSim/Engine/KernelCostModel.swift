/// Predicts the time of one iteration under each kernel, to let `--kernel auto` pick the faster
/// exact one.
///
/// The prediction uses only the scenario (the cohort at the parameters' base values), never a
/// timing taken on the machine, so `auto` makes the same choice on every run and the output
/// stays reproducible. The constants are nanoseconds measured by `swift run -c release Kernels`
/// (Benchmarks/README.md); only their ratios matter.
enum KernelCostModel {
  /// Per iteration, either kernel: drawing parameters, building tables, accounting.
  static let perIteration = 3000.0
  /// Individual kernel, per person-cycle (both arms counted).
  static let individualPerPersonCycle = (coupled: 1.0, independent: 1.5)
  /// Individual kernel, per person; and per person with person-scope draws (drawing,
  /// evaluating and pricing them), plus per transition re-evaluated for each person when
  /// transitions depend on person-scope parameters.
  static let individualPerPerson = 20.0
  static let individualPerPersonScope = 120.0
  static let individualPerPersonTransition = 25.0
  /// Aggregated kernel, per group-cycle and joint state (scanning), and per binomial draw.
  static let aggregatedPerJointState = 0.36
  static let aggregatedPerDraw = 13.5

  /// The most scratch the aggregated kernel may need per worker for `auto` to pick it: its
  /// groups grow with horizon × states², the individual kernel's tables do not. A constant,
  /// not the machine's memory, so that the choice (and so every number) depends on the
  /// scenario alone.
  static let aggregatedScratchLimit = 256 << 20

  /// The kernel `auto` runs for `model`.
  static func choose(_ model: Model) -> Kernel {
    guard MemoryEstimate.aggregatedKernel(model) <= aggregatedScratchLimit else {
      return .individual
    }
    guard let aggregated = aggregatedNanoseconds(model) else { return .individual }
    return aggregated < individualNanoseconds(model) ? .aggregated : .individual
  }

  /// The cohort's entries at the base values, or `nil` when they cannot be evaluated.
  static func baseEntries(_ model: Model) -> [Int]? {
    var tables = IterationTables(model: model)
    do throws(RunError) {
      try tables.setBaseValues(model)
      try tables.evaluateIntake(model, iteration: nil)
    } catch {
      return nil
    }
    return tables.entries
  }

  /// Predicted nanoseconds of one iteration of the individual kernel.
  static func individualNanoseconds(_ model: Model) -> Double {
    let entries = baseEntries(model) ?? []
    var personCycles = 0.0
    var persons = 0.0
    for (entry, n) in entries.enumerated() where n > 0 {
      persons += Double(n)
      personCycles += 2 * Double(n) * Double(model.horizon - entry)
    }
    let perCycle =
      model.pairing == .coupled
      ? individualPerPersonCycle.coupled : individualPerPersonCycle.independent
    var perPerson = individualPerPerson
    if model.hasPersonScope {
      perPerson += individualPerPersonScope
      if model.transitionsDependOnPerson {
        perPerson += individualPerPersonTransition * Double(model.transitions.joined().count)
      }
    }
    return perIteration + personCycles * perCycle + persons * perPerson
  }

  /// Predicted nanoseconds of one iteration of the aggregated kernel, or `nil` when it cannot
  /// simulate `model` exactly.
  static func aggregatedNanoseconds(_ model: Model) -> Double? {
    guard case .success(let strata) = PersonStrata.make(model) else { return nil }
    let entries = baseEntries(model) ?? []
    let settle = KernelPlan.settleCycle(model)
    let joint = Double(model.stateCount * model.stateCount)
    // Occupied joint states of a group of n people: at most n, at most about twice the states
    // (coupled pairing keeps most people on the diagonal), at most all of them.
    let spread = model.pairing == .coupled ? 2.0 : Double(model.stateCount)
    let reachable = min(joint, spread * Double(model.stateCount))
    let draws = model.pairing == .coupled ? 2.0 : 3.0
    var nanoseconds = perIteration
    var firstSettled = model.horizon
    var pooled = 0.0
    for (entry, n) in entries.enumerated() where n > 0 {
      let perStratum = max(1, Double(n) / Double(strata.count))
      let kinds = min(Double(strata.count), Double(n))
      let cycles = Double(min(settle, model.horizon - entry))
      let occupied = min(perStratum, reachable)
      nanoseconds +=
        kinds * cycles
        * (joint * aggregatedPerJointState
          + occupied * draws * aggregatedPerDraw)
      if entry + settle < model.horizon {
        firstSettled = min(firstSettled, entry + settle)
        pooled += Double(n)
      }
    }
    if pooled > 0 {
      let kinds = min(Double(strata.count), pooled)
      let occupied = min(max(1, pooled / Double(strata.count)), reachable)
      nanoseconds +=
        kinds * Double(model.horizon - firstSettled)
        * (joint * aggregatedPerJointState + occupied * draws * aggregatedPerDraw)
    }
    return nanoseconds
  }
}

extension Simulation {
  /// The cost model's prediction of one iteration's kernel time in seconds, per kernel
  /// (`aggregated` is `nil` when that kernel cannot simulate `model` exactly). Relative
  /// figures: they decide `--kernel auto`, they do not promise a wall time.
  public static func predictedKernelSeconds(_ model: Model) -> (
    individual: Double, aggregated: Double?
  ) {
    (
      KernelCostModel.individualNanoseconds(model) * 1e-9,
      KernelCostModel.aggregatedNanoseconds(model).map { $0 * 1e-9 }
    )
  }
}
