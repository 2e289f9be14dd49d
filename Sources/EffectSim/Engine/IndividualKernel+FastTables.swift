extension IndividualKernel {
  /// One iteration's transition tables as the hot loop reads them, in one flat `[UInt64]`:
  ///
  /// ```
  /// | thresholds   | destinations | counts | leave | bound                     |
  /// | T · stride   | T · stride   | T      | T     | classes · states · states |
  /// ```
  /// T = 2 · classes · states tables, numbered as `IterationTables.table(arm:transitionClass:
  /// state:)`. A table's j-th move is taken when a 53-bit uniform `x < threshold(t, j)` (the
  /// thresholds are cumulative); `leave(t)` is its last threshold (x below it: some move);
  /// `bound(c, a, b)` is the larger of the two arms' `leave` in joint state (a, b) during
  /// transition class c (x at or above it: both arms stay).
  ///
  /// The layout only: the kernel owns the storage (`[UInt64]` of `count` values) and reads it
  /// through a `Handle` made inside `withUnsafeBufferPointer`, as a plain array is borrowed in
  /// place where a struct holding one would be copied and retained per person.
  struct FastTables {
    let stride: Int
    let states: Int
    let classes: Int
    private let destinationOffset: Int
    private let countOffset: Int
    private let leaveOffset: Int
    private let boundOffset: Int
    /// Values of storage the layout needs.
    let count: Int

    init(model: Model) {
      stride = model.maxOutgoing
      states = model.stateCount
      classes = model.transitionClasses.count
      let tables = 2 * classes * states
      destinationOffset = tables * stride
      countOffset = 2 * tables * stride
      leaveOffset = countOffset + tables
      boundOffset = leaveOffset + tables
      count = boundOffset + classes * states * states
    }

    /// Copies the iteration's tables into `storage` and derives the leaving thresholds and
    /// their joint maxima.
    func load(_ tables: IterationTables, into storage: inout [UInt64]) {
      for t in 0..<(2 * classes * states) {
        let count = Int(tables.outgoingCount[t])
        storage[countOffset + t] = UInt64(count)
        storage[leaveOffset + t] = count > 0 ? tables.thresholds[t * stride + count - 1] : 0
        for j in 0..<count {
          storage[t * stride + j] = tables.thresholds[t * stride + j]
          storage[destinationOffset + t * stride + j] = UInt64(tables.destinations[t * stride + j])
        }
      }
      for c in 0..<classes {
        for a in 0..<states {
          for b in 0..<states {
            let intervention = tables.table(arm: 0, transitionClass: c, state: a)
            let control = tables.table(arm: 1, transitionClass: c, state: b)
            storage[boundOffset + (c * states + a) * states + b] = max(
              storage[leaveOffset + intervention], storage[leaveOffset + control])
          }
        }
      }
    }

    /// A handle on `storage`, which must hold tables in this layout and outlive the handle
    /// (make it inside `withUnsafeBufferPointer` and do not let it escape).
    @inline(__always)
    func handle(_ storage: UnsafeBufferPointer<UInt64>) -> Handle {
      Handle(
        storage: storage, stride: stride, states: states, classes: classes,
        destinationOffset: destinationOffset, countOffset: countOffset, leaveOffset: leaveOffset,
        boundOffset: boundOffset)
    }

    /// Named reads of the flat tables; passed by value, so its fields live in registers (the
    /// layout's numbers are copied in flat: a nested layout value measured 4 % more
    /// instructions under independent pairing).
    struct Handle {
      let storage: UnsafeBufferPointer<UInt64>
      let stride: Int
      let states: Int
      let classes: Int
      let destinationOffset: Int
      let countOffset: Int
      let leaveOffset: Int
      let boundOffset: Int

      /// The table of `state`'s moves in `arm` during `transitionClass` (as in
      /// `IterationTables`); the tables of one arm and class are consecutive by state.
      @inline(__always)
      func table(arm: Int, transitionClass: Int, state: Int) -> Int {
        (arm * classes + transitionClass) * states + state
      }

      @inline(__always)
      func leave(_ table: Int) -> UInt64 { storage[leaveOffset + table] }

      @inline(__always)
      func bound(_ transitionClass: Int, _ a: Int, _ b: Int) -> UInt64 {
        storage[boundOffset + (transitionClass * states + a) * states + b]
      }

      /// The destination of a person in `state`, whose table is `table`, drawing `x`: the
      /// first move whose threshold exceeds `x`, else staying.
      @inline(__always)
      func step(table: Int, from state: Int, x: UInt64) -> Int {
        let count = Int(storage[countOffset + table])
        let first = table * stride
        var j = 0
        while j < count {
          if x < storage[first + j] { return Int(storage[destinationOffset + first + j]) }
          j += 1
        }
        return state
      }
    }
  }
}
