/// The sentences of the verdict, with the run's numbers already formatted.
extension Labels {
  /// "With every parameter at its base value (the spreadsheet reading) the case pays back in
  /// 4 years (end of 2021) (Totaløkonomi)."
  func verdictDeterministicPayback(_ when: String, name: String) -> String {
    pick(
      "With every parameter at its base value (the spreadsheet reading) the case pays back in"
        + " \(when) (\(name)).",
      "Med alle parametre på deres basisværdi (regnearkets beregning) er sagen tilbagebetalt"
        + " efter \(when) (\(name)).")
  }

  /// The same when the case does not pay back within the horizon.
  func verdictDeterministicNoPayback(horizon: Int, name: String) -> String {
    pick(
      "With every parameter at its base value (the spreadsheet reading) the case does not pay"
        + " back within its \(horizon)-year horizon (\(name)).",
      "Med alle parametre på deres basisværdi (regnearkets beregning) er sagen ikke"
        + " tilbagebetalt inden for tidshorisonten på \(years(horizon)) (\(name)).")
  }

  /// "The probability that the case pays back within its 4-year horizon (...) is 23,4 %
  /// (Monte Carlo standard error 0,4 percentage points)."
  func verdictPaybackProbability(
    horizon: Int, name: String, lastYear: Int, percent: String, mcse: String
  ) -> String {
    pick(
      "The probability that the case pays back within its \(horizon)-year horizon (\(name):"
        + " cumulative net impact at or below zero by the end of \(lastYear)) is \(percent)"
        + " (Monte Carlo standard error \(mcse) \(percentagePointsLong)).",
      "Sandsynligheden for at sagen er tilbagebetalt inden for tidshorisonten på"
        + " \(years(horizon)) (\(name): akkumuleret påvirkning på nul eller derunder ved"
        + " udgangen af \(lastYear)) er \(percent) (Monte Carlo-standardfejl \(mcse)"
        + " \(percentagePointsLong)).")
  }

  /// "By the end of 2025 the cumulative net impact (expenses positive, savings negative) is
  /// 1,04 mio. kr. (median; 90 % interval 0,36 to 1,50 mio. kr.)."; no parenthesis when
  /// `spread` is `nil`.
  func verdictCumulative(lastYear: Int, amount: String, spread: String?) -> String {
    let tail = spread.map { " (\($0))" } ?? ""
    return pick(
      "By the end of \(lastYear) the cumulative net impact (\(signConvention)) is \(amount)"
        + " \(millionsUnit)\(tail).",
      "Ved udgangen af \(lastYear) er den akkumulerede økonomiske påvirkning"
        + " (\(signConvention)) \(amount) \(millionsUnit)\(tail).")
  }

  /// "90 % interval 0,36 to 1,50 mio. kr."
  func verdictInterval(_ name: String, low: String, high: String) -> String {
    "\(name) \(low) \(pick("to", "til")) \(high) \(millionsUnit)"
  }

  /// "The probability that the case loses money over the horizon (...) is 77,0 %."
  func verdictLoss(lastYear: Int, percent: String) -> String {
    pick(
      "The probability that the case loses money over the horizon (cumulative net impact"
        + " above zero at the end of \(lastYear)) is \(percent).",
      "Sandsynligheden for at sagen giver underskud over tidshorisonten (akkumuleret"
        + " påvirkning over nul ved udgangen af \(lastYear)) er \(percent).")
  }
}
