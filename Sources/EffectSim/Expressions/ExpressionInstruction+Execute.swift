import Foundation

extension ExpressionInstruction {
  /// Executes the instruction on a value stack.
  ///
  /// Shared by the evaluator and by constant folding, so a folded constant is bit-for-bit the
  /// value the program would have computed at run time.
  /// - Parameters:
  ///   - stack: the value stack; the caller guarantees room for one more value and at least
  ///     `inputs` values below `top`.
  ///   - top: the number of values on the stack, updated in place.
  ///   - values: parameter values by slot; the caller guarantees every loaded slot is inside.
  /// - Returns: the failure, or `nil` on success. Only failures detected before the result is
  ///   stored are reported here; the caller checks the result for finiteness.
  @inline(__always)
  func execute(
    on stack: UnsafeMutableBufferPointer<Double>, top: inout Int,
    values: UnsafeBufferPointer<Double>
  ) -> EvaluationError.Kind? {
    switch self {
    case .constant(let value):
      stack[top] = value
      top += 1
    case .load(let slot):
      stack[top] = values[slot]
      top += 1
    case .negate:
      stack[top - 1] = -stack[top - 1]
    case .add:
      top -= 1
      stack[top - 1] += stack[top]
    case .subtract:
      top -= 1
      stack[top - 1] -= stack[top]
    case .multiply:
      top -= 1
      stack[top - 1] *= stack[top]
    case .divide:
      top -= 1
      let divisor = stack[top]
      if divisor == 0 { return .divisionByZero }
      stack[top - 1] /= divisor
    case .power:
      top -= 1
      stack[top - 1] = Foundation.pow(stack[top - 1], stack[top])
    case .call(let function, let arguments):
      let base = top - arguments
      let result: Double
      switch function {
      case .minimum:
        var smallest = stack[base]
        for index in (base + 1)..<top { smallest = Swift.min(smallest, stack[index]) }
        result = smallest
      case .maximum:
        var largest = stack[base]
        for index in (base + 1)..<top { largest = Swift.max(largest, stack[index]) }
        result = largest
      case .absolute:
        result = Swift.abs(stack[base])
      case .exponential:
        result = Foundation.exp(stack[base])
      case .naturalLogarithm:
        let x = stack[base]
        if x <= 0 { return .logOfNonPositive(x) }
        result = Foundation.log(x)
      case .squareRoot:
        result = stack[base].squareRoot()
      case .clamp:
        // With lo > hi the upper bound wins; the scenario author asked for a value ≤ hi last.
        result = Swift.min(Swift.max(stack[base], stack[base + 1]), stack[base + 2])
      case .reach, .perCycle:
        let n = stack[base + 1]
        if n == 0 { return .divisionByZero }
        result = Self.reach(stack[base], n)
      }
      stack[base] = result
      top = base + 1
    }
    return nil
  }

  /// 1 − (1 − share)^(1/n).
  ///
  /// For share < 1 this is computed as −expm1(log1p(−share) / n), which keeps full relative
  /// precision for the small shares and long horizons typical of monthly models (the direct
  /// form loses about log10(1/share) digits in `1 − share`). At share ≥ 1 the logarithm is
  /// undefined, so the direct form is used and gives the closed form's own value or NaN.
  @inline(__always)
  static func reach(_ share: Double, _ n: Double) -> Double {
    if share < 1 {
      return -Foundation.expm1(Foundation.log1p(-share) / n)
    }
    return 1 - Foundation.pow(1 - share, 1 / n)
  }
}
