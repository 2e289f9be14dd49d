extension IndividualKernel {
  /// What the stretch-counting kernel tells about a person's time in a state, once per
  /// stretch: the refusion staircase hears it, a scenario without the staircase ignores it.
  ///
  /// A *stretch* is the half-cycles one arm spends in one state within one segment, in the
  /// order they happen: counted in the state the occupancy convention names (the `start`
  /// timeline shifted by `weightEnd` halves), so that the first stretch of a segment has
  /// `weightEnd` halves fewer than its cycles and the last `weightEnd` more. The clock sees
  /// exactly the halves, states and order the tracked path (`TrackedPath`) records cycle by
  /// cycle.
  protocol StretchClocks {
    /// `halves` half-cycles (possibly 0) of `arm` in `state`, counted in count cell `cell`.
    mutating func close(arm: Int, state: Int, cell: Int, halves: Int)
  }

  /// No staircase: stretches change nothing but the counts.
  struct NoClocks: StretchClocks {
    @inline(__always)
    mutating func close(arm: Int, state: Int, cell: Int, halves: Int) {}
  }

  /// Both arms' refusion clocks of one person (`RefusionClock`): each stretch in a covered
  /// state adds the municipal shares of its halves to its count cell's entry in `shares`.
  struct StaircaseClocks: StretchClocks {
    private var intervention: RefusionClock
    private var control: RefusionClock
    private let rule: RefusionClock.Rule
    /// What time in each state does to the clock.
    private let kinds: UnsafeBufferPointer<RefusionClock.Kind>
    /// Per count cell (in the kernel's count blocks): the shares of its covered halves.
    private let shares: UnsafeMutableBufferPointer<Double>

    /// Both arms at `entry`, as a person enters.
    init(
      entry: RefusionClock, rule: RefusionClock.Rule,
      kinds: UnsafeBufferPointer<RefusionClock.Kind>, shares: UnsafeMutableBufferPointer<Double>
    ) {
      intervention = entry
      control = entry
      self.rule = rule
      self.kinds = kinds
      self.shares = shares
    }

    @inline(__always)
    mutating func close(arm: Int, state: Int, cell: Int, halves: Int) {
      let share =
        arm == 0
        ? intervention.advance(kinds[state], halves: halves, rule)
        : control.advance(kinds[state], halves: halves, rule)
      if share != 0 { shares[cell] += share }
    }
  }
}
