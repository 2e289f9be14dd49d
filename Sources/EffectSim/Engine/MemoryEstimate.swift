/// The memory a run will allocate, estimated from the model before anything is allocated.
///
/// Every structure a run allocates is counted, from the same sizes its initialiser uses: the
/// result store (metrics and recorded parameter draws per iteration), and per worker thread
/// its compiled copy of the model, its iteration tables, its tally, its kernel's tables and
/// scratch, and its block buffers. The estimate errs on the high side (array growth, small
/// per-object overheads), so that a run it admits does not abort on allocation.
struct MemoryEstimate: Sendable, Equatable {
  /// Bytes of the result store.
  var results: Int
  /// Bytes one worker thread allocates, its copy of the model included.
  var perWorker: Int
  /// Worker threads.
  var threads: Int
  /// Iterations, and numbers stored per iteration.
  var iterations: Int
  var numbersPerIteration: Int

  /// Bytes of the whole run.
  var total: Int { Self.add(results, Self.multiply(perWorker, threads)) }

  /// - Parameters:
  ///   - iterations: Monte Carlo iterations (1 for a deterministic run).
  ///   - threads: worker threads.
  ///   - kernel: the kernel the workers use; `nil` counts what every run allocates (the
  ///     deterministic trace, and the tables that choosing a kernel evaluates).
  ///   - layout: the run's metric layout; default one cohort's.
  ///   - extraColumns: per-iteration values held beside the metrics: the recorded parameter
  ///     draws and what the summary adds (the sensitivity analysis's ranks and sort scratch);
  ///     default the recorded draws alone.
  init(
    _ model: Model, layout: MetricLayout? = nil, iterations: Int, extraColumns: Int? = nil,
    threads: Int, kernel: Kernel?
  ) {
    let layout = layout ?? MetricLayout(model: model)
    let recorded = ParameterRecord(model: model).slots.count
    self.iterations = iterations
    numbersPerIteration = Self.add(layout.count, max(extraColumns ?? recorded, 0))
    results = Self.multiply(numbersPerIteration, Self.multiply(iterations, 8))
    let block = Simulation.blockSize * (layout.count + recorded) * 8
    let amounts = 2 * model.years * model.targetCount * 8
    let kernelBytes: Int
    switch kernel {
    case .individual?: kernelBytes = Self.individualKernel(model)
    case .aggregated?: kernelBytes = Self.aggregatedKernel(model)
    case .jump?: kernelBytes = Self.jumpKernel(model)
    case nil: kernelBytes = 0
    }
    perWorker = Self.add(
      Self.modelCopy(model) + Self.iterationTables(model) + Self.tally(model) + block + amounts,
      kernelBytes)
    self.threads = threads
  }

  // MARK: - Parts

  /// The arrays a compiled model holds besides the scenario it shares with the other copies.
  static func modelCopy(_ model: Model) -> Int {
    let horizonArrays = 3 * model.horizon * 4
    let transitions = model.transitions.joined().reduce(0) { total, transition in
      total + expressionBytes(transition.p) + transition.active.count + 64
    }
    let charges = model.charges.reduce(0) { total, charge in
      total + expressionBytes(charge.value) + charge.active.count + 64
    }
    let others =
      (model.iterationDerived + model.personDerived).reduce(0) {
        $0 + expressionBytes($1.expression) + 64
      }
      + model.lineItems.reduce(0) { $0 + expressionBytes($1.amount) + 64 }
      + model.intake.reduce(0) { $0 + expressionBytes($1.count) + 64 }
      + model.initial.joined().reduce(0) { $0 + expressionBytes($1.weight) + 64 }
    let draws = (model.iterationDraws + model.personDraws).reduce(0) { total, draw in
      guard case .discrete(let values, _) = draw.distribution else { return total + 64 }
      return total + 2 * values.count * 8 + 64
    }
    return horizonArrays + transitions + charges + others + draws + model.template.count * 8
  }

  /// A compiled expression: its instructions, its slot list and its source text.
  static func expressionBytes(_ expression: CompiledExpression) -> Int {
    expression.code.count * MemoryLayout<ExpressionInstruction>.stride
      + expression.slots.count * 8 + expression.source.utf8.count + 96
  }

  /// `IterationTables`: parameter values, per-arm transition tables, charges, line items,
  /// entries, the worker's flat expression program and its per-routine bookkeeping.
  static func iterationTables(_ model: Model) -> Int {
    let tables = 2 * model.transitionClasses.count * model.stateCount
    let transitionTables = tables * (4 + model.maxOutgoing * (4 + 8 + 8))
    let routines =
      model.iterationDerived.count + model.personDerived.count
      + model.transitions.joined().count + model.initial.joined().count + model.charges.count
      + model.lineItems.count + model.intake.count
    let instructions =
      model.transitions.joined().reduce(0) { $0 + $1.p.code.count }
      + model.charges.reduce(0) { $0 + $1.value.code.count }
      + (model.iterationDerived + model.personDerived).reduce(0) { $0 + $1.expression.code.count }
      + model.lineItems.reduce(0) { $0 + $1.amount.code.count }
      + model.intake.reduce(0) { $0 + $1.count.code.count }
      + model.initial.joined().reduce(0) { $0 + $1.weight.code.count }
    let discrete = model.personDraws.reduce(0) { total, draw in
      guard case .discrete(let values, _) = draw.distribution else { return total }
      return total + 2 * values.count * 8
    }
    return model.template.count * 8 + transitionTables + 2 * model.stateCount * 24
      + model.charges.count * 8 + model.years * model.areas.count * 8 + model.horizon * 8
      + discrete + instructions * MemoryLayout<ExpressionInstruction>.stride
      + routines * (40 + 8 + 48 + 8)
      + model.transitions.joined().count * (24 + model.transitionClasses.count)
  }

  /// `Tally`: person-cycles per (arm, year, state, charge class), person-dependent amounts,
  /// the `occupancyAt` counts, and the staircase shares (indexed like the person-cycles) and
  /// moves per (transition, year) when the scenario has them.
  static func tally(_ model: Model) -> Int {
    let occupancy = 2 * model.years * model.stateCount * model.chargeClassCount
    let staircase = model.usesStaircase ? occupancy : 0
    return (occupancy + staircase + moves(model) + 2 * model.years * model.targetCount
      + model.occupancyAt.count * (2 * model.stateCount + 1)) * 8
  }

  /// Moves per (transition, year), counted when a transition carries an amount.
  private static func moves(_ model: Model) -> Int {
    model.transitionCharges.isEmpty ? 0 : model.transitionCount * model.years
  }

  /// `KernelPlan`: the `occupancyAt` markers, the segments of every entry cycle and the cells
  /// person-dependent charges price; arrays grown by appending may hold up to twice their
  /// elements.
  static func kernelPlan(_ model: Model) -> Int {
    let classes = model.transitionClasses.count
    // A segment ends at each year, window-class and `occupancyAt` boundary.
    let perEntry =
      model.years + classes + model.chargeClassCount + model.occupancyAt.count + 1
    let segments = multiply(
      model.horizon, perEntry * MemoryLayout<Segment>.stride * 2 + 2 * 4 + 8)
    let personCharges = model.personCharges.count
    let cells = multiply(
      personCharges * 2 * model.years,
      (model.chargeClassCount * MemoryLayout<PersonChargeCell>.stride + 16) * 2)
    return add(segments, cells + (model.occupancyAt.count + personCharges + 4) * 8)
  }

  /// `IndividualKernel`: its plan (whose segments and person-charge cells it also holds
  /// directly, counted again: the estimate errs high), its flat tables (with one bound per
  /// class and joint state), its counts (one block per kind of person when person-dependent
  /// charges are priced per kind, and as many blocks of staircase shares), each kind's tables
  /// and rates, the pricing scratch, and the tracked path whether or not it runs.
  static func individualKernel(_ model: Model) -> Int {
    let states = model.stateCount
    let classes = model.transitionClasses.count
    let tables = 2 * classes * states
    let fast = (2 * tables * model.maxOutgoing + 3 * tables) * 8
    let bounds = multiply(multiply(classes, states), states * 8)
    let kinds: Int
    switch PersonStrata.kinds(model) {
    case .success(let made) where model.hasPersonScope: kinds = made.count
    default: kinds = 0
    }
    let personCharges = model.personCharges.count
    let blocks = personCharges > 0 ? max(kinds, 1) : 1
    let counts = multiply(
      blocks * 2 * model.years * states * model.chargeClassCount * (model.usesStaircase ? 2 : 1)
        + model.occupancyAt.count * 2 * states, 8)
    let kindTables = model.transitionsDependOnPerson ? multiply(kinds, fast + bounds) : 0
    let pricing = (kinds + 2 * model.years * model.chargeClassCount) * personCharges * 8
    return add(
      add(multiply(kernelPlan(model), 2), add(fast, bounds)),
      add(add(counts, kindTables), add(pricing, trackedPath(model))))
  }

  /// `TrackedPath` (scenarios with the staircase or amounts on transitions): its own plan,
  /// tables and counts, the staircase shares, the moves and the map of slots to transitions.
  static func trackedPath(_ model: Model) -> Int {
    guard model.usesStaircase || !model.transitionCharges.isEmpty else { return 0 }
    let states = model.stateCount
    let tables = 2 * model.transitionClasses.count * states
    let fast = (2 * tables * model.maxOutgoing + 3 * tables) * 8
      + model.transitionClasses.count * states * states * 8
    let cells = 2 * model.years * states * model.chargeClassCount
    let counts = (cells + model.occupancyAt.count * 2 * states) * 8
    let shares = model.usesStaircase ? cells * 8 : 0
    let pricing = 2 * model.years * model.chargeClassCount * model.personCharges.count * 9
    return add(
      kernelPlan(model),
      add(fast, counts + shares + moves(model) * 8 + tables * model.maxOutgoing * 4 + pricing))
  }

  /// `JumpKernel`: its plan and spans, one table set (per-cycle tables, 64 wait and guide
  /// values per table, the joint-state tables) or one per kind when transitions depend on the
  /// person, its counts and difference arrays (one block per kind when person-dependent charges
  /// are priced per kind), and the kinds' rates.
  static func jumpKernel(_ model: Model) -> Int {
    let states = model.stateCount
    let classes = model.transitionClasses.count
    let tables = 2 * classes * states
    let set = add(
      (2 * tables * model.maxOutgoing + 3 * tables + 2 * 64 * tables) * 8,
      multiply(multiply(classes, states), states * 16))
    let kinds: Int
    switch PersonStrata.make(model) {
    case .success(let made) where model.hasPersonScope: kinds = made.count
    default: kinds = 1
    }
    let personCharges = model.personCharges.count
    let blocks = personCharges > 0 ? kinds : 1
    let sets = model.transitionsDependOnPerson ? kinds : 1
    let counts = multiply(
      blocks * 2 * model.years * states * model.chargeClassCount * (model.usesStaircase ? 2 : 1)
        + model.occupancyAt.count * 2 * states, 8)
    let stretches = multiply(
      multiply(blocks * 2 * model.chargeClassCount * states, model.horizon + 1), 8)
    return add(
      add(multiply(kernelPlan(model), 2), multiply(sets, set)),
      add(add(counts, stretches), (kinds + 2) * personCharges * 8 + model.horizon * 16))
  }

  /// `AggregatedKernel`: people per (stratum, entry cycle, joint state), the joint transition
  /// tables per (table set, class, joint state), the counts per stratum and its plan.
  static func aggregatedKernel(_ model: Model) -> Int {
    let strata: Int
    switch PersonStrata.make(model) {
    case .success(let made): strata = made.count
    case .failure: strata = 1
    }
    let states = model.stateCount
    let joint = states * states
    let classes = model.transitionClasses.count
    let cellStride = (model.maxOutgoing + 1) * (model.maxOutgoing + 1)
    let sets = model.transitionsDependOnPerson ? strata : 1
    let groups = multiply(multiply(strata, model.horizon + 1), joint * 8)
    let cells = multiply(multiply(sets * classes, joint), 4 + cellStride * (4 + 8))
    let initial = multiply(cellStride, joint * 12)
    let counts = strata * 2 * model.years * states * model.chargeClassCount * 8
    // With amounts on transitions: the transitions of each cell, the moves, the slot map.
    let moveCells =
      model.transitionCharges.isEmpty
      ? 0
      : add(
        multiply(multiply(sets * classes, joint), cellStride * 4),
        moves(model) * 8 + 2 * classes * states * model.maxOutgoing * 4)
    return add(
      add(add(groups, add(cells, moveCells)),
        initial + counts + strata * model.horizon * 8 + joint * 24),
      kernelPlan(model))
  }

  // MARK: - Arithmetic that saturates instead of trapping

  static func add(_ a: Int, _ b: Int) -> Int {
    let (sum, overflow) = a.addingReportingOverflow(b)
    return overflow ? .max : sum
  }

  static func multiply(_ a: Int, _ b: Int) -> Int {
    let (product, overflow) = a.multipliedReportingOverflow(by: b)
    return overflow ? .max : product
  }
}
