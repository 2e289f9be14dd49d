/// One element of a parsed expression, in postfix (reverse Polish) order.
///
/// A postfix sequence is a syntax tree written flat: each operator follows its operands. Keeping
/// the tree flat means compiling, hashing, comparing and freeing an expression never recurse, so
/// no input, however deeply nested, can exhaust the stack after parsing.
enum ExpressionTerm: Sendable, Hashable {
  /// A numeric literal (finite by construction of the lexer).
  case number(Double)
  /// A name to resolve at compile time, with its character offset for messages.
  case name(String, offset: Int)
  /// Unary minus.
  case negate
  case add
  case subtract
  case multiply
  case divide
  case power
  /// A call with its argument count as written (already checked against the function's arity).
  case call(ExpressionFunction, arguments: Int)
}
