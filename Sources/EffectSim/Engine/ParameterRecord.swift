/// Which parameter values each Monte Carlo iteration keeps for the assumptions register.
///
/// Iteration-scope parameters, drawn and derived, are one number per iteration: storing them
/// costs a column each, like any metric, and gives the register the range the run actually
/// used. Person-scope values are one per person and are not stored (see
/// `ParameterSummary.RangeSource`).
struct ParameterRecord: Sendable {
  /// Parameter slots (indices into `Scenario.parameters`), one column each, in that order.
  let slots: [Int]

  init(model: Model) {
    slots = (model.iterationDraws.map(\.slot) + model.iterationDerived.map(\.slot)).sorted()
  }

  /// Copies this iteration's values of the recorded slots into row `row` of a block laid out
  /// like `ResultStore.write(block:first:count:)` expects.
  @inline(__always)
  func copy(_ values: [Double], into block: inout [Double], row: Int) {
    for (column, slot) in slots.enumerated() {
      block[row * slots.count + column] = values[slot]
    }
  }
}
