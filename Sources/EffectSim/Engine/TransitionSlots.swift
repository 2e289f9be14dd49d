/// Which transition each slot of the per-arm transition tables stands for.
///
/// `IterationTables.buildTransitions` gives every transition active in a window class one slot
/// of its (arm, class, state) table, in listing order, whatever its probability; so the map
/// from slot to transition is fixed by the model. Kernels that count moves per transition
/// (for amounts charged once per move) look it up here.
struct TransitionSlots: Sendable {
  /// Per (arm, class, state) table, `stride` slots each: the transition's index among both
  /// arms' transitions (arm 0's in listing order, then arm 1's), or −1 for an unused slot.
  let transition: [Int32]
  let stride: Int

  init(model: Model) {
    let classes = model.transitionClasses.count
    let states = model.stateCount
    stride = model.maxOutgoing
    var map = [Int32](repeating: -1, count: 2 * classes * states * stride)
    var used = [Int](repeating: 0, count: 2 * classes * states)
    var index = 0
    for arm in 0..<2 {
      for transition in model.transitions[arm] {
        for cls in 0..<classes where transition.active[cls] {
          let table = (arm * classes + cls) * states + transition.from
          map[table * stride + used[table]] = Int32(index)
          used[table] += 1
        }
        index += 1
      }
    }
    transition = map
  }

  /// The transition of slot `slot` of table `table` (index `(arm · classes + class) · states +
  /// state`).
  @inline(__always)
  func transition(table: Int, slot: Int) -> Int { Int(transition[table * stride + slot]) }
}
