extension IndividualKernel.FastTables.Handle {
  /// The slot of the move a person in `table` drawing `x` takes (the first whose cumulative
  /// threshold exceeds `x`), or −1 for staying: `step(table:from:x:)`'s decision, by slot, for
  /// paths that must know which transition was taken (`TransitionSlots`).
  @inline(__always)
  func slot(table: Int, x: UInt64) -> Int {
    let count = Int(storage[countOffset + table])
    let first = table * stride
    var j = 0
    while j < count {
      if x < storage[first + j] { return j }
      j += 1
    }
    return -1
  }

  /// The state slot `slot` of `table` leads to.
  @inline(__always)
  func destination(table: Int, slot: Int) -> Int {
    Int(storage[destinationOffset + table * stride + slot])
  }
}
