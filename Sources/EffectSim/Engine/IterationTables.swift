/// The numbers one iteration needs, evaluated from the model once per iteration (and once per
/// person for what depends on person-scope parameters): parameter values, flat transition
/// tables, initial distributions, charge rates, intake and line items.
///
/// Kept per worker and refilled in place, so an iteration allocates nothing once warm.
struct IterationTables {
  /// Parameter values by slot.
  var values: [Double]
  /// Layout of the transition tables: index `(arm · classes + class) · states + state`, each
  /// with room for `stride` outgoing moves in listing order.
  let stride: Int
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

  /// Person-scope draws: the slot and, for a discrete distribution, where its (value, weight)
  /// pairs sit in `personDiscrete` (count 0 otherwise). Kept here, per worker, so drawing a
  /// person's values copies nothing out of the shared model.
  let personDraws: [(slot: Int, start: Int, count: Int)]
  let personDiscrete: [Double]

  // MARK: Flat program

  /// The model's per-iteration expressions, worker-owned; see `ExpressionProgram`. Routines
  /// come in groups, each a contiguous range: iteration-derived, person-derived, transitions
  /// (arm 0 then arm 1, listing order), initial weights (per arm), charges, line items, intake.
  let program: ExpressionProgram
  /// Per routine, where its value goes: the slot (derived), the state (initial weight), the
  /// year × area cell (line item), the first cycle (intake); unused otherwise.
  let routineTarget: [Int]
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
  /// The charges that depend on person-scope parameters.
  let personChargeIndices: [Int]
  let lineItemRoutines: Range<Int>
  let intakeRoutines: Range<Int>
  /// Per intake (index in `intakeRoutines`): whether it spreads evenly over the year.
  let intakeEven: [Bool]
  let cyclesPerYear: Int
  /// Initial weights of one arm before normalising.
  var initialRaw: [Double]

  static let scale53 = 9_007_199_254_740_992.0  // 2^53

  init(model: Model) {
    values = model.template
    let classes = model.transitionClasses.count
    stride = model.maxOutgoing
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
    var draws: [(slot: Int, start: Int, count: Int)] = []
    var discrete: [Double] = []
    for draw in model.personDraws {
      guard case .discrete(let options, let weights) = draw.distribution else {
        draws.append((draw.slot, 0, 0))
        continue
      }
      draws.append((draw.slot, discrete.count / 2, options.count))
      for (value, weight) in zip(options, weights) { discrete += [value, weight] }
    }
    personDraws = draws
    personDiscrete = discrete

    var program = ExpressionProgram()
    var target: [Int] = []
    func group<T>(_ items: [T], _ body: (T) -> (CompiledExpression, Int)) -> Range<Int> {
      let first = program.routines.count
      for item in items {
        let (expression, destination) = body(item)
        _ = program.append(expression)
        target.append(destination)
      }
      return first..<program.routines.count
    }
    iterationDerivedRoutines = group(model.iterationDerived) { ($0.expression, $0.slot) }
    personDerivedRoutines = group(model.personDerived) { ($0.expression, $0.slot) }
    transitionRoutines = group(model.transitions[0] + model.transitions[1]) { ($0.p, 0) }
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
    initialRoutines = (0..<2).map { arm in group(model.initial[arm]) { ($0.weight, $0.state) } }
    chargeRoutines = group(model.charges) { ($0.value, 0) }
    personChargeIndices = model.charges.indices.filter { model.charges[$0].dependsOnPerson }
    lineItemRoutines = group(model.lineItems) {
      ($0.amount, $0.yearIndex * model.areas.count + $0.area)
    }
    intakeRoutines = group(model.intake) { ($0.count, $0.yearIndex * model.cyclesPerYear) }
    intakeEven = model.intake.map { $0.spread == .even }
    cyclesPerYear = model.cyclesPerYear
    self.program = program
    routineTarget = target
    results = [Double](repeating: 0, count: program.routines.count)
    initialRaw = [Double](repeating: 0, count: model.stateCount)
  }

  /// Runs the routines in `range` in order into `results`; derived ones (`derived`) also
  /// store their value in `values` at their slot, so later routines read it.
  /// - Returns: false at the first routine whose expression would throw; the caller then
  ///   takes the slow path through the model's expressions for the error.
  private mutating func run(_ range: Range<Int>, derived: Bool = false) -> Bool {
    if range.isEmpty { return true }
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
                  else { return false }
                  results[r] = value
                  if derived { values[target[r]] = value }
                }
                return true
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

  static func threshold(_ p: Double) -> UInt64 {
    p >= 1 ? 1 << 53 : UInt64((p * scale53).rounded(.up))
  }

  // MARK: - Parameters

  /// Draws every iteration-scope parameter and evaluates the derived ones that depend on them.
  mutating func drawIterationParameters(
    _ model: Model, _ rng: inout Xoshiro256PlusPlus, iteration: Int?
  ) throws(RunError) {
    for draw in model.iterationDraws { values[draw.slot] = draw.distribution.sample(using: &rng) }
    if !run(iterationDerivedRoutines, derived: true) {
      try evaluate(model.iterationDerived, model, iteration: iteration)
    }
  }

  /// Draws one person's parameters (the same values serve both arms).
  ///
  /// Runs once per person, on every worker thread at once: elements are borrowed through
  /// unsafe buffers rather than copied, because each copy would retain the model's shared
  /// arrays, and reference counts written from two cores bounce their cache line between them.
  mutating func drawPersonParameters(
    _ model: Model, _ rng: inout Xoshiro256PlusPlus, iteration: Int?
  ) throws(RunError) {
    for (i, draw) in personDraws.enumerated() {
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
    if !run(personDerivedRoutines, derived: true) {
      try evaluate(model.personDerived, model, iteration: iteration)
    }
  }

  /// Every parameter at its base value: deterministic mode.
  mutating func setBaseValues(_ model: Model) throws(RunError) {
    values = model.template
    try evaluate(model.allDerived, model, iteration: nil)
  }

  mutating func evaluate(
    _ derived: [DerivedParameter], _ model: Model, iteration: Int?
  ) throws(RunError) {
    try derived.withUnsafeBufferPointer { (derived) throws(RunError) in
      for i in derived.indices {
        values[derived[i].slot] = try value(
          of: derived[i].expression, at: derived[i].path, model, iteration: iteration)
      }
    }
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
    if !buildTransitionsFast(classes: model.transitionClasses.count, states: model.stateCount) {
      try buildTransitionsReportingErrors(model, iteration: iteration)
    }
  }

  /// `buildTransitionsReportingErrors` through the flat program.
  /// - Returns: false where the slow path would throw; the tables are then incomplete.
  private mutating func buildTransitionsFast(classes: Int, states: Int) -> Bool {
    for table in 0..<(2 * classes * states) { outgoingCount[table] = 0 }
    guard run(transitionRoutines) else { return false }
    for k in 0..<transitionRoutines.count {
      let p = results[transitionRoutines.lowerBound + k]
      let move = transitionMoves[k]
      for cls in 0..<classes where transitionActive[k * classes + cls] {
        let table = (move.arm * classes + cls) * states + move.from
        guard p >= 0 && p <= 1 else { return false }
        let slot = Int(outgoingCount[table])
        let previous = slot == 0 ? 0 : cumulative[table * stride + slot - 1]
        var sum = previous + p
        if sum > 1 {
          guard sum <= 1 + 1e-9 else { return false }
          sum = 1
        }
        destinations[table * stride + slot] = Int32(move.to)
        cumulative[table * stride + slot] = sum
        thresholds[table * stride + slot] = Self.threshold(sum)
        outgoingCount[table] += 1
      }
    }
    return true
  }

  /// Evaluates the transitions through the model's expressions, with full error messages.
  private mutating func buildTransitionsReportingErrors(
    _ model: Model, iteration: Int?
  ) throws(RunError) {
    let classes = model.transitionClasses.count
    for arm in 0..<2 {
      for cls in 0..<classes {
        for state in 0..<model.stateCount {
          outgoingCount[(arm * classes + cls) * model.stateCount + state] = 0
        }
      }
      for transition in model.transitions[arm] {
        let p = try value(of: transition.p, at: transition.path, model, iteration: iteration)
        for cls in 0..<classes where transition.active[cls] {
          let table = (arm * classes + cls) * model.stateCount + transition.from
          let window = model.transitionClasses[cls]
          guard p >= 0 && p <= 1 else {
            throw RunError(
              path: transition.path,
              message: "the probability of moving from \"\(stateID(model, transition.from))\" to"
                + " \"\(stateID(model, transition.to))\" is \(p), outside [0, 1], in"
                + " \(window.description) since entry", iteration: iteration)
          }
          let slot = Int(outgoingCount[table])
          let previous = slot == 0 ? 0 : cumulative[table * stride + slot - 1]
          var sum = previous + p
          if sum > 1 {
            guard sum <= 1 + 1e-9 else {
              throw RunError(
                path: "arms.\(Arm.Kind.allCases[arm].name).transitions",
                message: "the probabilities of leaving \"\(stateID(model, transition.from))\" sum to"
                  + " \(sum), more than 1, in \(window.description) since entry",
                iteration: iteration)
            }
            sum = 1
          }
          destinations[table * stride + slot] = Int32(transition.to)
          cumulative[table * stride + slot] = sum
          thresholds[table * stride + slot] = Self.threshold(sum)
          outgoingCount[table] += 1
        }
      }
    }
  }

  private func stateID(_ model: Model, _ state: Int) -> String { model.scenario.states[state].id }

  /// Evaluates and normalises the initial weights of both arms.
  mutating func buildInitial(_ model: Model, iteration: Int?) throws(RunError) {
    if !buildInitialFast(states: model.stateCount) {
      try buildInitialReportingErrors(model, iteration: iteration)
    }
  }

  /// `buildInitialReportingErrors` through the flat program; false where that would throw.
  private mutating func buildInitialFast(states: Int) -> Bool {
    for arm in 0..<2 {
      let routines = initialRoutines[arm]
      guard !routines.isEmpty else {
        initialCount[arm] = 1
        initialStates[arm * states] = 0
        initialCumulative[arm * states] = 1
        initialThresholds[arm * states] = 1 << 53
        continue
      }
      guard run(routines) else { return false }
      var total = 0.0
      for r in routines {
        let w = results[r]
        guard w >= 0 else { return false }
        initialRaw[r - routines.lowerBound] = w
      }
      // Summed in the same order as `reduce(0, +)` on the slow path.
      for r in routines { total += initialRaw[r - routines.lowerBound] }
      guard total > 0 else { return false }
      var running = 0.0
      var count = 0
      for r in routines where initialRaw[r - routines.lowerBound] > 0 {
        running += initialRaw[r - routines.lowerBound]
        initialStates[arm * states + count] = Int32(routineTarget[r])
        initialCumulative[arm * states + count] = running / total
        initialThresholds[arm * states + count] = Self.threshold(running / total)
        count += 1
      }
      initialCumulative[arm * states + count - 1] = 1
      initialThresholds[arm * states + count - 1] = 1 << 53
      initialCount[arm] = Int32(count)
    }
    return true
  }

  /// Evaluates the initial weights through the model's expressions, with full error messages.
  private mutating func buildInitialReportingErrors(
    _ model: Model, iteration: Int?
  ) throws(RunError) {
    let states = model.stateCount
    for arm in 0..<2 {
      let weights = model.initial[arm]
      guard !weights.isEmpty else {
        initialCount[arm] = 1
        initialStates[arm * states] = 0
        initialCumulative[arm * states] = 1
        initialThresholds[arm * states] = 1 << 53
        continue
      }
      var raw: [Double] = []
      for weight in weights {
        let w = try value(of: weight.weight, at: weight.path, model, iteration: iteration)
        guard w >= 0 else {
          throw RunError(
            path: "arms.\(Arm.Kind.allCases[arm].name).\(weight.path)",
            message: "an initial weight is negative (\(w))", iteration: iteration)
        }
        raw.append(w)
      }
      let total = raw.reduce(0, +)
      guard total > 0 else {
        throw RunError(
          path: "arms.\(Arm.Kind.allCases[arm].name).initial",
          message: "the initial weights sum to zero", iteration: iteration)
      }
      var running = 0.0
      var count = 0
      for (weight, w) in zip(weights, raw) where w > 0 {
        running += w
        initialStates[arm * states + count] = Int32(weight.state)
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
  mutating func evaluateCharges(_ model: Model, personOnly: Bool, iteration: Int?) throws(RunError) {
    if personOnly {
      try evaluateCharges(model, indices: personChargeIndices, iteration: iteration)
      return
    }
    if run(chargeRoutines) {
      for index in chargeRates.indices {
        chargeRates[index] = results[chargeRoutines.lowerBound + index]
      }
      return
    }
    for (index, charge) in model.charges.enumerated() where !personOnly || charge.dependsOnPerson {
      chargeRates[index] = try value(of: charge.value, at: charge.path, model, iteration: iteration)
    }
  }

  /// Evaluates the per-cycle amounts of the charges at `indices`.
  mutating func evaluateCharges(_ model: Model, indices: [Int], iteration: Int?) throws(RunError) {
    var fast = true
    for index in indices {
      let r = chargeRoutines.lowerBound + index
      guard run(r..<r + 1) else {
        fast = false
        break
      }
      chargeRates[index] = results[r]
    }
    if fast { return }
    for index in indices {
      do throws(EvaluationError) {
        chargeRates[index] = try model.charges[index].value.evaluate(values)
      } catch {
        // The slow path, for its message.
        let charge = model.charges[index]
        chargeRates[index] = try value(
          of: charge.value, at: charge.path, model, iteration: iteration)
      }
    }
  }

  mutating func evaluateLineItems(_ model: Model, iteration: Int?) throws(RunError) {
    for index in lineItemAmounts.indices { lineItemAmounts[index] = 0 }
    if run(lineItemRoutines) {
      for r in lineItemRoutines { lineItemAmounts[routineTarget[r]] += results[r] }
      return
    }
    for index in lineItemAmounts.indices { lineItemAmounts[index] = 0 }
    for item in model.lineItems {
      let amount = try value(of: item.amount, at: item.path, model, iteration: iteration)
      lineItemAmounts[item.yearIndex * model.areas.count + item.area] += amount
    }
  }

  /// Evaluates the intake counts and places each person's entry cycle.
  mutating func evaluateIntake(_ model: Model, iteration: Int?) throws(RunError) {
    if evaluateIntakeFast() { return }
    for index in entries.indices { entries[index] = 0 }
    for intake in model.intake {
      let raw = try value(of: intake.count, at: intake.path, model, iteration: iteration)
      // Halves round up, as the format says.
      let rounded = (raw + 0.5).rounded(.down)
      guard rounded >= 0, rounded < 1e8 else {
        throw RunError(
          path: intake.path, message: "the count evaluates to \(raw), not a number of people"
            + " between 0 and 100,000,000", iteration: iteration)
      }
      let n = Int(rounded)
      let first = intake.yearIndex * model.cyclesPerYear
      switch intake.spread {
      case .start:
        entries[first] += n
      case .even:
        for k in 0..<n { entries[first + k * model.cyclesPerYear / n] += 1 }
      }
    }
  }

  /// `evaluateIntake` through the flat program; false where that would throw.
  private mutating func evaluateIntakeFast() -> Bool {
    for index in entries.indices { entries[index] = 0 }
    guard run(intakeRoutines) else { return false }
    for r in intakeRoutines {
      let raw = results[r]
      let rounded = (raw + 0.5).rounded(.down)
      guard rounded >= 0, rounded < 1e8 else { return false }
      let n = Int(rounded)
      let first = routineTarget[r]
      if intakeEven[r - intakeRoutines.lowerBound] {
        for k in 0..<n { entries[first + k * cyclesPerYear / n] += 1 }
      } else {
        entries[first] += n
      }
    }
    return true
  }

  /// Fills everything an iteration needs that does not depend on persons.
  mutating func prepareIteration(_ model: Model, iteration: Int?) throws(RunError) {
    try buildTransitions(model, iteration: iteration)
    try buildInitial(model, iteration: iteration)
    try evaluateCharges(model, personOnly: false, iteration: iteration)
    try evaluateLineItems(model, iteration: iteration)
    try evaluateIntake(model, iteration: iteration)
  }
}
