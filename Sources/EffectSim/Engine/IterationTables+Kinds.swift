/// What every person-level kernel reads of the iteration's tables in the same way: a person's
/// entry state, and the numbers of one kind of person (`PersonStrata`), evaluated in the order
/// the per-person path evaluates them so that a failure reads the same in every kernel.
extension IterationTables {
  /// The entry state of `arm` for the 53-bit uniform `x` (the thresholds of `buildInitial`).
  @inline(__always)
  func initialState(arm: Int, x: UInt64) -> Int {
    let count = Int(initialCount[arm])
    var j = 0
    while j < count - 1 && x >= initialThresholds[arm * states + j] { j += 1 }
    return Int(initialStates[arm * states + j])
  }

  /// Puts one kind's values (`PersonStrata.values[kind]`, in `model.personDraws` order) in
  /// place of the person draws and evaluates what reads them first: the derived person-scope
  /// parameters, then the transition tables when they depend on the person. A kernel then
  /// reads the tables and evaluates the person-dependent charges and the entry clock as it
  /// needs them.
  mutating func setKind(_ kindValues: [Double], _ model: Model, iteration: Int) throws(RunError) {
    // By index, reading only the slot: iterating the draws copied each one, retaining and
    // releasing its distribution's arrays (perf: 2 % of rebild-ips-2022's run).
    for i in kindValues.indices { values[model.personDraws[i].slot] = kindValues[i] }
    try evaluatePersonDerived(model, iteration: iteration)
    if model.transitionsDependOnPerson { try buildTransitions(model, iteration: iteration) }
  }

  /// The person-dependent charge rates just evaluated (`KernelPlan.personCharges` order) into
  /// kind `kind`'s row of `rates`.
  func storeRates(of personCharges: [Int], kind: Int, into rates: inout [Double]) {
    storeRates(of: personCharges, at: personCharges.indices, kind: kind, into: &rates)
  }

  /// `storeRates` for the charges at `positions` of `personCharges` only (those just
  /// evaluated).
  func storeRates<Positions: Sequence<Int>>(
    of personCharges: [Int], at positions: Positions, kind: Int, into rates: inout [Double]
  ) {
    for j in positions { rates[kind * personCharges.count + j] = chargeRates[personCharges[j]] }
  }
}
