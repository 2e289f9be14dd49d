/// How the individual kernel simulates one person and what it records beyond the counts.
///
/// The kernel's loop over persons is generic over this protocol and specialised per path, so
/// choosing the path costs nothing inside the loop: `StretchPath` is the fast path of
/// stretch-counted occupancy, `TrackedPath` the per-cycle path of the refusion staircase and
/// amounts on transitions.
protocol PersonPath {
  /// Clears what the path sums over an iteration.
  mutating func reset()
  /// The person's own numbers, once their person-scope parameters are drawn.
  mutating func preparePerson(
    _ model: Model, _ tables: inout IterationTables, iteration: Int
  ) throws(RunError)
  /// One person through their segments, counting into the kernel's `scratch`.
  mutating func simulate(
    from initial: (Int, Int), entryWeeks: Double, segments: UnsafeBufferPointer<Int32>,
    range: Range<Int>, layout: IndividualKernel.Layout, coupled: Bool,
    fast: UnsafeBufferPointer<UInt64>, scratch: UnsafeMutableBufferPointer<Int>,
    rng: inout Xoshiro256PlusPlus
  )
  /// Prices the person just simulated on what only the path recorded.
  func pricePerson(_ tables: IterationTables, into tally: inout Tally)
  /// Hands the iteration's own sums to the tally.
  func finish(into tally: inout Tally)
}

/// The individual kernel's fast path: occupancy counted as state stretches, nothing else.
struct StretchPath: PersonPath {
  @inline(__always) mutating func reset() {}

  @inline(__always)
  mutating func preparePerson(
    _ model: Model, _ tables: inout IterationTables, iteration: Int
  ) throws(RunError) {}

  @inline(__always)
  mutating func simulate(
    from initial: (Int, Int), entryWeeks: Double, segments: UnsafeBufferPointer<Int32>,
    range: Range<Int>, layout: IndividualKernel.Layout, coupled: Bool,
    fast: UnsafeBufferPointer<UInt64>, scratch: UnsafeMutableBufferPointer<Int>,
    rng: inout Xoshiro256PlusPlus
  ) {
    IndividualKernel.simulate(
      from: initial, segments: segments, range: range, layout: layout, coupled: coupled,
      fast: fast, scratch: scratch, rng: &rng)
  }

  @inline(__always) func pricePerson(_ tables: IterationTables, into tally: inout Tally) {}
  @inline(__always) func finish(into tally: inout Tally) {}
}
