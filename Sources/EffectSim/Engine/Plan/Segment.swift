/// A stretch of cycles since entry in which nothing a kernel must check changes: the calendar
/// year, the transition window class, the charge window class; an `occupancyAt` cycle, if
/// any, is the first cycle of the stretch.
///
/// Built once per run by `KernelPlan` for every entry cycle, so a kernel's cycle loop checks
/// no boundary. Trivial (six `Int32`s): an array of segments is one flat block of memory.
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

  var cycles: Range<Int> { Int(from)..<Int(to) }
}
