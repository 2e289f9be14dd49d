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
  /// Per person and discrete person-scope parameter when people come in kinds
  /// (`PersonKinds`: one mixed key and a threshold scan; no expression per person). Both
  /// person-level kernels pay it.
  static let individualPerKindDraw = 6.0
  static let individualPerPersonTransition = 25.0
  /// Aggregated kernel, per group-cycle and joint state (scanning), and per binomial draw.
  static let aggregatedPerJointState = 0.36
  static let aggregatedPerDraw = 13.5

  /// The most scratch the aggregated kernel may need per worker for `auto` to pick it: its
  /// groups grow with horizon × states², the individual kernel's tables do not. A constant,
  /// not the machine's memory, so that the choice (and so every number) depends on the
  /// scenario alone.
  static let aggregatedScratchLimit = 256 << 20

  /// Jump kernel: per person (stream, entry state, kind), per span walked, per draw (a wait,
  /// and for a move the uniform below the bound, the destinations and the counts); per table
  /// whose waits are computed, and per cell of the difference arrays turned into counts.
  static let jumpPerPerson = 25.0
  static let jumpPerSpan = 4.0
  static let jumpPerDraw = 9.0
  static let jumpPerTable = 60.0
  static let jumpPerFlushCell = 0.6

  /// The kernel `auto` runs for `model`: the fastest by the predictions below.
  static func choose(_ model: Model) -> Kernel {
    var best = (kernel: Kernel.individual, nanoseconds: individualNanoseconds(model))
    if MemoryEstimate.aggregatedKernel(model) <= aggregatedScratchLimit,
      let aggregated = aggregatedNanoseconds(model), aggregated < best.nanoseconds
    {
      best = (.aggregated, aggregated)
    }
    if MemoryEstimate.jumpKernel(model) <= aggregatedScratchLimit,
      let jump = jumpNanoseconds(model), jump < best.nanoseconds
    {
      best = (.jump, jump)
    }
    return best.kernel
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
    if PersonKinds(model: model) != nil {
      perPerson += individualPerKindDraw * Double(model.personDraws.count)
    } else if model.hasPersonScope {
      perPerson += individualPerPersonScope
      if model.transitionsDependOnPerson {
        perPerson += individualPerPersonTransition * Double(model.transitions.joined().count)
      }
    }
    return perIteration + personCycles * perCycle + persons * perPerson
  }

  /// Predicted nanoseconds of one iteration of the jump kernel, or `nil` when it cannot
  /// simulate `model` (or its base values cannot be evaluated).
  static func jumpNanoseconds(_ model: Model) -> Double? {
    guard JumpKernel.unsupportedReason(model) == nil, let draws = jumpDraws(model),
      let entries = baseEntries(model)
    else { return nil }
    let horizon = model.horizon
    // Cuts of the spans, in cycles since entry: window classes and `occupancyAt` cycles.
    var spansBefore = [Double](repeating: 1, count: horizon + 1)
    var spans = 1.0
    for k in 1..<max(horizon, 1) {
      if model.transitionClassOf[k] != model.transitionClassOf[k - 1]
        || model.chargeClassOf[k] != model.chargeClassOf[k - 1] || model.occupancyAt.contains(k)
      {
        spans += 1
      }
      spansBefore[k + 1] = spans
    }
    let arms = model.pairing == .coupled ? 1.0 : 2.0
    let kinds = Double(PersonKinds(model: model)?.count ?? 1)
    let kindDraws = Double(model.personDraws.count)
    let sets = model.transitionsDependOnPerson ? kinds : 1
    let blocks = model.personCharges.isEmpty ? 1 : kinds
    var nanoseconds =
      perIteration + sets * Double(2 * model.transitionClasses.count * model.stateCount)
      * jumpPerTable
      + blocks * Double(2 * model.chargeClassCount * model.stateCount * (horizon + 1))
      * jumpPerFlushCell
    for (entry, n) in entries.enumerated() where n > 0 {
      let cycles = horizon - entry
      nanoseconds +=
        Double(n)
        * (jumpPerPerson + kindDraws * individualPerKindDraw
          + arms * spansBefore[cycles] * jumpPerSpan + draws[cycles] * jumpPerDraw)
    }
    return nanoseconds
  }

  /// The jump kernel's expected draws per person by cycles lived (`draws[c]`: in the first c
  /// cycles since entry), at the parameters' base values: the expected moves of each arm's
  /// Markov chain — under coupled pairing the larger of the two arms' (one draw serves both) —
  /// plus one draw per 63 cycles in a state that can be left (a wait longer than a table).
  static func jumpDraws(_ model: Model) -> [Double]? {
    var tables = IterationTables(model: model)
    do throws(RunError) {
      try tables.setBaseValues(model)
      try tables.prepareIteration(model, iteration: nil)
    } catch {
      return nil
    }
    let states = model.stateCount
    let stride = tables.stride
    var distribution = [[Double]](repeating: [Double](repeating: 0, count: states), count: 2)
    for arm in 0..<2 {
      var previous = 0.0
      for j in 0..<Int(tables.initialCount[arm]) {
        let cumulative = tables.initialCumulative[arm * states + j]
        distribution[arm][Int(tables.initialStates[arm * states + j])] += cumulative - previous
        previous = cumulative
      }
    }
    var draws = [Double](repeating: 0, count: model.horizon + 1)
    var next = [Double](repeating: 0, count: states)
    for k in 0..<model.horizon {
      let transitionClass = Int(model.transitionClassOf[k])
      var moves = [0.0, 0.0]
      var live = [0.0, 0.0]
      for arm in 0..<2 {
        for s in 0..<states { next[s] = 0 }
        for s in 0..<states where distribution[arm][s] > 0 {
          let mass = distribution[arm][s]
          let table = tables.table(arm: arm, transitionClass: transitionClass, state: s)
          let count = Int(tables.outgoingCount[table])
          var previous = 0.0
          for j in 0..<count {
            let cumulative = tables.cumulative[table * stride + j]
            next[Int(tables.destinations[table * stride + j])] += mass * (cumulative - previous)
            previous = cumulative
          }
          next[s] += mass * (1 - previous)
          moves[arm] += mass * previous
          if previous > 0 { live[arm] += mass }
        }
        distribution[arm] = next
      }
      let perCycle =
        model.pairing == .coupled
        ? max(moves[0], moves[1]) + max(live[0], live[1]) / 63
        : moves[0] + moves[1] + (live[0] + live[1]) / 63
      draws[k + 1] = draws[k] + perCycle
    }
    return draws
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
  /// (`aggregated` and `jump` are `nil` when that kernel cannot simulate `model`). Relative
  /// figures: they decide `--kernel auto`, they do not promise a wall time.
  public static func predictedKernelSeconds(_ model: Model) -> (
    individual: Double, aggregated: Double?, jump: Double?
  ) {
    (
      KernelCostModel.individualNanoseconds(model) * 1e-9,
      KernelCostModel.aggregatedNanoseconds(model).map { $0 * 1e-9 },
      KernelCostModel.jumpNanoseconds(model).map { $0 * 1e-9 }
    )
  }
}
