/// Where an amount sits: one cell per (arm, year, target), a target being a budget area or,
/// after the areas, an outcome.
///
/// ```
/// index = (arm · years + year) · targets + target
/// ```
/// `Tally.personAmounts`, the accounting's amounts and `PersonChargeCell.amount` use it.
struct AmountCells: Sendable, Equatable {
  let years: Int
  let targets: Int

  var count: Int { 2 * years * targets }

  @inline(__always)
  func index(arm: Int, year: Int, target: Int) -> Int { (arm * years + year) * targets + target }
}
