import EffectSim
import Foundation

/// Numbers as Danish business cases print them: "." between thousands, "," before decimals.
///
/// The human formats (table, markdown) follow the documents they stand beside
/// ("1.000 kr. 2018 p/l", "2.073", "-709"); the machine formats (json, csv) never use these
/// helpers and keep full precision with a decimal point.
public enum AmountFormatting {
  /// Shown for a value that is missing or not finite.
  public static let notAvailable = "n/a"

  /// An amount in kroner shown in thousands, rounded half away from zero.
  ///
  /// `2_073_000` → `"2.073"`, `-709_000` → `"-709"`, `-400` → `"0"` (never `"-0"`).
  static func thousands(_ value: Double) -> String {
    decimal(value / 1000, decimals: 0)
  }

  /// `value` with `decimals` digits after a decimal comma, rounded half away from zero.
  ///
  /// - Parameters:
  ///   - value: the number; not finite gives `notAvailable`.
  ///   - decimals: digits after the comma, 0 to 6.
  /// - Returns: e.g. `decimal(-1234.56, decimals: 1)` → `"-1.234,6"`.
  public static func decimal(_ value: Double, decimals: Int) -> String {
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
    return units != 0 && value < 0 ? "-" + text : text
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
  static func percentagePoints(_ difference: Double, unit: String = "pp") -> String {
    guard difference.isFinite else { return notAvailable }
    return decimal(difference * 100, decimals: 1) + " " + unit
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
  public static func general(_ value: Double) -> String {
    guard value.isFinite else { return notAvailable }
    guard value != 0 else { return "0" }
    let magnitude = Int(log10(abs(value)).rounded(.down))
    var text = decimal(value, decimals: min(max(3 - magnitude, 0), 6))
    if text.contains(",") {
      while text.last == "0" { text.removeLast() }
      if text.last == "," { text.removeLast() }
    }
    return text
  }
}
