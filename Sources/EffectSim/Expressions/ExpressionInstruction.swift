/// One step of a compiled expression: a stack machine over `Double`s.
///
/// Operands are pushed, operators pop their inputs and push one result. A flat array of these
/// runs with one `switch` per step, no recursion and no allocation.
enum ExpressionInstruction: Sendable, Equatable {
  case constant(Double)
  /// Pushes the parameter value at this slot.
  case load(Int)
  case negate
  case add
  case subtract
  case multiply
  case divide
  case power
  /// Pops `arguments` values (the first argument deepest) and pushes the function's value.
  /// `perCycle` arrives here with `cyclesPerYear` pushed as its second argument.
  case call(ExpressionFunction, arguments: Int)

  /// How many values the instruction pops.
  var inputs: Int {
    switch self {
    case .constant, .load: 0
    case .negate: 1
    case .add, .subtract, .multiply, .divide, .power: 2
    case .call(_, let arguments): arguments
    }
  }
}
