/// Splits expression source into tokens.
///
/// Offsets count `Character`s so that they match what a reader sees in an editor, including in
/// sources with non-ASCII text (Danish labels end up in names more often than one would think).
enum ExpressionLexer {
  /// Tokenises `source`, ending with an `.end` token.
  /// - Throws: `ExpressionError` of kind `.syntax` for an unexpected character or a malformed
  ///   number (`1e`, `1.`, a literal too large for `Double`).
  /// - Complexity: O(*n*) in the length of the source.
  static func tokens(of source: String) throws(ExpressionError) -> [ExpressionToken] {
    let characters = Array(source)
    var tokens: [ExpressionToken] = []
    var index = 0

    func fail(_ message: String, at offset: Int) -> ExpressionError {
      ExpressionError(kind: .syntax(message: message, offset: offset), source: source)
    }

    while index < characters.count {
      let character = characters[index]
      let start = index
      if character.isWhitespace {
        index += 1
        continue
      }
      if isDigit(character) || character == "." {
        let end = try numberEnd(characters, from: start, source: source)
        let text = String(characters[start..<end])
        // Double(String) is the single authority on the value; the scan above only decides
        // where the lexeme ends, so the two cannot disagree about what a number is.
        guard let value = Double(text) else {
          throw fail("invalid number '\(text)'", at: start)
        }
        guard value.isFinite else {
          throw fail("the number \(text) is too large", at: start)
        }
        tokens.append(ExpressionToken(kind: .number(value), text: text, offset: start))
        index = end
        continue
      }
      if isNameStart(character) {
        var end = start + 1
        while end < characters.count, isNameStart(characters[end]) || isDigit(characters[end]) {
          end += 1
        }
        let text = String(characters[start..<end])
        tokens.append(ExpressionToken(kind: .name(text), text: text, offset: start))
        index = end
        continue
      }
      let kind: ExpressionToken.Kind
      switch character {
      case "+": kind = .plus
      case "-": kind = .minus
      case "*": kind = .star
      case "/": kind = .slash
      case "^": kind = .caret
      case "(": kind = .leftParenthesis
      case ")": kind = .rightParenthesis
      case ",": kind = .comma
      case "−": throw fail("unexpected character '−' (write '-' for minus)", at: start)
      default: throw fail("unexpected character '\(character)'", at: start)
      }
      tokens.append(ExpressionToken(kind: kind, text: String(character), offset: start))
      index += 1
    }
    tokens.append(ExpressionToken(kind: .end, text: "", offset: characters.count))
    return tokens
  }

  /// Scans `digits [. digits] [(e|E) [+|-] digits]`, or `. digits`, and returns its end.
  ///
  /// A dot or an exponent marker must be followed by digits: `1.` and `1e` are errors rather
  /// than silently meaning `1`, because they are almost always a truncated paste.
  private static func numberEnd(
    _ characters: [Character], from start: Int, source: String
  ) throws(ExpressionError) -> Int {
    func digits(from index: Int) -> Int {
      var end = index
      while end < characters.count, isDigit(characters[end]) { end += 1 }
      return end
    }
    func fail(_ message: String, at offset: Int) -> ExpressionError {
      ExpressionError(kind: .syntax(message: message, offset: offset), source: source)
    }
    var end = digits(from: start)
    if end < characters.count, characters[end] == "." {
      let fractionEnd = digits(from: end + 1)
      guard fractionEnd > end + 1 else {
        throw fail("expected a digit after '.'", at: end + 1)
      }
      end = fractionEnd
    }
    if end < characters.count, characters[end] == "e" || characters[end] == "E" {
      var exponentStart = end + 1
      if exponentStart < characters.count,
        characters[exponentStart] == "+" || characters[exponentStart] == "-"
      {
        exponentStart += 1
      }
      let exponentEnd = digits(from: exponentStart)
      guard exponentEnd > exponentStart else {
        throw fail("expected a digit in the exponent of a number", at: exponentStart)
      }
      end = exponentEnd
    }
    return end
  }

  private static func isDigit(_ character: Character) -> Bool {
    character.isASCII && character.isNumber
  }

  private static func isNameStart(_ character: Character) -> Bool {
    character.isASCII && (character.isLetter || character == "_")
  }
}
