import EffectSim

/// Round tick values covering a range, and how many decimals their labels need.
///
/// The range is widened outward to whole steps, so the first and last ticks are the axis
/// ends: a reader never sees a bar or band run past the last labelled value.
struct AxisTicks {
  /// Tick values from low to high; the first and last are the axis ends.
  var values: [Double]
  var step: Double

  /// Ticks for `low...high` with at most about `count` intervals.
  ///
  /// - Parameters:
  ///   - low, high: the values the axis must show.
  ///   - count: the most intervals wanted; default 5.
  ///   - minimumSpan: the narrowest axis, so that a flat series (all zero) still gets
  ///     distinct labels; default 1. Amount axes pass 10.000 kr.
  init(covering low: Double, _ high: Double, count: Int = 5, minimumSpan: Double = 1) {
    var low = low.isFinite ? low : 0
    var high = high.isFinite ? high : 1
    if high - low < minimumSpan {
      let pad = max(abs(low) * 0.1, minimumSpan) / 2
      let middle = (low + high) / 2
      low = middle - pad
      high = middle + pad
    }
    let step = NiceNumber.step(span: high - low, count: count)
    let first = (low / step).rounded(.down)
    let last = (high / step).rounded(.up)
    self.step = step
    values = stride(from: first, through: last, by: 1).map { $0 * step }
  }

  var low: Double { values.first ?? 0 }
  var high: Double { values.last ?? 1 }

  /// Decimals that show every tick exactly once scaled by `scale` (e.g. 1e-6 for mio. kr.).
  func decimals(scale: Double) -> Int {
    let scaled = step * scale
    for decimals in 0...4 {
      var power = 1.0
      for _ in 0..<decimals { power *= 10 }
      if abs((scaled * power).rounded() - scaled * power) < 1e-6 { return decimals }
    }
    return 4
  }

  /// Tick labels in Danish notation, scaled, negative ones with the minus sign (U+2212):
  /// `−0,5`, `1,0`, `1.500`.
  func labels(scale: Double) -> [String] {
    let decimals = decimals(scale: scale)
    return values.map { AmountFormatting.decimal($0 * scale, decimals: decimals, minus: .sign) }
  }
}
