import EffectSim
import Foundation

/// Numbers as Danish business cases print them: "." between thousands, "," before decimals.
///
/// The human formats (table, markdown, html) follow the documents they stand beside
/// ("1.000 kr. 2018 p/l", "2.073", "-709"); the machine formats (json, csv) never use these
/// helpers and keep full precision with a decimal point.
public enum AmountFormatting {
  /// Shown for a value that is missing or not finite.
  public static let notAvailable = "n/a"

  /// How a negative number is signed.
  ///
  /// The text table keeps the ASCII hyphen, which every terminal and `grep` handles; markdown
  /// and HTML print the minus sign U+2212, so that "−397 til 42" cannot be read as a
  /// subtraction or a dash between two numbers.
  public enum Minus: String, Sendable {
    case hyphen = "-"
    case sign = "\u{2212}"
  }

  /// An amount in kroner shown in thousands, rounded half away from zero.
  ///
  /// `2_073_000` → `"2.073"`, `-709_000` → `"-709"`, `-400` → `"0"` (never `"-0"`).
  static func thousands(_ value: Double, minus: Minus = .hyphen) -> String {
    decimal(value / 1000, decimals: 0, minus: minus)
  }

  /// `value` with `decimals` digits after a decimal comma, rounded half away from zero.
  ///
  /// - Parameters:
  ///   - value: the number; not finite gives `notAvailable`.
  ///   - decimals: digits after the comma, 0 to 6.
  ///   - minus: the sign of a negative number; the hyphen by default.
  /// - Returns: e.g. `decimal(-1234.56, decimals: 1)` → `"-1.234,6"`.
  public static func decimal(_ value: Double, decimals: Int, minus: Minus = .hyphen) -> String {
    guard value.isFinite else { return notAvailable }
    let decimals = min(max(decimals, 0), 6)
    var scale: Int64 = 1
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (abs(value) * Double(scale)).rounded(.toNearestOrAwayFromZero)
    // Beyond 2^53 the digits are not exact anyway; such amounts do not occur in a business
    // case, so a plain rendering is good enough and cannot trap on conversion.
    guard scaled < 9.0e15 else { return "\(value)" }
    let units = Int64(scaled)
    var text = grouped(units / scale)
    if decimals > 0 {
      let fraction = String(units % scale)
      text += "," + String(repeating: "0", count: decimals - fraction.count) + fraction
    }
    return units != 0 && value < 0 ? minus.rawValue + text : text
  }

  /// A non-negative whole number with "." between groups of three digits: 10000 → "10.000".
  static func grouped(_ value: Int64) -> String {
    let digits = String(value.magnitude)
    var text = ""
    for (index, digit) in digits.enumerated() {
      if index > 0, (digits.count - index) % 3 == 0 { text += "." }
      text.append(digit)
    }
    return value < 0 ? "-" + text : text
  }

  /// A count such as the number of iterations: 10000 → "10.000".
  public static func grouped(_ value: Int) -> String {
    grouped(Int64(value))
  }

  /// A share in [0, 1] as a percentage with a space before the sign: 0.4235 → "42,4 %".
  static func percent(_ share: Double, decimals: Int = 1) -> String {
    guard share.isFinite else { return notAvailable }
    return decimal(share * 100, decimals: decimals) + " %"
  }

  /// A difference of shares in percentage points: -0.15 → "-15,0 pp".
  /// - Parameter unit: the unit's abbreviation; `pp` by default, `pct.-point` in Danish.
  static func percentagePoints(
    _ difference: Double, unit: String = "pp", minus: Minus = .hyphen
  ) -> String {
    guard difference.isFinite else { return notAvailable }
    return decimal(difference * 100, decimals: 1, minus: minus) + " " + unit
  }

  /// A probability as a percentage that never claims more than the run can know: a share
  /// that rounds to 0,0 % or 100,0 % but is not exactly 0 or 1 reads "< 0,1 %" or
  /// "> 99,9 %"; exactly 0 or 1 (no simulated future, or every one) reads the same, since a
  /// finite run cannot tell a probability of 0 from one too small to have shown up.
  ///
  /// 0.4235 → "42,4 %", 0 → "< 0,1 %", 0.0004 → "< 0,1 %", 1 → "> 99,9 %".
  static func probability(_ p: Double) -> String {
    guard p.isFinite else { return notAvailable }
    if p < 0.0005 { return "< 0,1 %" }
    if p >= 0.9995 { return "> 99,9 %" }
    return percent(p)
  }

  /// A Monte Carlo standard error of a probability in percentage points: two decimals below
  /// a tenth of a point, so a small error does not read as "0,0"; one decimal otherwise.
  ///
  /// 0.0004 → "0,04", 0.0052 → "0,5".
  static func standardErrorPoints(_ mcse: Double) -> String {
    let points = mcse * 100
    return decimal(points, decimals: points > 0 && points < 0.1 ? 2 : 1)
  }

  /// A percentile level in percent: 5 → "5 %", 97.5 → "97,5 %".
  static func level(_ level: Double) -> String {
    String(JSONValue.format(level).map { $0 == "." ? "," : $0 }) + " %"
  }

  /// Digits after the comma that give about three significant digits on the largest value.
  ///
  /// Outcomes range from hundreds of employment-years to a fraction of a life-year; one
  /// precision for all would either drown the large ones in digits or round the small to 0.
  /// - Returns: 1 for 312.4, 2 for 5.27, 3 for 0.042 (at least 1, at most 3).
  static func decimals(forLargest values: [Double]) -> Int {
    let largest = values.filter(\.isFinite).map(abs).max() ?? 0
    var digits = 0
    var bound = 1.0
    while largest >= bound, digits < 3 {
      digits += 1
      bound *= 10
    }
    return min(max(3 - digits, 1), 3)
  }

  /// A parameter value with about four significant digits and no trailing zeros:
  /// 0.599 → "0,599", 19092 → "19.092", 2230000 → "2.230.000", 0.0035 → "0,0035".
  public static func general(_ value: Double, minus: Minus = .hyphen) -> String {
    guard value.isFinite else { return notAvailable }
    guard value != 0 else { return "0" }
    let magnitude = Int(log10(abs(value)).rounded(.down))
    var text = decimal(value, decimals: min(max(3 - magnitude, 0), 6), minus: minus)
    if text.contains(",") {
      while text.last == "0" { text.removeLast() }
      if text.last == "," { text.removeLast() }
    }
    return text
  }

  /// A number as a scenario file writes it, in Danish notation: every digit of its shortest
  /// round-trip form, "." between thousands, "," before decimals.
  ///
  /// 0.15 → "0,15", 117493 → "117.493", 0.0035 → "0,0035", -2.5 → "−2,5" with `.sign`.
  static func exact(_ value: Double, minus: Minus = .hyphen) -> String {
    guard value.isFinite else {
      return value.isNaN ? notAvailable : (value < 0 ? minus.rawValue + "∞" : "∞")
    }
    let plain = JSONValue.format(abs(value))
    guard !plain.contains("e"), !plain.contains("E") else {
      return (value < 0 ? minus.rawValue : "") + plain.replacingOccurrences(of: ".", with: ",")
    }
    let parts = plain.split(separator: ".", maxSplits: 1)
    var text = grouped(Int64(parts[0]) ?? 0)
    if parts.count == 2 { text += "," + parts[1] }
    return value < 0 && value != 0 ? minus.rawValue + text : text
  }
}
