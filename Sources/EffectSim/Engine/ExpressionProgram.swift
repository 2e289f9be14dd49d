/// Every expression an iteration evaluates, lowered into one flat program owned by a worker.
///
/// `CompiledExpression` and the model's structs that hold one (line items, intake, charges,
/// transitions, derived parameters) each carry arrays and strings, so copying one out of the
/// model retains and releases several objects — atomic operations that a profile on two
/// threads showed taking 20–45 % of a short run. Here every instruction sits in one array of
/// trivial values, each expression is a range of it, and the per-iteration loops read only
/// plain integers and doubles through unsafe buffers. Text (paths, sources) stays in the model
/// and is read only on the slow path that builds an error message.
struct ExpressionProgram: Sendable {
  /// Where one expression sits in `code`, and what it needs. Trivial: no references.
  struct Routine: Sendable {
    var start: Int
    var count: Int
    /// The finite value of a constant expression; evaluation returns it without running code.
    var constant: Double
    var isConstant: Bool
    /// One more than the largest slot read.
    var requiredValues: Int
  }

  private(set) var code: [ExpressionInstruction] = []
  private(set) var routines: [Routine] = []
  /// The deepest value stack of any routine.
  private(set) var stackDepth = 1

  /// Appends `expression` and returns its routine index.
  mutating func append(_ expression: CompiledExpression) -> Int {
    routines.append(
      Routine(
        start: code.count, count: expression.code.count,
        constant: expression.constantValue ?? 0, isConstant: expression.constantValue != nil,
        requiredValues: expression.requiredValues))
    code += expression.code
    stackDepth = max(stackDepth, expression.stackDepth)
    return routines.count - 1
  }

  /// Runs a routine exactly as `CompiledExpression.evaluate(_:)` runs the expression it came
  /// from — the same steps and checks, so the same bits.
  /// - Parameter stack: room for `stackDepth` values.
  /// - Returns: the value, or `nil` where `evaluate` would throw; the caller then evaluates
  ///   the model's own expression for the error message.
  @inline(__always)
  static func run(
    _ routine: Routine, code: UnsafeBufferPointer<ExpressionInstruction>,
    values: UnsafeBufferPointer<Double>, stack: UnsafeMutableBufferPointer<Double>
  ) -> Double? {
    if routine.isConstant { return routine.constant }
    guard values.count >= routine.requiredValues else { return nil }
    var top = 0
    for index in routine.start..<routine.start + routine.count {
      if code[index].execute(on: stack, top: &top, values: values) != nil { return nil }
      guard stack[top - 1].isFinite else { return nil }
    }
    return stack[0]
  }
}
