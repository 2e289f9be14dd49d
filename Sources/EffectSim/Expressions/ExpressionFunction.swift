/// The functions an expression may call, spelt as in the scenario format.
///
/// The set is closed on purpose: an expression never runs code, so every name here has a fixed
/// arity that the parser checks before anything is evaluated.
enum ExpressionFunction: String, CaseIterable, Sendable, Hashable {
  case minimum = "min"
  case maximum = "max"
  case absolute = "abs"
  case exponential = "exp"
  case naturalLogarithm = "ln"
  case squareRoot = "sqrt"
  case clamp
  /// `reach(share, n)` = 1 − (1 − share)^(1/n).
  case reach
  /// `perCycle(p)` = 1 − (1 − p)^(1/cyclesPerYear); compiled with `cyclesPerYear` as a second,
  /// constant argument so that it runs exactly like `reach`.
  case perCycle

  /// The fewest arguments the function accepts in source.
  var minimumArity: Int {
    switch self {
    case .minimum, .maximum, .reach: 2
    case .absolute, .exponential, .naturalLogarithm, .squareRoot, .perCycle: 1
    case .clamp: 3
    }
  }

  /// Whether the function accepts any number of arguments from `minimumArity` up.
  var isVariadic: Bool { self == .minimum || self == .maximum }

  /// The accepted argument count as error messages state it: "1", "3", "2 or more".
  var expectedArity: String {
    isVariadic ? "\(minimumArity) or more" : "\(minimumArity)"
  }

  /// Whether `count` arguments in source are acceptable.
  func accepts(_ count: Int) -> Bool {
    isVariadic ? count >= minimumArity : count == minimumArity
  }
}
