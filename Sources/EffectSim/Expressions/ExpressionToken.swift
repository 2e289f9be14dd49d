/// A lexeme of the expression language with its position in the source.
struct ExpressionToken: Sendable, Equatable {
  enum Kind: Sendable, Equatable {
    case number(Double)
    case name(String)
    case plus
    case minus
    case star
    case slash
    case caret
    case leftParenthesis
    case rightParenthesis
    case comma
    case end
  }

  var kind: Kind
  /// The text as written, for "found …" in error messages.
  var text: String
  /// The offset of the first character, counted in `Character`s from the start of the source.
  var offset: Int

  /// How error messages name this token: `'b'`, `'+'`, `number 12`, "the end of the expression".
  var quoted: String {
    switch kind {
    case .end: "the end of the expression"
    case .number: "number \(text)"
    default: "'\(text)'"
    }
  }
}
