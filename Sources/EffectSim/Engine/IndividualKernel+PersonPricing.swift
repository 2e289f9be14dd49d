extension IndividualKernel {
  /// What the hot loop tells about the count cells it adds to: nothing on the paths that
  /// price no charge per person (`NoWatch`, which the optimiser removes), the cells a person
  /// occupied on the per-person path (`PersonWatch`).
  protocol CellWatch {
    /// Called before the kernel adds to `cell` of `counts`.
    mutating func willAdd(to cell: Int, in counts: UnsafeMutableBufferPointer<Int>)
  }

  /// Watches nothing.
  struct NoWatch: CellWatch {
    @inline(__always)
    mutating func willAdd(to cell: Int, in counts: UnsafeMutableBufferPointer<Int>) {}
  }

  /// The count cells one person adds to, each listed once, with its count before the person.
  ///
  /// A person adds to a cell when a stretch of theirs in a state ends (a move, or the end of a
  /// segment), so the list grows by at most two cells per segment and one per move — the
  /// walk the kernel does anyway. The `end` and `average` shift of a segment adds to the cells
  /// of its first and last state, which the stretches ending there have listed already.
  struct PersonWatch: CellWatch {
    /// `| stamp: cells | before: cells | touched: cells |` — the person who last added to each
    /// cell, each cell's count before that person, and the cells listed.
    let storage: UnsafeMutableBufferPointer<Int>
    let cells: Int
    let person: Int
    var count = 0

    @inline(__always)
    mutating func willAdd(to cell: Int, in counts: UnsafeMutableBufferPointer<Int>) {
      guard storage[cell] != person else { return }
      storage[cell] = person
      storage[cells + cell] = counts[cell]
      storage[2 * cells + count] = cell
      count += 1
    }
  }

  /// Prices the person-dependent charges of one person from the cells they occupied: cost
  /// O(cells occupied + (cell, charge) pairs priced), independent of how many years, windows
  /// and charges there are.
  ///
  /// The amounts are added in the order of `KernelPlan.personCells` (charge, arm, year, charge
  /// class), cells whose count did not change skipped — the order of a pass over every priced
  /// cell, so every amount is the same to the last bit. Terms are put in that order by marking
  /// them in a bit set and reading its set bits in order.
  struct PersonPricing {
    private let personCells: [PersonChargeCell]
    /// Per count cell, `termStart[cell] ..< termStart[cell + 1]` in `terms`: the indices into
    /// `personCells` of the terms that price the cell, ascending.
    private let termStart: [Int]
    private let terms: [Int]
    /// `PersonWatch` storage.
    private var watch: [Int]
    private var watched = 0
    /// Per term: the person's change of its cell's count; valid where its bit in `marks` is set.
    private var change: [Int]
    private var marks: [UInt64]
    private let cells: Int

    init(plan: KernelPlan) {
      personCells = plan.personCells
      cells = plan.cells.count
      var lists = [[Int]](repeating: [], count: cells)
      for (t, term) in plan.personCells.enumerated() { lists[term.cell].append(t) }
      var start = [0]
      for list in lists { start.append(start[start.count - 1] + list.count) }
      termStart = start
      terms = lists.flatMap { $0 }
      watch = [Int](repeating: -1, count: 3 * cells)
      change = [Int](repeating: 0, count: personCells.count)
      marks = [UInt64](repeating: 0, count: (personCells.count + 63) / 64)
    }

    /// Whether pricing the cells a person occupied is cheaper for `plan` than a pass over every
    /// cell its person charges price. Measured with callgrind (Benchmarks/README.md): the pass
    /// costs about 9 instructions per priced cell and person; listing and pricing the occupied
    /// cells about 35 per cell a person adds to — two per segment and one per move, about 2.5
    /// per segment. So the occupied cells win when the priced cells outnumber about 8 × the
    /// segments of a person: many person-dependent charges (areas), or many charge windows.
    static func prefersOccupiedCells(_ plan: KernelPlan) -> Bool {
      let segmentsPerPerson = Double(plan.segments.count) / Double(max(plan.horizon, 1))
      return Double(plan.personCells.count) > 8 * segmentsPerPerson
    }

    /// Forgets the last iteration's people (`PersonWatch` tells people apart by their index in
    /// the iteration).
    mutating func reset() {
      for i in 0..<cells { watch[i] = -1 }
      watched = 0
    }

    /// Runs `body` with a watch on the counts `person` adds to, for `price` to read.
    mutating func watching(person: Int, _ body: (inout PersonWatch) -> Void) {
      let cells = self.cells
      watched = watch.withUnsafeMutableBufferPointer { storage in
        var watch = PersonWatch(storage: storage, cells: cells, person: person)
        body(&watch)
        return watch.count
      }
    }

    /// Adds the last watched person's amounts at the charge rates `rates` (per model charge).
    mutating func price(counts: [Int], rates: [Double], into amounts: inout [Double]) {
      var lowWord = Int.max
      var highWord = -1
      for i in 0..<watched {
        let cell = watch[2 * cells + i]
        let delta = counts[cell] - watch[cells + cell]
        guard delta != 0 else { continue }
        for k in termStart[cell]..<termStart[cell + 1] {
          let t = terms[k]
          change[t] = delta
          marks[t >> 6] |= 1 << UInt64(t & 63)
          lowWord = min(lowWord, t >> 6)
          highWord = max(highWord, t >> 6)
        }
      }
      guard highWord >= 0 else { return }
      for word in lowWord...highWord {
        var bits = marks[word]
        marks[word] = 0
        while bits != 0 {
          let t = word << 6 | bits.trailingZeroBitCount
          bits &= bits - 1
          let term = personCells[t]
          amounts[term.amount] += Double(change[t]) * 0.5 * rates[term.charge]
        }
      }
    }
  }
}
