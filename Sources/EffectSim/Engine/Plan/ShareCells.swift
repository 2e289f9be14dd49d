/// Where a kernel counts the persons in a state at an `occupancyAt` cycle: one cell per
/// (`occupancyAt` index, arm, state).
///
/// ```
/// index = (c · 2 + arm) · states + state
/// ```
/// `Tally.atCycle` and every kernel's counts at the plan's markers use it
/// (`KernelPlan.copyShares`).
struct ShareCells: Sendable, Equatable {
  let states: Int

  @inline(__always)
  func index(_ c: Int, arm: Int, state: Int) -> Int { (c * 2 + arm) * states + state }
}
