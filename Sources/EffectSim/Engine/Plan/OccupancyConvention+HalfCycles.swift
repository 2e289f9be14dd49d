extension OccupancyConvention {
  /// How one person-cycle is counted, in half-cycles: in the state held at the cycle's start,
  /// and in the state after the cycle's transition. `start` (2, 0), `end` (0, 2), `average`
  /// (1, 1); the two always sum to 2, so counts stay integers and a kernel that counts whole
  /// stretches at the start can shift `end` half-cycles to the state it ends a stretch in.
  ///
  /// The one encoding of the convention every kernel reads (the expected trace multiplies by
  /// ½ per half-cycle).
  var halfCycles: (start: Int, end: Int) {
    switch self {
    case .start: (2, 0)
    case .end: (0, 2)
    case .average: (1, 1)
    }
  }
}
