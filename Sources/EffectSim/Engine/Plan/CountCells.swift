/// Where a kernel counts a person-cycle: one cell per (arm, year, state, charge class).
///
/// ```
/// index = ((arm · years + year) · states + state) · chargeClasses + chargeClass
///          └── arm-major ──┘   └── state ──┘     └── class fastest ──┘
/// ```
/// `Tally.occupancy` and every kernel's half-cycle counts use this layout, so a count cell
/// read by a charge (`KernelPlan.personCells`) is the same index everywhere. A kernel that
/// keeps several blocks of cells (the aggregated kernel, one per kind of person) puts block
/// `b` at `b · count`.
struct CountCells: Sendable, Equatable {
  let years: Int
  let states: Int
  let chargeClasses: Int

  /// Cells in one block: 2 arms × years × states × charge classes.
  var count: Int { 2 * years * states * chargeClasses }

  /// The distance between the cells of two consecutive states (same arm, year and class).
  var stateStride: Int { chargeClasses }

  @inline(__always)
  func index(arm: Int, year: Int, state: Int, chargeClass: Int) -> Int {
    ((arm * years + year) * states + state) * chargeClasses + chargeClass
  }

  /// The cell of state 0: add `state · stateStride` for another state. Hot loops fix arm,
  /// year and class once per stretch of cycles.
  @inline(__always)
  func base(arm: Int, year: Int, chargeClass: Int) -> Int {
    index(arm: arm, year: year, state: 0, chargeClass: chargeClass)
  }
}
