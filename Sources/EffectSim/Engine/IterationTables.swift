/// The numbers one iteration needs, evaluated from the model once per iteration (and once per
/// person for what depends on person-scope parameters): parameter values, flat transition
/// tables, initial distributions, charge rates, intake and line items.
///
/// Kept per worker and refilled in place, so an iteration allocates nothing once warm.
struct IterationTables {
  /// Parameter values by slot.
  var values: [Double]
  /// Layout of the transition tables: one per (arm, transition class, state), index
  /// `table(arm:transitionClass:state:)`, each with room for `stride` outgoing moves in
  /// listing order at `table · stride ..< table · stride + outgoingCount[table]`.
  let stride: Int
  let transitionClasses: Int
  let states: Int
  var outgoingCount: [Int32]
  var destinations: [Int32]
  /// Cumulative probabilities of the outgoing moves (the rest is "stay").
  var cumulative: [Double]
  /// `ceil(cumulative · 2^53)`: a 53-bit uniform `x` moves along entry j iff `x < threshold[j]`.
  var thresholds: [UInt64]
  /// Per arm, stride `states`: initial states in listing order with cumulative weights.
  var initialCount: [Int32]
  var initialStates: [Int32]
  var initialCumulative: [Double]
  var initialThresholds: [UInt64]
  /// Per charge: the amount per cycle.
  var chargeRates: [Double]
  /// Year × area.
  var lineItemAmounts: [Double]
  /// Persons entering at each absolute cycle of the horizon.
  var entries: [Int]
  /// The copula's normals and then values, one per correlated parameter.
  var copulaScratch: [Double]

  /// Person-scope draws: the slot and, for a discrete distribution, where its (value, weight)
  /// pairs sit in `personDiscrete` (count 0 otherwise). Kept here, per worker, so drawing a
  /// person's values copies nothing out of the shared model.
  let personDraws: [(slot: Int, start: Int, count: Int, nameKey: UInt64)]
  let personDiscrete: [Double]

  // MARK: Flat program

  /// The model's per-iteration expressions, worker-owned; see `ExpressionProgram`. Routines
  /// come in groups, each a contiguous range: iteration-derived, person-derived, transitions
  /// (arm 0 then arm 1, listing order), initial weights (per arm), charges, line items, intake.
  let program: ExpressionProgram
  /// Per routine, where its value goes: the slot (derived), the state (initial weight), the
  /// year × area cell (line item), the first cycle (intake); unused otherwise.
  let routineTarget: [Int]
  /// Per routine, the model's expression and its JSON path: read only to explain a failure.
  let routineSources: [(expression: CompiledExpression, path: String)]
  /// Per routine, the value of its last run.
  var results: [Double]
  let iterationDerivedRoutines: Range<Int>
  let personDerivedRoutines: Range<Int>
  let transitionRoutines: Range<Int>
  /// Per transition (index in `transitionRoutines`): arm, from, to.
  let transitionMoves: [(arm: Int, from: Int, to: Int)]
  /// Per transition, stride `transitionClasses.count`: whether the move is possible then.
  let transitionActive: [Bool]
  let initialRoutines: [Range<Int>]
  let chargeRoutines: Range<Int>
  /// The charges that depend on person-scope parameters, and their routines.
  let personChargeIndices: [Int]
  let personChargeRoutines: [Int]
  /// The same for `Model.varyingPersonCharges` only.
  let varyingPersonChargeIndices: [Int]
  let varyingPersonChargeRoutines: [Int]
  let lineItemRoutines: Range<Int>
  let intakeRoutines: Range<Int>
  /// Amounts counted once per move (`Model.transitionCharges`), and their values.
  let transitionChargeRoutines: Range<Int>
  var transitionChargeRates: [Double]
  /// `cohort.weeksOnBenefitAtEntry` (empty when the scenario has none), and its value for the
  /// current person: the start of the refusion staircase clock.
  let entryClockRoutines: Range<Int>
  var entryWeeks = 0.0
  /// Per intake (index in `intakeRoutines`): whether it spreads evenly over the year.
  let intakeEven: [Bool]
  let cyclesPerYear: Int

  static let scale53 = 9_007_199_254_740_992.0  // 2^53

  init(model: Model) {
    values = model.template
    let classes = model.transitionClasses.count
    stride = model.maxOutgoing
    transitionClasses = classes
    states = model.stateCount
    let tableCount = 2 * classes * model.stateCount
    outgoingCount = [Int32](repeating: 0, count: tableCount)
    destinations = [Int32](repeating: 0, count: tableCount * stride)
    cumulative = [Double](repeating: 0, count: tableCount * stride)
    thresholds = [UInt64](repeating: 0, count: tableCount * stride)
    initialCount = [0, 0]
    initialStates = [Int32](repeating: 0, count: 2 * model.stateCount)
    initialCumulative = [Double](repeating: 0, count: 2 * model.stateCount)
    initialThresholds = [UInt64](repeating: 0, count: 2 * model.stateCount)
    chargeRates = [Double](repeating: 0, count: model.charges.count)
    lineItemAmounts = [Double](repeating: 0, count: model.years * model.areas.count)
    entries = [Int](repeating: 0, count: model.horizon)
    copulaScratch = [Double](repeating: 0, count: model.correlatedDraws.count)
    var draws: [(slot: Int, start: Int, count: Int, nameKey: UInt64)] = []
    var discrete: [Double] = []
    for draw in model.personDraws {
      guard case .discrete(let options, let weights) = draw.distribution else {
        draws.append((draw.slot, 0, 0, draw.nameKey))
        continue
      }
      draws.append((draw.slot, discrete.count / 2, options.count, draw.nameKey))
      for (value, weight) in zip(options, weights) { discrete += [value, weight] }
    }
    personDraws = draws
    personDiscrete = discrete

    var program = ExpressionProgram()
    var target: [Int] = []
    var sources: [(expression: CompiledExpression, path: String)] = []
    func group<T>(_ items: [T], _ body: (T) -> (CompiledExpression, Int, String)) -> Range<Int> {
      let first = program.routines.count
      for item in items {
        let (expression, destination, path) = body(item)
        _ = program.append(expression)
        target.append(destination)
        sources.append((expression, path))
      }
      return first..<program.routines.count
    }
    iterationDerivedRoutines = group(model.iterationDerived) { ($0.expression, $0.slot, $0.path) }
    personDerivedRoutines = group(model.personDerived) { ($0.expression, $0.slot, $0.path) }
    transitionRoutines = group(model.transitions[0] + model.transitions[1]) {
      ($0.p, 0, $0.path)
    }
    var moves: [(arm: Int, from: Int, to: Int)] = []
    var active: [Bool] = []
    for arm in 0..<2 {
      for transition in model.transitions[arm] {
        moves.append((arm, transition.from, transition.to))
        active += transition.active
      }
    }
    transitionMoves = moves
    transitionActive = active
    initialRoutines = (0..<2).map { arm in
      group(model.initial[arm]) { ($0.weight, $0.state, $0.path) }
    }
    chargeRoutines = group(model.charges) { ($0.value, 0, $0.path) }
    personChargeIndices = model.personCharges
    let firstCharge = chargeRoutines.lowerBound
    personChargeRoutines = model.personCharges.map { firstCharge + $0 }
    varyingPersonChargeIndices = model.varyingPersonCharges
    varyingPersonChargeRoutines = model.varyingPersonCharges.map { firstCharge + $0 }
    lineItemRoutines = group(model.lineItems) {
      ($0.amount, $0.yearIndex * model.areas.count + $0.area, $0.path)
    }
    intakeRoutines = group(model.intake) {
      ($0.count, $0.yearIndex * model.cyclesPerYear, $0.path)
    }
    transitionChargeRoutines = group(model.transitionCharges) { ($0.value, 0, $0.path) }
    transitionChargeRates = [Double](repeating: 0, count: model.transitionCharges.count)
    entryClockRoutines = group(model.entryClock.map { [$0] } ?? []) {
      ($0, 0, "cohort.weeksOnBenefitAtEntry")
    }
    intakeEven = model.intake.map { $0.spread == .even }
    cyclesPerYear = model.cyclesPerYear
    self.program = program
    routineTarget = target
    routineSources = sources
    results = [Double](repeating: 0, count: program.routines.count)
  }

  /// Runs the routines in `range` in order into `results`; with `derived`, each value is also
  /// stored at its slot in `values`, so later routines read it.
  /// - Throws: `RunError` for the first routine that cannot be evaluated, naming its path, its
  ///   inputs and the iteration.
  private mutating func run(
    _ range: Range<Int>, derived: Bool = false, _ model: Model, iteration: Int?
  ) throws(RunError) {
    guard let failed = runProgram(range, derived: derived) else { return }
    try explainFailure(of: failed, model, iteration: iteration)
  }

  /// Throws the error of routine `failed`, which `runProgram` reported.
  private func explainFailure(of failed: Int, _ model: Model, iteration: Int?) throws(RunError) {
    // `values` holds what the failing routine read; its own expression explains the failure.
    let source = routineSources[failed]
    _ = try value(of: source.expression, at: source.path, model, iteration: iteration)
    throw RunError(
      path: source.path, message: "could not be evaluated in \"\(source.expression.source)\"",
      iteration: iteration)
  }

  /// The routines of `range` (in its order) through unsafe buffers obtained once.
  /// - Returns: the first routine whose expression would throw, or `nil` when all ran.
  private mutating func runProgram<Routines: Collection<Int>>(
    _ range: Routines, derived: Bool
  ) -> Int? {
    if range.isEmpty { return nil }
    return withUnsafeTemporaryAllocation(of: Double.self, capacity: program.stackDepth) {
      stack in
      program.code.withUnsafeBufferPointer { code in
        program.routines.withUnsafeBufferPointer { routines in
          routineTarget.withUnsafeBufferPointer { target in
            results.withUnsafeMutableBufferPointer { results in
              values.withUnsafeMutableBufferPointer { values in
                for r in range {
                  guard
                    let value = ExpressionProgram.run(
                      routines[r], code: code, values: UnsafeBufferPointer(values), stack: stack)
                  else { return r }
                  results[r] = value
                  if derived { values[target[r]] = value }
                }
                return nil
              }
            }
          }
        }
      }
    }
  }

  /// `Distribution.sampleDiscrete` over the pairs `from..<from + count` of `pairs`: the same
  /// algorithm, so the same value for the same uniform.
  @inline(__always)
  static func sampleDiscrete(
    _ pairs: [Double], from start: Int, count: Int, using rng: inout Xoshiro256PlusPlus
  ) -> Double {
    var u = rng.nextUniform()
    var last = start
    for index in start..<start + count where pairs[2 * index + 1] > 0 {
      u -= pairs[2 * index + 1]
      if u < 0 { return pairs[2 * index] }
      last = index
    }
    return pairs[2 * last]
  }

  /// The table of the moves out of `state` in `arm` during transition class
  /// `transitionClass`.
  @inline(__always)
  func table(arm: Int, transitionClass: Int, state: Int) -> Int {
    (arm * transitionClasses + transitionClass) * states + state
  }

  /// `ceil(p · 2^53)`, clamped to [0, 2^53]: total, so no probability, not even NaN, can trap.
  static func threshold(_ p: Double) -> UInt64 {
    if p >= 1 { return 1 << 53 }
    guard p > 0 else { return 0 }
    return UInt64((p * scale53).rounded(.up))
  }

  // MARK: - Parameters

  /// Draws every iteration-scope parameter, each from its own named stream (correlated ones
  /// through the Gaussian copula), and evaluates the derived ones that depend on them.
  mutating func drawIterationParameters(
    _ model: Model, _ streams: IterationStreams, iteration: Int?
  ) throws(RunError) {
    for draw in model.independentDraws {
      var rng = streams.parameter(draw.nameKey)
      values[draw.slot] = draw.distribution.sample(using: &rng)
    }
    if let copula = model.copula {
      // Each correlated parameter's normal comes from its own stream, by inversion (one
      // uniform); the copula correlates them and maps each through its own quantile function.
      for (index, draw) in model.correlatedDraws.enumerated() {
        var rng = streams.parameter(draw.nameKey)
        copulaScratch[index] = SpecialFunctions.normalQuantile(
          Distribution.openUniform(using: &rng))
      }
      copula.transform(&copulaScratch)
      for (index, slot) in copula.slots.enumerated() { values[slot] = copulaScratch[index] }
    }
    try run(iterationDerivedRoutines, derived: true, model, iteration: iteration)
  }

  /// Draws one person's parameters (the same values serve both arms), each from the stream of
  /// (the person, the parameter's name).
  ///
  /// Runs once per person, on every worker thread at once: elements are borrowed through
  /// unsafe buffers rather than copied, because each copy would retain the model's shared
  /// arrays, and reference counts written from two cores bounce their cache line between them.
  mutating func drawPersonParameters(
    _ model: Model, personKey: UInt64, iteration: Int?
  ) throws(RunError) {
    for (i, draw) in personDraws.enumerated() {
      var rng = IterationStreams.personParameter(personKey: personKey, draw.nameKey)
      if draw.count > 0 {
        values[draw.slot] = Self.sampleDiscrete(
          personDiscrete, from: draw.start, count: draw.count, using: &rng)
      } else {
        values[draw.slot] = model.personDraws[i].distribution.sample(using: &rng)
      }
    }
    try evaluatePersonDerived(model, iteration: iteration)
  }

  /// Evaluates the person-scope derived parameters from the person-scope values in `values`.
  mutating func evaluatePersonDerived(_ model: Model, iteration: Int?) throws(RunError) {
    try run(personDerivedRoutines, derived: true, model, iteration: iteration)
  }

  /// Every parameter at its base value: deterministic mode. Iteration-scope derived
  /// parameters never read person-scope ones, so the two groups in turn are a dependency order.
  /// - Parameter override: one parameter slot set to another value before the derived
  ///   parameters are evaluated (the one-way swing of the sensitivity analysis).
  mutating func setBaseValues(
    _ model: Model, override: (slot: Int, value: Double)? = nil
  ) throws(RunError) {
    values = model.template
    if let override { values[override.slot] = override.value }
    try run(iterationDerivedRoutines, derived: true, model, iteration: nil)
    try run(personDerivedRoutines, derived: true, model, iteration: nil)
  }

  /// Evaluates an expression; failures name the expression, its inputs and the iteration.
  func value(
    of expression: CompiledExpression, at path: String, _ model: Model, iteration: Int?
  ) throws(RunError) -> Double {
    do throws(EvaluationError) {
      return try expression.evaluate(values)
    } catch {
      let inputs = expression.slots.map { "\(model.parameterNames[$0]) = \(values[$0])" }
      let with = inputs.isEmpty ? "" : " with " + inputs.joined(separator: ", ")
      throw RunError(path: path, message: error.description + with, iteration: iteration)
    }
  }

  // MARK: - Tables

  /// Evaluates the transition probabilities of every (arm, window class, state) and checks them.
  mutating func buildTransitions(_ model: Model, iteration: Int?) throws(RunError) {
    let classes = model.transitionClasses.count
    let states = model.stateCount
    for table in 0..<(2 * classes * states) { outgoingCount[table] = 0 }
    try run(transitionRoutines, model, iteration: iteration)
    for k in 0..<transitionRoutines.count {
      let p = results[transitionRoutines.lowerBound + k]
      let move = transitionMoves[k]
      for cls in 0..<classes where transitionActive[k * classes + cls] {
        guard p >= 0 && p <= 1 else {
          throw RunError(
            path: routineSources[transitionRoutines.lowerBound + k].path,
            message: "the probability of moving from \"\(stateID(model, move.from))\" to"
              + " \"\(stateID(model, move.to))\" is \(p), outside [0, 1], in"
              + " \(model.transitionClasses[cls].description) since entry", iteration: iteration)
        }
        let table = self.table(arm: move.arm, transitionClass: cls, state: move.from)
        let slot = Int(outgoingCount[table])
        let previous = slot == 0 ? 0 : cumulative[table * stride + slot - 1]
        var sum = previous + p
        if sum > 1 {
          guard sum <= 1 + 1e-9 else {
            throw RunError(
              path: "arms.\(Arm.Kind.allCases[move.arm].name).transitions",
              message: "the probabilities of leaving \"\(stateID(model, move.from))\" sum to"
                + " \(sum), more than 1, in \(model.transitionClasses[cls].description) since"
                + " entry", iteration: iteration)
          }
          sum = 1
        }
        destinations[table * stride + slot] = Int32(move.to)
        cumulative[table * stride + slot] = sum
        thresholds[table * stride + slot] = Self.threshold(sum)
        outgoingCount[table] += 1
      }
    }
  }

  private func stateID(_ model: Model, _ state: Int) -> String { model.scenario.states[state].id }

  /// Evaluates and normalises the initial weights of both arms.
  mutating func buildInitial(_ model: Model, iteration: Int?) throws(RunError) {
    let states = model.stateCount
    for arm in 0..<2 {
      let routines = initialRoutines[arm]
      guard !routines.isEmpty else {
        // No `initial`: everyone enters in the first state.
        initialCount[arm] = 1
        initialStates[arm * states] = 0
        initialCumulative[arm * states] = 1
        initialThresholds[arm * states] = 1 << 53
        continue
      }
      try run(routines, model, iteration: iteration)
      var total = 0.0
      var largest = 0.0
      for r in routines {
        guard results[r] >= 0 else {
          throw RunError(
            path: routineSources[r].path, message: "an initial weight is negative (\(results[r]))",
            iteration: iteration)
        }
        total += results[r]
        largest = max(largest, results[r])
      }
      if !total.isFinite {
        // Weights near the largest number overflow their sum; only their ratios matter, so
        // they are scaled down by the largest (rare: ordinary weights keep their exact bits).
        total = 0
        for r in routines {
          results[r] /= largest
          total += results[r]
        }
      }
      guard total > 0 else {
        throw RunError(
          path: "arms.\(Arm.Kind.allCases[arm].name).initial",
          message: "the initial weights sum to zero", iteration: iteration)
      }
      var running = 0.0
      var count = 0
      for r in routines where results[r] > 0 {
        running += results[r]
        initialStates[arm * states + count] = Int32(routineTarget[r])
        initialCumulative[arm * states + count] = running / total
        initialThresholds[arm * states + count] = Self.threshold(running / total)
        count += 1
      }
      // The last positive weight takes whatever rounding left over.
      initialCumulative[arm * states + count - 1] = 1
      initialThresholds[arm * states + count - 1] = 1 << 53
      initialCount[arm] = Int32(count)
    }
  }

  /// Evaluates the per-cycle amounts of the charges; `personOnly` re-evaluates just those that
  /// depend on person-scope parameters.
  mutating func evaluateCharges(
    _ model: Model, personOnly: Bool, iteration: Int?
  ) throws(RunError) {
    if personOnly {
      try evaluatePersonCharges(model, iteration: iteration)
      return
    }
    try run(chargeRoutines, model, iteration: iteration)
    for index in chargeRates.indices {
      chargeRates[index] = results[chargeRoutines.lowerBound + index]
    }
  }

  /// Evaluates the per-cycle amounts of the charges that depend on person-scope parameters
  /// (`Model.personCharges`), in one pass of the program: the per-person path runs this for
  /// every person. With `varyingOnly`, only those that read an iteration-scope draw
  /// (`Model.varyingPersonCharges`), in the same order, for a kind whose other charges are
  /// kept from an earlier iteration.
  mutating func evaluatePersonCharges(
    _ model: Model, iteration: Int?, varyingOnly: Bool = false
  ) throws(RunError) {
    if varyingOnly {
      try evaluateCharges(
        model, varyingPersonChargeIndices, routines: varyingPersonChargeRoutines,
        iteration: iteration)
    } else {
      try evaluateCharges(
        model, personChargeIndices, routines: personChargeRoutines, iteration: iteration)
    }
  }

  private mutating func evaluateCharges(
    _ model: Model, _ indices: [Int], routines: [Int], iteration: Int?
  ) throws(RunError) {
    if let failed = runProgram(routines, derived: false) {
      try explainFailure(of: failed, model, iteration: iteration)
    }
    for (index, routine) in zip(indices, routines) { chargeRates[index] = results[routine] }
  }

  /// Evaluates the line items into their year × area cells.
  mutating func evaluateLineItems(_ model: Model, iteration: Int?) throws(RunError) {
    for index in lineItemAmounts.indices { lineItemAmounts[index] = 0 }
    try run(lineItemRoutines, model, iteration: iteration)
    for r in lineItemRoutines { lineItemAmounts[routineTarget[r]] += results[r] }
  }

  /// Evaluates the intake counts and places each person's entry cycle.
  mutating func evaluateIntake(_ model: Model, iteration: Int?) throws(RunError) {
    for index in entries.indices { entries[index] = 0 }
    try run(intakeRoutines, model, iteration: iteration)
    let limit = ScenarioLimits.cohortSize
    var people = 0
    for r in intakeRoutines {
      let raw = results[r]
      // Halves round up, as the format says.
      let rounded = (raw + 0.5).rounded(.down)
      guard rounded >= 0, rounded <= Double(limit - people) else {
        let others = people > 0 ? " (with the \(people) people of the entries before it)" : ""
        throw RunError(
          path: routineSources[r].path, message: "the count evaluates to \(raw), not a number of"
            + " people between 0 and \(limit)\(others), the largest cohort EffectSim simulates"
            + " (see docs/limits.md)", iteration: iteration)
      }
      let n = Int(rounded)
      people += n
      let first = routineTarget[r]
      if intakeEven[r - intakeRoutines.lowerBound] {
        for k in 0..<n { entries[first + k * cyclesPerYear / n] += 1 }
      } else {
        entries[first] += n
      }
    }
  }

  /// Evaluates the amounts counted once per move along a transition.
  mutating func evaluateTransitionCharges(_ model: Model, iteration: Int?) throws(RunError) {
    try run(transitionChargeRoutines, model, iteration: iteration)
    for index in transitionChargeRates.indices {
      transitionChargeRates[index] = results[transitionChargeRoutines.lowerBound + index]
    }
  }

  /// Evaluates the weeks on covered benefits at entry (per person when they depend on
  /// person-scope parameters) into `entryWeeks`.
  /// - Throws: `RunError` when the weeks are negative.
  mutating func evaluateEntryClock(_ model: Model, iteration: Int?) throws(RunError) {
    guard let r = entryClockRoutines.first else { return }
    try run(entryClockRoutines, model, iteration: iteration)
    guard results[r] >= 0 else {
      throw RunError(
        path: routineSources[r].path, message: "weeks on benefits at entry evaluate to"
          + " \(results[r]), below 0, in \"\(routineSources[r].expression.source)\"",
        iteration: iteration)
    }
    entryWeeks = results[r]
  }

  /// Fills everything an iteration needs that does not depend on persons.
  mutating func prepareIteration(_ model: Model, iteration: Int?) throws(RunError) {
    try buildTransitions(model, iteration: iteration)
    try buildInitial(model, iteration: iteration)
    try evaluateCharges(model, personOnly: false, iteration: iteration)
    try evaluateLineItems(model, iteration: iteration)
    try evaluateIntake(model, iteration: iteration)
    try evaluateTransitionCharges(model, iteration: iteration)
    try evaluateEntryClock(model, iteration: iteration)
  }
}
