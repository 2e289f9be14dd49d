extension JumpKernel {
  /// One table set of the jump kernel in one flat `[UInt64]`: the per-cycle kernel's tables
  /// (`IndividualKernel.FastTables`, read for moves, leaving thresholds and joint bounds), then
  /// per table its geometric wait, then per joint state the table whose wait it draws:
  ///
  /// ```
  /// | FastTables | waits T · 64 | guides T · 64 | joint classes · states · states | filled T |
  /// ```
  /// T = 2 · classes · states tables, numbered as `IterationTables.table(arm:transitionClass:
  /// state:)`. A table whose leaving threshold is B (probability q = B / 2^53 of drawing a
  /// move in a cycle) waits W cycles before the first cycle in which it draws one, with
  /// P(W = w) = q (1 − q)^w. Its wait row holds, for w in 0..<63, the largest 64-bit integer
  /// r for which a uniform r gives W ≤ w (`last(w)`: ⌈P(W ≤ w) · 2^64⌉ − 1), and 2^64 − 1 as
  /// a sentinel at w = 63 ("63 cycles or more": the wait is continued from there with a new
  /// draw, which memorylessness makes exact). Its guide row maps the top 6 bits of r to the
  /// first w its bucket can reach (Chen & Asau 1974's guide table), so a draw costs one
  /// lookup and on average about one compare.
  ///
  /// Under coupled pairing joint state (a, b) in class c waits for the larger of the two
  /// arms' leaving thresholds (`FastTables.bound`); `joint(c, a, b)` names the table holding
  /// that threshold, whose wait row is the joint state's. `filled(t)` is the leaving threshold
  /// table t's rows were last computed for: a row whose threshold did not change since the
  /// last iteration (a window without uncertain parameters) is not computed again.
  struct JumpTables {
    /// Longest wait drawn at once; a wait row has `cap + 1` entries (the sentinel last).
    static let cap = 63
    static let row = 64
    let fast: IndividualKernel.FastTables
    let tables: Int
    let states: Int
    let classes: Int
    let waitOffset: Int
    let guideOffset: Int
    let jointOffset: Int
    let filledOffset: Int
    /// Values of storage one table set needs.
    let count: Int

    init(model: Model) {
      fast = IndividualKernel.FastTables(model: model)
      states = model.stateCount
      classes = model.transitionClasses.count
      tables = 2 * classes * states
      waitOffset = fast.count
      guideOffset = waitOffset + tables * Self.row
      jointOffset = guideOffset + tables * Self.row
      filledOffset = jointOffset + classes * states * states
      count = filledOffset + tables
    }

    /// Fills `storage[start..<start + count]` from the iteration's (or a kind's) tables.
    /// - Parameter scratch: `fast.count` values of scratch, for the per-cycle tables.
    func load(
      _ tables: IterationTables, into storage: inout [UInt64], at start: Int,
      scratch: inout [UInt64]
    ) {
      fast.load(tables, into: &scratch)
      scratch.withUnsafeBufferPointer { buffer in
        storage.withUnsafeMutableBufferPointer { storage in
          for i in 0..<fast.count { storage[start + i] = buffer[i] }
          let handle = fast.handle(buffer)
          for t in 0..<self.tables {
            let leave = handle.leave(t)
            guard leave > 0, storage[start + filledOffset + t] != leave else { continue }
            Self.fillWait(
              leave: leave, storage: storage, wait: start + waitOffset + t * Self.row,
              guide: start + guideOffset + t * Self.row)
            storage[start + filledOffset + t] = leave
          }
          for c in 0..<classes {
            for a in 0..<states {
              for b in 0..<states {
                let i = handle.table(arm: 0, transitionClass: c, state: a)
                let j = handle.table(arm: 1, transitionClass: c, state: b)
                storage[start + jointOffset + (c * states + a) * states + b] =
                  UInt64(handle.leave(i) >= handle.leave(j) ? i : j)
              }
            }
          }
        }
      }
    }

    /// The wait row and guide row of a table whose leaving threshold is `leave` (> 0).
    ///
    /// P(W ≤ w) is summed as q Σ (1 − q)^i, all terms positive, so it keeps its relative
    /// accuracy for tiny q (1 − (1 − q)^(w+1) would cancel); 1 − q = (2^53 − B) / 2^53 is
    /// exact in a `Double`. The guide is filled in the same pass: bucket b starts its scan at
    /// the first w with last(w) ≥ b · 2^58.
    static func fillWait(
      leave: UInt64, storage: UnsafeMutableBufferPointer<UInt64>, wait: Int, guide: Int
    ) {
      let q = Double(leave) * 0x1p-53
      let stay = 1 - q
      var tail = 1.0
      var p = 0.0
      var bucket = 0
      for w in 0..<cap {
        p += q * tail
        tail *= stay
        let value = last(p)
        storage[wait + w] = value
        let top = Int(value >> 58)
        while bucket <= top {
          storage[guide + bucket] = UInt64(w)
          bucket += 1
        }
      }
      storage[wait + cap] = .max
      while bucket < row {
        storage[guide + bucket] = UInt64(cap)
        bucket += 1
      }
    }

    /// ⌈p · 2^64⌉ − 1, the largest 64-bit r with r / 2^64 < p; 2^64 − 1 for p ≥ 1.
    /// - Precondition: p ≥ 2^-53 (a threshold's probability), so p · 2^64 ≥ 2^11.
    @inline(__always)
    static func last(_ p: Double) -> UInt64 {
      let scaled = p * 0x1p64
      guard scaled < 0x1p64 else { return .max }
      // Signed conversions are single instructions; the unsigned ones are not.
      if scaled < 0x1p63 {
        let whole = Int64(scaled)
        return UInt64(Double(whole) == scaled ? whole - 1 : whole)
      }
      // At or above 2^63 every `Double` is a whole number, and the subtraction exact.
      return (UInt64(Int64(scaled - 0x1p63)) | (1 << 63)) - 1
    }

    /// A handle on one table set in `storage` (made inside `withUnsafeBufferPointer`; it must
    /// not escape).
    @inline(__always)
    func handle(_ storage: UnsafeBufferPointer<UInt64>) -> Handle {
      Handle(
        storage: storage, states: states, waitOffset: waitOffset, guideOffset: guideOffset,
        jointOffset: jointOffset)
    }

    /// Named reads of the geometric waits; flat fields, so they stay in registers.
    struct Handle {
      let storage: UnsafeBufferPointer<UInt64>
      let states: Int
      let waitOffset: Int
      let guideOffset: Int
      let jointOffset: Int

      /// The cycles table `table` waits before the first cycle in which it draws a move, for
      /// the uniform 64-bit `r`: 0..<63, or 63 for "63 or more".
      @inline(__always)
      func wait(_ table: Int, _ r: UInt64) -> Int {
        let row = waitOffset + table &* JumpTables.row
        var w = Int(storage[guideOffset + table &* JumpTables.row + Int(r >> 58)])
        // The sentinel 2^64 − 1 ends the scan.
        while r > storage[row + w] { w &+= 1 }
        return w
      }

      /// The table whose wait joint state (a, b) of class `transitionClass` draws.
      @inline(__always)
      func joint(_ transitionClass: Int, _ a: Int, _ b: Int) -> Int {
        Int(storage[jointOffset + (transitionClass * states + a) * states + b])
      }
    }
  }
}
