/// An expression bound to parameter slots: a flat postfix program ready to evaluate.
///
/// Evaluation runs once per iteration, and once per person for person-scope parameters, so it
/// is a single loop over an array of instructions with the value stack in a temporary
/// allocation sized at compile time: no recursion, no heap allocation, no existentials.
public struct CompiledExpression: Sendable {
  /// The expression text, quoted in run errors.
  public let source: String
  /// The program in postfix order, constant-folded.
  let code: [ExpressionInstruction]
  /// The deepest the value stack gets while running `code`.
  let stackDepth: Int
  /// One more than the largest slot read: the fewest values `evaluate` must be given.
  let requiredValues: Int
  /// Non-nil when the expression references no slot after folding, e.g. `"2000000 * 0.5"`.
  ///
  /// Nil also for a slot-free expression that cannot be folded because evaluating it fails
  /// (`"1/0"`); `evaluate` then reports that failure.
  public let constantValue: Double?
  /// Slots read by this program, each once, in order of first use.
  public let slots: [Int]

  init(source: String, code: [ExpressionInstruction]) {
    self.source = source
    self.code = code
    var depth = 0
    var deepest = 0
    var slots: [Int] = []
    var seen: Set<Int> = []
    for instruction in code {
      if case .load(let slot) = instruction, seen.insert(slot).inserted { slots.append(slot) }
      depth += 1 - instruction.inputs
      deepest = max(deepest, depth)
    }
    self.stackDepth = max(deepest, 1)
    self.slots = slots
    self.requiredValues = (slots.max() ?? -1) + 1
    if code.count == 1, case .constant(let value) = code[0], value.isFinite {
      constantValue = value
    } else {
      constantValue = nil
    }
  }

  /// Evaluates against parameter values indexed by slot. Never traps.
  /// - Parameter values: parameter values by slot; must cover every slot in `slots`.
  /// - Returns: the value, always finite.
  /// - Throws: `EvaluationError` of kind `.divisionByZero` for a divisor of exactly zero,
  ///   `.logOfNonPositive(x)` for `ln(x)` with x ≤ 0, and `.nonFinite` when any intermediate or
  ///   final value (or a parameter value read) is infinite or NaN. A buffer too short for the
  ///   slots read is also reported as `.nonFinite` rather than read out of bounds.
  /// - Complexity: O(*n*) in the number of instructions; no allocation.
  public func evaluate(_ values: UnsafeBufferPointer<Double>) throws(EvaluationError) -> Double {
    if let constantValue { return constantValue }
    guard values.count >= requiredValues else {
      throw EvaluationError(kind: .nonFinite, source: source)
    }
    var failure: EvaluationError.Kind?
    let result = withUnsafeTemporaryAllocation(of: Double.self, capacity: stackDepth) { stack in
      code.withUnsafeBufferPointer { program -> Double in
        var top = 0
        for instruction in program {
          if let kind = instruction.execute(on: stack, top: &top, values: values) {
            failure = kind
            return .nan
          }
          guard stack[top - 1].isFinite else {
            failure = .nonFinite
            return .nan
          }
        }
        return stack[0]
      }
    }
    if let failure { throw EvaluationError(kind: failure, source: source) }
    return result
  }

  /// Evaluates against parameter values indexed by slot. Never traps.
  ///
  /// Convenience over `evaluate(_:)` taking a buffer; see there for errors.
  public func evaluate(_ values: [Double]) throws(EvaluationError) -> Double {
    if let constantValue { return constantValue }
    return try values.withUnsafeBufferPointer { buffer throws(EvaluationError) in
      try evaluate(buffer)
    }
  }
}
