/// Typed option values. Each returns `nil` when the option is absent and throws a
/// `UsageError` naming the option and the text when the value does not fit.
extension ParsedArguments {
  /// The value of `--name` as an integer in `range`.
  ///
  /// Errors read `--iterations expects a positive integer up to 100000000, got 'ten'`.
  /// - Parameters:
  ///   - name: the option's long name.
  ///   - range: the accepted values; any `Int` by default.
  /// - Complexity: O(*n*) in the length of the value.
  public func int(
    _ name: String, in range: ClosedRange<Int> = Int.min...Int.max
  ) throws(UsageError) -> Int? {
    guard let text = value(name) else { return nil }
    guard let number = Int(text), range.contains(number) else {
      throw mismatch(name, expected: Self.describe(range), got: text)
    }
    return number
  }

  /// The value of `--name` as an unsigned 64-bit integer, e.g. a seed.
  /// - Complexity: O(*n*) in the length of the value.
  public func uint64(_ name: String) throws(UsageError) -> UInt64? {
    guard let text = value(name) else { return nil }
    guard let number = UInt64(text) else {
      throw mismatch(
        name, expected: "a non-negative integer up to \(UInt64.max)", got: text)
    }
    return number
  }

  /// The value of `--name` as a finite number in `range`.
  /// - Parameters:
  ///   - name: the option's long name.
  ///   - range: the accepted values; any finite number by default.
  /// - Complexity: O(*n*) in the length of the value.
  public func double(
    _ name: String,
    in range: ClosedRange<Double> = -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude
  ) throws(UsageError) -> Double? {
    guard let text = value(name) else { return nil }
    guard let number = Self.finite(text), range.contains(number) else {
      throw mismatch(name, expected: Self.describe(range), got: text)
    }
    return number
  }

  /// The value of `--name` as a comma-separated list of finite numbers, e.g. `5,50,95`.
  ///
  /// Spaces around the numbers are allowed; empty items are not.
  /// - Parameters:
  ///   - name: the option's long name.
  ///   - range: the accepted values for every item; any finite number by default.
  /// - Complexity: O(*n*) in the length of the value.
  public func doubleList(
    _ name: String,
    in range: ClosedRange<Double> = -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude
  ) throws(UsageError) -> [Double]? {
    guard let text = value(name) else { return nil }
    var numbers: [Double] = []
    for item in text.split(separator: ",", omittingEmptySubsequences: false) {
      let trimmed = item.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()
      let itemText = String(trimmed)
      guard let number = Self.finite(itemText), range.contains(number) else {
        var expected = "a comma-separated list of numbers"
        if range != Self.finiteRange {
          expected += " " + Self.describe(range).replacing("a number ", with: "")
        }
        let problem = itemText.isEmpty ? "an empty item" : "'\(itemText)'"
        throw UsageError(
          message: "\(OptionSpec.dashed(name)) expects \(expected), got '\(text)' (\(problem))",
          usage: usage)
      }
      numbers.append(number)
    }
    return numbers
  }

  private static let finiteRange =
    -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude

  private func mismatch(_ name: String, expected: String, got text: String) -> UsageError {
    UsageError(
      message: "\(OptionSpec.dashed(name)) expects \(expected), got '\(text)'", usage: usage)
  }

  /// Rejects `nan` and `inf`, which `Double.init` would accept.
  private static func finite(_ text: String) -> Double? {
    guard let number = Double(text), number.isFinite else { return nil }
    return number
  }

  /// `a positive integer`, `a non-negative integer up to 9`, `an integer from -3 to 3`.
  static func describe(_ range: ClosedRange<Int>) -> String {
    let upper = range.upperBound == Int.max ? "" : " up to \(range.upperBound)"
    switch range.lowerBound {
    case Int.min: return range.upperBound == Int.max ? "an integer" : "an integer\(upper)"
    case 0: return "a non-negative integer\(upper)"
    case 1: return "a positive integer\(upper)"
    default:
      return range.upperBound == Int.max
        ? "an integer of at least \(range.lowerBound)"
        : "an integer from \(range.lowerBound) to \(range.upperBound)"
    }
  }

  /// `a number`, `a number from 0 to 100`, `a number of at least 0`, `a number up to 1`.
  static func describe(_ range: ClosedRange<Double>) -> String {
    let lower = range.lowerBound > -Double.greatestFiniteMagnitude
    let upper = range.upperBound < Double.greatestFiniteMagnitude
    switch (lower, upper) {
    case (true, true):
      return "a number from \(plain(range.lowerBound)) to \(plain(range.upperBound))"
    case (true, false): return "a number of at least \(plain(range.lowerBound))"
    case (false, true): return "a number up to \(plain(range.upperBound))"
    case (false, false): return "a number"
    }
  }

  /// `100` rather than `100.0` for whole numbers.
  private static func plain(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
  }
}
