extension Model {
  /// Compiles a checked scenario.
  /// - Throws: `ScenarioErrors` only for what the decoder cannot see, which should be nothing;
  ///   compilation errors are reported with their path rather than trapping.
  public init(_ scenario: Scenario) throws(ScenarioErrors) {
    var errors: [ScenarioError] = []
    let cyclesPerYear = scenario.cyclesPerYear
    let horizon = scenario.horizonCycles
    let names = scenario.parameters.map(\.name)
    var slots: [String: Int] = [:]
    for (index, name) in names.enumerated() { slots[name] = index }
    func compile(_ expression: Expression, _ path: String) -> CompiledExpression {
      do throws(ExpressionError) {
        return try expression.compile(slots: slots, cyclesPerYear: Double(cyclesPerYear))
      } catch {
        errors.append(ScenarioError(path: path, message: error.description))
        return (try? Expression.constant(0).compile(slots: [:], cyclesPerYear: 1))
          ?? Self.zeroProgram
      }
    }
    let personNames = Set(scenario.parameters.filter { $0.scope == .person }.map(\.name))
    func dependsOnPerson(_ expression: Expression) -> Bool {
      !expression.referencedNames.isDisjoint(with: personNames)
    }

    // Parameters: draws by scope, derived ones in dependency order.
    var template = [Double](repeating: 0, count: names.count)
    var iterationDraws: [ParameterDraw] = []
    var personDraws: [ParameterDraw] = []
    for (slot, parameter) in scenario.parameters.enumerated() {
      switch parameter.definition {
      case .fixed(let value):
        template[slot] = value
      case .distributed(let distribution, let base):
        template[slot] = base
        let draw = ParameterDraw(
          slot: slot, distribution: distribution.ownStorage(),
          nameKey: IterationStreams.nameKey(parameter.name))
        if parameter.scope == .person {
          personDraws.append(draw)
        } else {
          iterationDraws.append(draw)
        }
      case .derived:
        break
      }
    }
    // Correlated draws go through the copula; the decoder has checked the names, the scopes
    // and that the matrix is positive definite.
    let memberNames = Correlation.members(of: scenario.correlations)
    let correlatedDraws = memberNames.compactMap { name in
      slots[name].flatMap { slot in iterationDraws.first { $0.slot == slot } }
    }
    let copula = GaussianCopula(
      members: correlatedDraws.map { ($0.slot, $0.distribution) },
      pairs: Correlation.indexedPairs(scenario.correlations, members: memberNames))
    // A scenario built in code (or edited after decoding) may not have been checked.
    for name in memberNames where !correlatedDraws.contains(where: { names[$0.slot] == name }) {
      errors.append(ScenarioError(
        path: "correlations", message: "\"\(name)\" is not an iteration-scope parameter with a"
          + " distribution, so it cannot be correlated"))
    }
    if !scenario.correlations.isEmpty, copula == nil {
      errors.append(ScenarioError(
        path: "correlations", message: "the correlations contradict each other (their normal"
          + " correlation matrix is not positive definite)"))
    }
    let correlatedSlots = Set(correlatedDraws.map(\.slot))
    // Dependencies first: a post-order depth-first search with an explicit stack, so that a
    // chain of thousands of derived parameters cannot overflow the call stack.
    var ordered: [DerivedParameter] = []
    var done = [Bool](repeating: false, count: names.count)
    var pending: [(slot: Int, dependencies: [Int], next: Int)] = []
    func enter(_ slot: Int) {
      guard !done[slot], case .derived(let expression) = scenario.parameters[slot].definition
      else { return }
      done[slot] = true
      pending.append((slot, expression.referencedNames.sorted().compactMap { slots[$0] }, 0))
    }
    for slot in scenario.parameters.indices {
      enter(slot)
      while let top = pending.last {
        if top.next < top.dependencies.count {
          pending[pending.count - 1].next += 1
          enter(top.dependencies[top.next])
          continue
        }
        pending.removeLast()
        guard case .derived(let expression) = scenario.parameters[top.slot].definition else {
          continue
        }
        let path = "parameters".jsonPath(scenario.parameters[top.slot].name)
        ordered.append(
          DerivedParameter(slot: top.slot, expression: compile(expression, path), path: path))
      }
    }

    // Which parameters change from one iteration to the next: the iteration-scope draws and
    // every derived parameter that reads one (`ordered` lists dependencies first).
    var variesByIteration = [Bool](repeating: false, count: names.count)
    for draw in iterationDraws { variesByIteration[draw.slot] = true }
    func readsIterationDraw(_ expression: Expression) -> Bool {
      expression.referencedNames.contains { slots[$0].map { variesByIteration[$0] } ?? false }
    }
    for derived in ordered {
      if case .derived(let expression) = scenario.parameters[derived.slot].definition {
        variesByIteration[derived.slot] = readsIterationDraw(expression)
      }
    }

    // Windows become classes of cycles since entry.
    let transitionWindows = scenario.arms.flatMap { $0.transitions.map(\.cycles) }
    let transitionPartition = CyclePartition(windows: transitionWindows, horizon: horizon)
    let chargeWindows = scenario.states.flatMap { $0.costs.map(\.cycles) }
    let chargePartition = CyclePartition(windows: chargeWindows, horizon: horizon)

    let allTransitions = scenario.arms[0].transitions + scenario.arms[1].transitions
    let areas = Array(
      Set(
        scenario.states.flatMap { $0.costs.map(\.area) } + scenario.lineItems.map(\.area)
          + allTransitions.flatMap { $0.costs.map(\.area) }
      )
    ).sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
    var outcomeNames: [String] = []
    var outcomeIndex: [String: Int] = [:]
    for state in scenario.states {
      for outcome in state.outcomes where outcomeIndex[outcome.name] == nil {
        outcomeIndex[outcome.name] = outcomeNames.count
        outcomeNames.append(outcome.name)
      }
    }
    for transition in allTransitions {
      for outcome in transition.outcomes where outcomeIndex[outcome.name] == nil {
        outcomeIndex[outcome.name] = outcomeNames.count
        outcomeNames.append(outcome.name)
      }
    }
    let areaIndex = Dictionary(
      areas.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })

    let initial = scenario.arms.enumerated().map { index, arm in
      arm.initial.map { entry in
        let path = "arms.\(Arm.Kind.allCases[index].name).initial"
          + ".\(scenario.states[entry.state].id)"
        return CompiledWeight(
          state: entry.state, weight: compile(entry.weight, path), path: path)
      }
    }
    var maxOutgoing = 1
    let transitions = scenario.arms.map { arm in
      var outgoing = [Int](repeating: 0, count: scenario.states.count)
      let compiled = arm.transitions.map { transition in
        outgoing[transition.from] += 1
        return CompiledTransition(
          from: transition.from, to: transition.to, p: compile(transition.p, transition.path),
          active: transitionPartition.classes.map { transition.cycles.covers($0) },
          path: transition.path)
      }
      maxOutgoing = max(maxOutgoing, outgoing.max() ?? 0)
      return compiled
    }
    let transitionsDependOnPerson = scenario.arms.contains { arm in
      arm.transitions.contains { dependsOnPerson($0.p) }
    }

    var charges: [Charge] = []
    for (stateIndex, state) in scenario.states.enumerated() {
      for cost in state.costs {
        charges.append(
          Charge(
            target: areaIndex[cost.area] ?? 0, arm: cost.arm?.rawValue,
            state: stateIndex,
            active: chargePartition.classes.map { cost.cycles.covers($0) },
            value: compile(cost.perCycle, cost.path),
            dependsOnPerson: dependsOnPerson(cost.perCycle),
            variesByIteration: readsIterationDraw(cost.perCycle), path: cost.path,
            staircase: cost.refusion == .staircase))
      }
      for outcome in state.outcomes {
        let path = "states[\(stateIndex)].outcomes.\(outcome.name)"
        charges.append(
          Charge(
            target: areas.count + (outcomeIndex[outcome.name] ?? 0), arm: nil,
            state: stateIndex,
            active: [Bool](repeating: true, count: chargePartition.classes.count),
            value: compile(outcome.weight, path), dependsOnPerson: dependsOnPerson(outcome.weight),
            variesByIteration: readsIterationDraw(outcome.weight), path: path))
      }
    }

    var transitionCharges: [TransitionCharge] = []
    for (index, transition) in allTransitions.enumerated() {
      let arm = index < scenario.arms[0].transitions.count ? 0 : 1
      for cost in transition.costs {
        transitionCharges.append(
          TransitionCharge(
            transition: index, arm: arm, target: areaIndex[cost.area] ?? 0,
            value: compile(cost.amount, cost.path), path: cost.path))
      }
      for outcome in transition.outcomes {
        transitionCharges.append(
          TransitionCharge(
            transition: index, arm: arm,
            target: areas.count + (outcomeIndex[outcome.name] ?? 0),
            value: compile(outcome.weight, outcome.path), path: outcome.path))
      }
    }
    let entryClock = scenario.weeksOnBenefitAtEntry.map {
      compile($0, "cohort.weeksOnBenefitAtEntry")
    }

    let intake = scenario.intake.map { entry in
      CompiledIntake(
        yearIndex: entry.year - scenario.start, count: compile(entry.count, entry.path),
        spread: entry.spread, path: entry.path)
    }
    let lineItems = scenario.lineItems.flatMap { item in
      item.byYear.map { entry in
        CompiledLineItem(
          area: areaIndex[item.area] ?? 0, yearIndex: entry.year - scenario.start,
          amount: compile(entry.amount, entry.path), path: entry.path)
      }
    }
    let payback = scenario.payback.map { definition in
      let chosen = definition.areas.map(Set.init)
      return CompiledPayback(
        name: definition.name, areas: definition.areas,
        areaMask: areas.map { area in chosen?.contains(area) ?? true },
        discounted: definition.discounted)
    }

    guard errors.isEmpty else { throw ScenarioErrors(errors) }
    self.scenario = scenario
    self.cyclesPerYear = cyclesPerYear
    self.years = scenario.years
    self.horizon = horizon
    self.stateCount = scenario.states.count
    self.areas = areas
    self.outcomeNames = outcomeNames
    self.parameterNames = names
    self.template = template
    self.iterationDraws = iterationDraws
    self.independentDraws = iterationDraws.filter { !correlatedSlots.contains($0.slot) }
    self.correlatedDraws = scenario.correlations.isEmpty ? [] : correlatedDraws
    self.copula = scenario.correlations.isEmpty ? nil : copula
    self.personDraws = personDraws
    self.iterationDerived = ordered.filter { scenario.parameters[$0.slot].scope == .iteration }
    self.personDerived = ordered.filter { scenario.parameters[$0.slot].scope == .person }
    self.transitionClassOf = transitionPartition.classOf
    self.transitionClasses = transitionPartition.classes
    self.chargeClassOf = chargePartition.classOf
    self.chargeClassCount = chargePartition.classes.count
    self.yearOf = (0..<horizon).map { Int32($0 / cyclesPerYear) }
    self.initial = initial
    self.transitions = transitions
    self.maxOutgoing = maxOutgoing
    self.transitionsDependOnPerson = transitionsDependOnPerson
    self.charges = charges
    self.transitionCharges = transitionCharges
    self.covered = scenario.states.map(\.covered)
    self.selfSupport = scenario.states.map(\.selfSupport)
    self.entryClock = entryClock
    self.entryClockDependsOnPerson = scenario.weeksOnBenefitAtEntry.map(dependsOnPerson) ?? false
    self.varyingPersonCharges = charges.indices.filter {
      charges[$0].dependsOnPerson && charges[$0].variesByIteration
    }
    self.entryClockVariesByIteration = scenario.weeksOnBenefitAtEntry.map {
      dependsOnPerson($0) && readsIterationDraw($0)
    } ?? false
    self.personCharges = charges.indices.filter { charges[$0].dependsOnPerson }
    self.intake = intake
    self.lineItems = lineItems
    self.payback = payback
    self.occupancyAt = scenario.report.occupancyAt
    self.percentiles = scenario.report.percentiles
    self.occupancy = scenario.occupancy
    self.pairing = scenario.pairing
    self.discount = scenario.discount
  }

  private static let zeroProgram: CompiledExpression = {
    // `Expression.constant(0)` compiles without names; this cannot fail.
    do { return try Expression.constant(0).compile(slots: [:], cyclesPerYear: 1) } catch {
      preconditionFailure("a constant expression failed to compile: \(error)")
    }
  }()

  /// Reads a scenario file's bytes and compiles it: the one call front ends need.
  /// - Parameter overrides: parameters replaced on the command line; none by default.
  public static func load(
    _ bytes: [UInt8], overrides: [ScenarioOverride] = []
  ) throws(ScenarioErrors) -> Model {
    try Model(ScenarioDecoder.decode(bytes, overrides: overrides))
  }
}

extension CycleWindow {
  /// Whether this window contains the whole class `other` (classes never straddle a boundary).
  func covers(_ other: CycleWindow) -> Bool { contains(other.from) }
}

/// Cuts the cycles since entry `0..<horizon` at every window boundary, so that each window is a
/// union of whole classes and the engine looks up one small integer per cycle.
struct CyclePartition {
  var classes: [CycleWindow]
  var classOf: [Int32]

  init(windows: [CycleWindow], horizon: Int) {
    var cuts = Set<Int>([0])
    for window in windows {
      if window.from > 0 && window.from < horizon { cuts.insert(window.from) }
      if let to = window.to, to > 0, to < horizon { cuts.insert(to) }
    }
    let sorted = cuts.sorted()
    classes = sorted.enumerated().map { index, from in
      CycleWindow(from: from, to: index + 1 < sorted.count ? sorted[index + 1] : nil)
    }
    classOf = [Int32](repeating: 0, count: max(horizon, 0))
    for (index, window) in classes.enumerated() {
      for k in window.from..<(window.to ?? horizon) where k < horizon { classOf[k] = Int32(index) }
    }
  }
}

extension Distribution {
  /// The same distribution with arrays of its own, not shared with the scenario, so that a
  /// model compiled per worker thread shares no reference count with another thread.
  fileprivate func ownStorage() -> Distribution {
    guard case .discrete(let values, let weights) = self else { return self }
    return .discrete(values: values.map { $0 }, weights: weights.map { $0 })
  }
}
