/// The sentences of the verdict, with the run's numbers already formatted.
extension Labels {
  // MARK: - Headline

  /// How likely payback within the horizon is, in words: five bands whose edges (5, 33, 67
  /// and 95 %) follow the calibrated language of the IPCC guidance note (Mastrandrea et al.
  /// 2010), coarsened to what a finance committee distinguishes.
  enum Likelihood: CaseIterable {
    case veryLikely, likely, asLikelyAsNot, unlikely, veryUnlikely

    /// The band of probability `p`: at or above 95 % very likely, at or below 5 % very
    /// unlikely, 67 % and 33 % the edges of likely and unlikely.
    init(_ p: Double) {
      switch p {
      case 0.95...: self = .veryLikely
      case 0.67..<0.95: self = .likely
      case ...0.05: self = .veryUnlikely
      case ...0.33: self = .unlikely
      default: self = .asLikelyAsNot
      }
    }
  }

  /// "The investment very probably does not pay back within 4 years (1,2 %)."
  func headline(_ likelihood: Likelihood, horizon: Int, percent: String) -> String {
    let within = years(horizon)
    switch likelihood {
    case .veryLikely:
      return pick(
        "The investment very probably pays back within \(within) (\(percent)).",
        "Investeringen er med stor sandsynlighed tjent hjem inden for \(within) (\(percent)).")
    case .likely:
      return pick(
        "The investment probably pays back within \(within) (\(percent)).",
        "Investeringen er sandsynligvis tjent hjem inden for \(within) (\(percent)).")
    case .asLikelyAsNot:
      return pick(
        "The investment is about as likely to pay back within \(within) as not (\(percent)).",
        "Det er lige så sandsynligt, at investeringen er tjent hjem inden for \(within), som at"
          + " den ikke er (\(percent)).")
    case .unlikely:
      return pick(
        "The investment probably does not pay back within \(within) (\(percent)).",
        "Investeringen er sandsynligvis ikke tjent hjem inden for \(within) (\(percent)).")
    case .veryUnlikely:
      return pick(
        "The investment very probably does not pay back within \(within) (\(percent)).",
        "Investeringen er med stor sandsynlighed ikke tjent hjem inden for \(within)"
          + " (\(percent)).")
    }
  }

  /// The deterministic headline: the base-value reading, and that nothing was simulated.
  func deterministicHeadline(_ when: String?, horizon: Int) -> String {
    guard let when else {
      return pick(
        "With every assumption at its base value the investment does not pay back within"
          + " \(years(horizon)); no uncertainty was simulated.",
        "Med alle forudsætninger på deres basisværdi er investeringen ikke tjent hjem inden for"
          + " \(years(horizon)); usikkerheden er ikke simuleret.")
    }
    return pick(
      "With every assumption at its base value the investment pays back in \(when); no"
        + " uncertainty was simulated.",
      "Med alle forudsætninger på deres basisværdi er investeringen tjent hjem efter \(when);"
        + " usikkerheden er ikke simuleret.")
  }

  // MARK: - Sentences

  /// "With every parameter at its base value (the spreadsheet reading) the case pays back in
  /// 4 years (end of 2021) (Totaløkonomi)."
  func verdictDeterministicPayback(_ when: String, name: String) -> String {
    pick(
      "With every parameter at its base value (the spreadsheet reading) the investment pays back in"
        + " \(when) (\(name)).",
      "Med alle parametre på deres basisværdi (regnearkets beregning) er investeringen tjent"
        + " hjem efter \(when) (\(name)).")
  }

  /// The same when the case does not pay back within the horizon.
  func verdictDeterministicNoPayback(horizon: Int, name: String) -> String {
    pick(
      "With every parameter at its base value (the spreadsheet reading) the investment does not"
        + " pay back within its \(horizon)-year horizon (\(name)).",
      "Med alle parametre på deres basisværdi (regnearkets beregning) er investeringen ikke"
        + " tjent hjem inden for tidshorisonten på \(years(horizon)) (\(name)).")
  }

  /// Why a deterministic report has no bands, probabilities or histogram.
  var verdictNothingSimulated: String {
    pick(
      "No uncertainty was simulated: every parameter is at its base value and the cohort"
        + " follows its expected path, as in a spreadsheet; run without --deterministic for"
        + " the spread and the probability of paying back.",
      "Der er ikke simuleret usikkerhed: alle parametre står på deres basisværdi, og"
        + " målgruppen følger det forventede forløb, som i et regneark; kør uden"
        + " --deterministic for spredningen og sandsynligheden for, at investeringen tjenes"
        + " hjem.")
  }

  /// "The probability that the case pays back within its 4-year horizon (...) is 23,4 %
  /// (Monte Carlo standard error 0,4 percentage points)."
  ///
  /// - Parameter precision: the parenthesis after the figure: the standard error, or how
  ///   many simulated futures paid back when the figure is at an edge.
  func verdictPaybackProbability(
    horizon: Int, name: String, lastYear: Int, percent: String, precision: String
  ) -> String {
    pick(
      "The probability that the investment pays back within its \(horizon)-year horizon (\(name):"
        + " cumulative net impact at or below zero by the end of \(lastYear)) is \(percent)"
        + " (\(precision)).",
      "Sandsynligheden for, at investeringen er tjent hjem inden for tidshorisonten på"
        + " \(years(horizon)) (\(name): akkumuleret påvirkning på nul eller derunder ved"
        + " udgangen af \(lastYear)), er \(percent) (\(precision)).")
  }

  /// "Monte Carlo standard error 0,4 percentage points".
  func standardError(_ points: String) -> String {
    pick(
      "Monte Carlo standard error \(points) \(percentagePointsLong)",
      "Monte Carlo-standardfejl \(points) \(percentagePointsLong)")
  }

  /// "3 of 10.000 simulated futures"; "none of the 10.000 …"; "all 10.000 …".
  func futuresCount(_ count: Int, of total: Int) -> String {
    let all = AmountFormatting.grouped(total)
    if count == 0 {
      return pick("none of the \(all) simulated futures", "ingen af de \(all) simulerede forløb")
    }
    if count == total {
      return pick("all \(all) simulated futures", "alle \(all) simulerede forløb")
    }
    let some = AmountFormatting.grouped(count)
    return pick("\(some) of \(all) simulated futures", "\(some) af \(all) simulerede forløb")
  }

  /// "By the end of 2025 the cumulative net impact (expenses positive, savings negative) is
  /// 1,04 mio. kr. (median; 90 % interval 0,36 to 1,50 mio. kr.)."; no parenthesis when
  /// `spread` is `nil`. The unit's own full stop ends the sentence then: never "kr..".
  func verdictCumulative(lastYear: Int, amount: String, spread: String?) -> String {
    let tail = spread.map { " (\($0))." } ?? ""
    return pick(
      "By the end of \(lastYear) the cumulative net impact (\(signConvention)) is \(amount)"
        + " \(millionsUnit)\(tail)",
      "Ved udgangen af \(lastYear) er den akkumulerede økonomiske påvirkning"
        + " (\(signConvention)) \(amount) \(millionsUnit)\(tail)")
  }

  /// "90 % interval 0,36 to 1,50 mio. kr."
  func verdictInterval(_ name: String, low: String, high: String) -> String {
    "\(name) \(low) \(rangeTo) \(high) \(millionsUnit)"
  }

  /// "The probability of a net expense over the horizon (...) is 77,0 %."
  func verdictLoss(lastYear: Int, percent: String) -> String {
    pick(
      "The probability of a net expense over the horizon (cumulative net impact above zero at"
        + " the end of \(lastYear)) is \(percent).",
      "Sandsynligheden for en merudgift over tidshorisonten (akkumuleret påvirkning over nul"
        + " ved udgangen af \(lastYear)) er \(percent).")
  }
}
