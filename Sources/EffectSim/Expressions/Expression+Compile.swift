extension Expression {
  /// Binds names to slots and flattens to a postfix program, constant-folding where all inputs
  /// are constants.
  ///
  /// Folding runs the same instruction code as evaluation, so `"2000000 * 0.5"` becomes one
  /// constant with the value evaluation would give. A constant subexpression that would fail
  /// (`1/0`, `ln(0)`, `exp(1000)`) is left unfolded: compiling only reports what is wrong with
  /// the text, and evaluation reports the run error with its usual message.
  /// - Parameters:
  ///   - slots: parameter name → index into the values passed to `evaluate`. Negative indices
  ///     are treated as absent. A `cyclesPerYear` key is ignored: the constant wins, as names
  ///     may not shadow it.
  ///   - cyclesPerYear: the value of `cyclesPerYear` and of the divisor in `perCycle`
  ///     (12 for monthly cycles, 1 for yearly ones).
  /// - Throws: `ExpressionError` of kind `.unknownName` for the first name, in source order,
  ///   that is not in `slots`, with the closest known name as a suggestion.
  /// - Complexity: O(*n*) in the number of terms (plus the suggestion search on failure).
  public func compile(
    slots: [String: Int], cyclesPerYear: Double
  ) throws(ExpressionError) -> CompiledExpression {
    var code: [ExpressionInstruction] = []
    code.reserveCapacity(terms.count + 1)
    // Mirrors the run-time stack: the known value of each entry, or nil when it depends on a
    // slot. A constant entry is always exactly one `.constant` instruction at the end of `code`,
    // because operands are contiguous in postfix order.
    var known: [Double?] = []

    func emit(_ instruction: ExpressionInstruction) {
      let count = instruction.inputs
      let inputs = known.suffix(count)
      if case .load = instruction {
        code.append(instruction)
        known.append(nil)
      } else if inputs.allSatisfy({ $0 != nil }), let value = Self.fold(instruction, inputs) {
        code.removeLast(count)
        known.removeLast(count)
        code.append(.constant(value))
        known.append(value)
      } else {
        code.append(instruction)
        known.removeLast(count)
        known.append(nil)
      }
    }

    for term in terms {
      switch term {
      case .number(let value):
        emit(.constant(value))
      case .name(let name, _):
        if name == Self.cyclesPerYearName {
          emit(.constant(cyclesPerYear))
        } else if let slot = slots[name], slot >= 0 {
          emit(.load(slot))
        } else {
          throw unknownName(name, slots: slots)
        }
      case .negate: emit(.negate)
      case .add: emit(.add)
      case .subtract: emit(.subtract)
      case .multiply: emit(.multiply)
      case .divide: emit(.divide)
      case .power: emit(.power)
      case .call(.perCycle, _):
        emit(.constant(cyclesPerYear))
        emit(.call(.perCycle, arguments: 2))
      case .call(let function, let arguments):
        emit(.call(function, arguments: arguments))
      }
    }
    return CompiledExpression(source: source, code: code)
  }

  /// Runs one instruction on constant inputs; nil when the result would be a run error.
  private static func fold(
    _ instruction: ExpressionInstruction, _ inputs: ArraySlice<Double?>
  ) -> Double? {
    var stack = inputs.map { $0 ?? .nan } + [0]
    var top = inputs.count
    let failure = stack.withUnsafeMutableBufferPointer { buffer in
      instruction.execute(on: buffer, top: &top, values: UnsafeBufferPointer(start: nil, count: 0))
    }
    guard failure == nil, top == 1, stack[0].isFinite else { return nil }
    return stack[0]
  }

  private func unknownName(_ name: String, slots: [String: Int]) -> ExpressionError {
    // Declaration (slot) order makes the suggestion independent of dictionary order.
    let known = slots.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.map(\.key)
    let suggestion = Suggestion.closest(to: name, among: known + [Self.cyclesPerYearName])
    return ExpressionError(kind: .unknownName(name, suggestion: suggestion), source: source)
  }
}
