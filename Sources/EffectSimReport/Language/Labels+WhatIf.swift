import EffectSim

/// The words of `effectsim breakeven` and `effectsim compare`.
extension Labels {
  // MARK: - Break-even

  func breakEvenTitle(_ parameter: String) -> String {
    pick("Break-even of \(parameter)", "Nulpunkt for \(parameter)")
  }
  var scenario: String { pick("Scenario", "Scenarie") }
  var paybackDefinition: String { pick("Payback definition", "Tilbagebetalingsdefinition") }
  var byTheEndOf: String { pick("By the end of", "Ved udgangen af") }
  var searchRange: String { pick("Search range", "Søgeinterval") }

  /// "year 4 (2023)".
  func yearOfHorizon(_ year: Int, calendarYear: Int) -> String {
    pick("year \(year) (\(calendarYear))", "år \(year) (\(calendarYear))")
  }

  /// "0 to 1 (the distribution's support)".
  func searchRangeText(low: String, high: String, origin: BreakEvenRange.Origin) -> String {
    let why =
      switch origin {
      case .given: pick("given", "angivet")
      case .support: pick("every value the distribution can take", "fordelingens værdiområde")
      case .quantiles:
        pick("the distribution's 0,1 %-99,9 % quantiles", "fordelingens 0,1 %-99,9 %-fraktiler")
      case .tenfold: pick("±10 times the value", "±10 gange værdien")
      }
    return pick("\(low) to \(high) (\(why))", "\(low) til \(high) (\(why))")
  }

  /// "narrowed: the scenario fails at 2,2 (at pj = 2.2: …)".
  func rangeNarrowed(_ value: String, reason: String) -> String {
    pick(
      "narrowed: the scenario cannot be run at \(value) (\(reason))",
      "indsnævret: scenariet kan ikke køres ved \(value) (\(reason))")
  }

  var deterministicHeading: String {
    pick(
      "Deterministic (every other parameter at its base value)",
      "Deterministisk (alle andre parametre på basisværdien)")
  }

  /// "ipsShare = 0,512: cumulative net impact (Totaløkonomi) is 0 at the end of 2023."
  func deterministicBreakEven(_ parameter: String, _ value: String, year: Int) -> String {
    pick(
      "\(parameter) = \(value): cumulative net impact is 0 at the end of \(year).",
      "\(parameter) = \(value): den akkumulerede påvirkning er 0 ved udgangen af \(year).")
  }

  /// "Not reached between 0 and 1: cumulative net impact at the end of 2023 is 1.234 at 1
  /// (1.000 kr.)."
  func deterministicNotReached(
    low: String, high: String, year: Int, amount: String, at end: String, unit: String
  ) -> String {
    pick(
      "Not reached between \(low) and \(high): cumulative net impact at the end of \(year) is"
        + " \(amount) at \(end) (\(unit)).",
      "Ikke nået mellem \(low) og \(high): den akkumulerede påvirkning ved udgangen af \(year)"
        + " er \(amount) ved \(end) (\(unit)).")
  }

  /// "Probability of payback within 4 years = 50 %".
  func probabilisticHeading(_ probability: String, years: Int) -> String {
    pick(
      "Probability of payback within \(self.years(years)) = \(probability)",
      "Sandsynlighed for tilbagebetaling inden for \(self.years(years)) = \(probability)")
  }

  /// "10.000 iterations per step, seed 1, 23 steps, the same simulated futures at every step".
  func searchFacts(iterations: String, seed: UInt64, steps: Int, kernel: String) -> String {
    pick(
      "\(iterations) iterations per step, seed \(seed), \(steps) steps, \(kernel) kernel; the"
        + " same simulated futures at every step",
      "\(iterations) iterationer pr. trin, seed \(seed), \(steps) trin, kerne \(kernel); de"
        + " samme simulerede forløb i hvert trin")
  }

  /// "ipsShare = 0,553 (95 % Monte Carlo interval 0,541 to 0,566)."
  func probabilisticBreakEven(
    _ parameter: String, _ value: String, confidence: String, low: String, high: String
  ) -> String {
    pick(
      "\(parameter) = \(value) (\(confidence) Monte Carlo interval \(low) to \(high)).",
      "\(parameter) = \(value) (\(confidence) Monte Carlo-interval \(low) til \(high)).")
  }

  /// "beyond the range" for an interval end outside it.
  var beyondTheRange: String { pick("beyond the range", "uden for intervallet") }

  /// "Not reached between 0 and 1: P is 0,12 at 1."
  func probabilisticNotReached(low: String, high: String, p: String, at end: String) -> String {
    pick(
      "Not reached between \(low) and \(high): P is \(p) at \(end).",
      "Ikke nået mellem \(low) og \(high): P er \(p) ved \(end).")
  }

  var intervalExplanation: String {
    pick(
      "The interval holds the values at which the target probability lies within the Monte"
        + " Carlo error of the simulated one.",
      "Intervallet rummer de værdier, hvor den ønskede sandsynlighed ligger inden for Monte"
        + " Carlo-usikkerheden på den simulerede.")
  }
}

/// The words of `effectsim compare`.
extension Labels {
  var comparisonTitle: String {
    pick("Comparison on the same simulated futures", "Sammenligning på de samme simulerede forløb")
  }
  var scenarios: String { pick("Scenarios", "Scenarier") }

  /// "Cumulative net impact at the end of 2023".
  func horizonTitle(_ year: Int) -> String {
    pick(
      "Cumulative net impact at the end of \(year)",
      "Akkumuleret økonomisk påvirkning ved udgangen af \(year)")
  }
  var lowestColumn: String { pick("Lowest", "Lavest") }
  /// The sentence that explains the `Lowest` column.
  var lowestExplanation: String {
    pick(
      "Lowest: the share of simulated futures in which the scenario has the lowest cumulative"
        + " net impact at the horizon (ties shared).",
      "Lavest: andelen af simulerede forløb, hvor scenariet har den laveste akkumulerede"
        + " påvirkning ved horisonten (ligestilling deles).")
  }
  var probabilityBestTitle: String {
    pick(
      "Probability of the lowest cumulative net impact",
      "Sandsynlighed for den laveste akkumulerede påvirkning")
  }

  /// "Paired difference against scenario 1 (each scenario − scenario 1, future by future)".
  var pairedDifferenceTitle: String {
    pick(
      "Paired difference against scenario 1 (each scenario − scenario 1, future by future)",
      "Parvis forskel mod scenarie 1 (hvert scenarie − scenarie 1, forløb for forløb)")
  }

  /// "230 pladser − Base".
  func differenceName(_ scenario: String, _ reference: String) -> String {
    "\(scenario) − \(reference)"
  }
  var differenceAxis: String {
    pick(
      "Difference in cumulative net impact, mio. kr.",
      "Forskel i akkumuleret påvirkning, mio. kr.")
  }
  var noDifference: String { pick("No difference (0)", "Ingen forskel (0)") }
  var differenceFanCaption: String {
    pick(
      "The difference in cumulative net impact in each simulated future. Bands: 5-95 % and"
        + " 25-75 % of the futures; line: their median. Below zero the scenario is cheaper than"
        + " the first.",
      "Forskellen i akkumuleret påvirkning i hvert simuleret forløb. Bånd: 5-95 % og 25-75 % af"
        + " forløbene; linje: medianen. Under nul er scenariet billigere end det første.")
  }

  var comparisonMethod: [String] {
    [
      pick(
        "Every scenario is simulated on the same futures: the same seed, iterations and kernel,"
          + " and random numbers keyed by parameter name and person number, so a parameter"
          + " defined alike takes the same value in each future and the same people move alike."
          + " A difference between two scenarios in one future is therefore caused by what"
          + " differs between them, not by chance.",
        "Alle scenarier simuleres på de samme forløb: samme seed, iterationer og beregningskerne,"
          + " og tilfældige tal knyttet til parameternavn og personnummer, så en parameter, der"
          + " er defineret ens, får samme værdi i hvert forløb, og de samme personer bevæger sig"
          + " ens. En forskel mellem to scenarier i ét forløb skyldes derfor det, der er"
          + " forskelligt, ikke tilfældet."),
      pick(
        "Amounts are thousands of kroner (charts: mio. kr.), expenses positive and savings"
          + " negative; a negative difference means the scenario is cheaper than the first.",
        "Beløb er i 1.000 kr. (figurer: mio. kr.), udgifter positive og besparelser negative;"
          + " en negativ forskel betyder, at scenariet er billigere end det første."),
    ]
  }
}
