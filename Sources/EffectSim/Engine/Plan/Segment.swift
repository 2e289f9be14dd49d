/// A stretch of cycles since entry in which nothing a kernel must check changes: the calendar
/// year, the transition window class, the charge window class; an `occupancyAt` cycle, if
/// any, is the first cycle of the stretch.
///
/// Built once per run by `KernelPlan` for every entry cycle, so a kernel's cycle loop checks
/// no boundary. Trivial (eight `Int32`s): an array of segments is one flat block of memory.
struct Segment: Sendable, Equatable {
  /// The first cycle since entry, and one past the last.
  let from: Int32
  let to: Int32
  /// The calendar year index of these cycles.
  let year: Int32
  let transitionClass: Int32
  let chargeClass: Int32
  /// The `occupancyAt` index that reads the state held at `from`, or −1.
  let marker: Int32
  /// Each arm's count cell of state 0 in this year and charge class (`CountCells.base`), found
  /// once per run: a person's segment then costs two loads, not the index arithmetic
  /// (callgrind: 24 M of kk-ips-expansion-2020's 454 M instructions in 200 iterations).
  let cellsI: Int32
  let cellsC: Int32

  init(
    from: Int32, to: Int32, year: Int32, transitionClass: Int32, chargeClass: Int32,
    marker: Int32, cells: CountCells
  ) {
    self.from = from
    self.to = to
    self.year = year
    self.transitionClass = transitionClass
    self.chargeClass = chargeClass
    self.marker = marker
    cellsI = Int32(cells.base(arm: 0, year: Int(year), chargeClass: Int(chargeClass)))
    cellsC = Int32(cells.base(arm: 1, year: Int(year), chargeClass: Int(chargeClass)))
  }

  var cycles: Range<Int> { Int(from)..<Int(to) }
}
