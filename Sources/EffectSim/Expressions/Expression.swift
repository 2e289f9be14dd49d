/// A parsed expression (syntax tree), not yet bound to parameter slots.
///
/// Parsing checks everything that does not depend on the scenario: syntax, function names and
/// argument counts. Names are resolved by `compile(slots:cyclesPerYear:)`, once the parameter
/// table is known. The tree is stored flat in postfix order (see `ExpressionTerm`), so nothing
/// after parsing recurses over it.
public struct Expression: Sendable, Hashable, CustomStringConvertible {
  /// The text as written in the scenario, quoted in every error message about it.
  public let source: String
  /// The syntax tree in postfix order.
  let terms: [ExpressionTerm]

  init(source: String, terms: [ExpressionTerm]) {
    self.source = source
    self.terms = terms
  }

  /// Parses an expression.
  /// - Parameter source: the expression text, e.g. `"reach(ipsJobShare, 18)"`.
  /// - Throws: `ExpressionError` of kind `.syntax` (with the character offset),
  ///   `.unknownFunction` or `.arity`. Unknown parameter names are reported by `compile`.
  /// - Complexity: O(*n*) in the length of the source.
  public static func parse(_ source: String) throws(ExpressionError) -> Expression {
    Expression(source: source, terms: try ExpressionParser.parse(source))
  }

  /// A literal number expression, for JSON numbers given where an expression is allowed.
  ///
  /// Its `source` is the number as Swift prints it, without a trailing `.0` for whole numbers,
  /// so messages read `"150"` rather than `"150.0"`.
  public static func constant(_ value: Double) -> Expression {
    let text: String
    if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
      text = String(Int64(value))
    } else {
      text = String(value)
    }
    return Expression(source: text, terms: [.number(value)])
  }

  /// Parameter names referenced, excluding function names and `cyclesPerYear`.
  ///
  /// Callers use this to order derived parameters and to reject dependencies that the
  /// scope rules forbid, before any slot is assigned.
  /// - Complexity: O(*n*) in the number of terms.
  public var referencedNames: Set<String> {
    var names: Set<String> = []
    for case .name(let name, _) in terms where name != Self.cyclesPerYearName {
      names.insert(name)
    }
    return names
  }

  /// The source text.
  public var description: String { source }

  /// The built-in constant: 12 for monthly cycles, 1 for yearly ones.
  static let cyclesPerYearName = "cyclesPerYear"
}
