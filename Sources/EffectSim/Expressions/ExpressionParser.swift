/// Recursive-descent parser that emits an expression in postfix order.
///
/// Grammar, loosest binding first:
///
///     sum      = product (("+" | "-") product)*
///     product  = unary (("*" | "/") unary)*
///     unary    = "-" unary | power
///     power    = primary ("^" unary)?
///     primary  = number | name | name "(" [sum ("," sum)*] ")" | "(" sum ")"
///
/// `^` binds tighter than unary minus (`-2^2` = −4), is right-associative (`2^3^2` = 512) and
/// takes a signed exponent (`2^-1` = 0.5) because its right operand is a `unary`. There is no
/// unary plus. Recursive descent emits postfix for free: each rule emits its operands before
/// its operator.
struct ExpressionParser {
  /// The deepest nesting of parentheses, unary minus and exponents accepted.
  ///
  /// Bounds the parser's recursion so that hostile or generated input reports an error instead
  /// of overflowing the stack; real scenarios nest a handful of levels.
  static let maximumDepth = 200

  /// The most arguments one function call takes (`min` and `max` take any number).
  ///
  /// Real scenarios pass a handful; the bound keeps generated input from building calls whose
  /// constant folding and evaluation stack grow without end.
  static let maximumArguments = 1_000

  private let source: String
  private let tokens: [ExpressionToken]
  private var position = 0
  private var depth = 0
  private var output: [ExpressionTerm] = []

  private init(source: String, tokens: [ExpressionToken]) {
    self.source = source
    self.tokens = tokens
  }

  /// Parses a whole expression.
  /// - Returns: the terms in postfix order.
  /// - Throws: `ExpressionError` of kind `.syntax`, `.unknownFunction` or `.arity`.
  static func parse(_ source: String) throws(ExpressionError) -> [ExpressionTerm] {
    var parser = ExpressionParser(
      source: source, tokens: try ExpressionLexer.tokens(of: source))
    try parser.parseSum()
    let next = parser.current
    switch next.kind {
    case .end:
      return parser.output
    case .rightParenthesis:
      throw parser.syntax("unmatched ')'", at: next)
    default:
      throw parser.syntax("expected an operator or the end but found \(next.quoted)", at: next)
    }
  }

  // MARK: - Rules

  private mutating func parseSum() throws(ExpressionError) {
    try parseProduct()
    while true {
      switch current.kind {
      case .plus:
        advance()
        try parseProduct()
        output.append(.add)
      case .minus:
        advance()
        try parseProduct()
        output.append(.subtract)
      default:
        return
      }
    }
  }

  private mutating func parseProduct() throws(ExpressionError) {
    try parseUnary()
    while true {
      switch current.kind {
      case .star:
        advance()
        try parseUnary()
        output.append(.multiply)
      case .slash:
        advance()
        try parseUnary()
        output.append(.divide)
      default:
        return
      }
    }
  }

  /// Every level of nesting passes through here, so this is where depth is counted.
  private mutating func parseUnary() throws(ExpressionError) {
    guard depth < Self.maximumDepth else {
      throw syntax("expression nested more than \(Self.maximumDepth) levels deep", at: current)
    }
    depth += 1
    defer { depth -= 1 }
    if current.kind == .minus {
      advance()
      try parseUnary()
      output.append(.negate)
    } else {
      try parsePower()
    }
  }

  private mutating func parsePower() throws(ExpressionError) {
    try parsePrimary()
    if current.kind == .caret {
      advance()
      try parseUnary()
      output.append(.power)
    }
  }

  private mutating func parsePrimary() throws(ExpressionError) {
    let token = current
    switch token.kind {
    case .number(let value):
      advance()
      output.append(.number(value))
    case .name(let name):
      advance()
      if current.kind == .leftParenthesis {
        try parseCall(name, at: token)
      } else if ExpressionFunction(rawValue: name) != nil {
        throw syntax("'\(name)' is a function and must be followed by '('", at: current)
      } else {
        output.append(.name(name, offset: token.offset))
      }
    case .leftParenthesis:
      advance()
      try parseSum()
      try expect(.rightParenthesis, "expected ')'")
    case .plus:
      throw syntax("unexpected '+': unary plus is not part of the grammar", at: token)
    default:
      throw syntax("expected a number, a name or '(' but found \(token.quoted)", at: token)
    }
  }

  /// Parses `( arguments )` after a function name and checks the name and the argument count.
  private mutating func parseCall(_ name: String, at nameToken: ExpressionToken)
    throws(ExpressionError)
  {
    guard let function = ExpressionFunction(rawValue: name) else {
      let known = ExpressionFunction.allCases.map(\.rawValue)
      throw ExpressionError(
        kind: .unknownFunction(name, suggestion: Suggestion.closest(to: name, among: known)),
        source: source)
    }
    advance()  // "("
    var count = 0
    if current.kind == .rightParenthesis {
      advance()
    } else {
      while true {
        try parseSum()
        count += 1
        guard count <= Self.maximumArguments else {
          throw syntax(
            "'\(name)' is given more than \(Self.maximumArguments) arguments", at: current)
        }
        if current.kind == .comma {
          advance()
        } else {
          try expect(.rightParenthesis, "expected ',' or ')'")
          break
        }
      }
    }
    guard function.accepts(count) else {
      throw ExpressionError(
        kind: .arity(function: name, expected: function.expectedArity, got: count),
        source: source)
    }
    output.append(.call(function, arguments: count))
  }

  // MARK: - Tokens

  /// The token under the cursor; the lexer always ends with `.end`, which is never consumed.
  private var current: ExpressionToken {
    tokens[min(position, tokens.count - 1)]
  }

  private mutating func advance() {
    if position < tokens.count - 1 { position += 1 }
  }

  private mutating func expect(_ kind: ExpressionToken.Kind, _ message: String)
    throws(ExpressionError)
  {
    guard current.kind == kind else {
      throw syntax("\(message) but found \(current.quoted)", at: current)
    }
    advance()
  }

  private func syntax(_ message: String, at token: ExpressionToken) -> ExpressionError {
    ExpressionError(kind: .syntax(message: message, offset: token.offset), source: source)
  }
}
