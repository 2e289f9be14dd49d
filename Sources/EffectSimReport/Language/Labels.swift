import EffectSim

/// Every word the human formats print, in English and Danish.
///
/// Kept in one file so a reader can check a translation against its original line by line,
/// and so the renderers hold no literal prose. The Danish terms are those of municipal
/// business cases ("Samlet økonomisk påvirkning", "Tilbagebetalingstid", "Totaløkonomi").
struct Labels: Sendable {
  let language: ReportLanguage

  static let english = Labels(language: .en)

  /// The English or the Danish text, by the report's language.
  func pick(_ english: String, _ danish: String) -> String {
    language == .da ? danish : english
  }

  // MARK: - Header

  var source: String { pick("Source", "Kilde") }
  var priceLevel: String { pick("Price level", "Prisniveau") }
  var notStated: String { pick("not stated", "ikke angivet") }
  var mode: String { pick("Mode", "Beregning") }
  var iterations: String { pick("Iterations", "Simulerede forløb") }
  var precision: String { pick("Precision", "Præcision") }
  var seed: String { pick("Seed", "Seed") }
  var kernel: String { pick("Kernel", "Beregningskerne") }
  var pairing: String { pick("Pairing", "Parring") }
  var horizon: String { pick("Horizon", "Tidshorisont") }
  var engineVersion: String { pick("Engine version", "Programversion") }
  var date: String { pick("Date", "Dato") }
  /// The run's `--set` values.
  var overrides: String { pick("Set on the command line", "Ændret på kommandolinjen") }
  var monteCarlo: String { "Monte Carlo" }
  var deterministicMode: String {
    pick(
      "Deterministic (base values, expected cohort trace)",
      "Deterministisk (basisværdier, forventet kohorteforløb)")
  }

  /// The pairing as the report's reader says it: `coupled` → "koblet".
  func pairingName(_ pairing: String) -> String {
    switch pairing {
    case "coupled": pick("coupled", "koblet")
    case "independent": pick("independent", "uafhængig")
    default: pairing
    }
  }

  /// The kernel as the report's reader says it: `individual` → "individuel".
  func kernelName(_ kernel: String) -> String {
    switch kernel {
    case "individual": pick("individual", "individuel")
    case "aggregated": pick("aggregated", "aggregeret")
    case "jump": pick("jump", "spring")
    case "expected": pick("expected trace", "forventet forløb")
    default: kernel
    }
  }

  /// How a run to a stated precision ended: "MCSE ≤ 0,005 on every payback probability:
  /// reached (largest 0,0049)".
  func precisionOutcome(_ outcome: PrecisionOutcome) -> String {
    let target = "MCSE ≤ " + AmountFormatting.general(outcome.target)
    let largest = AmountFormatting.general(outcome.largestError)
    let cap = AmountFormatting.grouped(outcome.cap)
    return outcome.reached
      ? pick(
        "\(target) on every payback probability: reached (largest \(largest))",
        "\(target) for hver sandsynlighed for, at investeringen er tjent hjem: nået (største"
          + " \(largest))")
      : pick(
        "\(target) on every payback probability: not reached within the cap of \(cap)"
          + " iterations (largest \(largest))",
        "\(target) for hver sandsynlighed for, at investeringen er tjent hjem: ikke nået inden"
          + " for loftet på \(cap) simulerede forløb (største \(largest))")
  }

  var yearlyCycles: String { pick("yearly cycles", "årlige cykler") }
  var monthlyCycles: String { pick("monthly cycles", "månedlige cykler") }

  var verdict: String { pick("Verdict", "Konklusion") }

  // MARK: - Time

  /// "1 year", "4 years".
  func years(_ count: Int) -> String {
    count == 1 ? pick("1 year", "1 år") : pick("\(count) years", "\(count) år")
  }

  /// A short column heading for "within t years": "1 yr", "4 yrs".
  func yearsShort(_ count: Int) -> String {
    count == 1 ? pick("1 yr", "1 år") : pick("\(count) yrs", "\(count) år")
  }

  /// "18 months", "2 years".
  func cycles(_ count: Int, cycle: String) -> String {
    if cycle == "year" { return years(count) }
    return count == 1 ? pick("1 month", "1 måned") : pick("\(count) months", "\(count) måneder")
  }

  // MARK: - Amounts and statistics

  var netImpact: String { pick("Net impact", "Samlet økonomisk påvirkning") }
  var cumulative: String { pick("Cumulative", "Akkumuleret") }
  var cumulativeNetImpact: String {
    pick("Cumulative net impact", "Akkumuleret økonomisk påvirkning")
  }
  var netImpactPerYear: String { pick("Net impact per year", "Økonomisk påvirkning pr. år") }
  var signConvention: String {
    pick("expenses positive, savings negative", "udgifter positive, besparelser negative")
  }
  var median: String { "median" }
  var mean: String { pick("mean", "gennemsnit") }
  var and: String { pick("and", "og") }
  var inBrackets: String { pick("in brackets", "i parentes") }
  var interval: String { "interval" }
  /// Between the ends of a range, where a dash beside a minus sign would read as subtraction.
  var rangeTo: String { pick("to", "til") }
  /// Under a table of medians per area: why its rows need not add up.
  var mediansDoNotAdd: String {
    pick(
      "Medians do not add up: the areas' medians need not sum to the median of the total,"
        + " nor the yearly medians to the cumulative one (means do; the JSON and CSV outputs"
        + " hold them).",
      "Medianer kan ikke lægges sammen: områdernes medianer summer ikke nødvendigvis til"
        + " totalens median, og årenes medianer ikke til den akkumulerede (det gør"
        + " gennemsnit; JSON- og CSV-output indeholder dem).")
  }
  /// "90 % interval", "90 %-interval".
  func namedInterval(_ width: String) -> String {
    pick("\(width) interval", "\(width)-interval")
  }
  var medianNotRequested: String {
    pick("the median was not requested", "medianen blev ikke beregnet")
  }
  var fivePercentilesNotRequested: String {
    pick(
      "the 5 % and 95 % percentiles were not requested",
      "5 %- og 95 %-fraktilerne blev ikke beregnet")
  }
  var percentagePoints: String { pick("pp", "pct.-point") }
  var percentagePointsLong: String { pick("percentage points", "procentpoint") }
  var millionsUnit: String { pick("mio. kr.", "mio. kr.") }

  // MARK: - Payback

  var payback: String { pick("Payback", "Tilbagebetalingstid") }
  var paybackDeterministicTitle: String {
    pick(
      "Payback (cumulative net impact ≤ 0 at the end of a year)",
      "Tilbagebetalingstid (akkumuleret påvirkning ≤ 0 ved årets udgang)")
  }
  var paybackProbabilityTitle: String {
    pick(
      "Payback: probability that cumulative net impact is ≤ 0 by the end of year",
      "Tjent hjem: sandsynlighed for, at den akkumulerede påvirkning er ≤ 0 ved udgangen"
        + " af år")
  }
  var paybackProbabilitySentence: String {
    pick(
      "Probability that cumulative net impact is ≤ 0 by the end of the year.",
      "Sandsynlighed for, at den akkumulerede påvirkning er ≤ 0 ved årets udgang.")
  }
  var paybackDeterministicSentence: String {
    pick(
      "Cumulative net impact ≤ 0 at the end of the year.",
      "Akkumuleret påvirkning ≤ 0 ved årets udgang.")
  }
  var definition: String { "Definition" }
  var paybackYear: String { pick("Payback year", "Tilbagebetalingsår") }
  var notWithin: String { pick("Not within", "Ikke inden for") }
  var horizonLower: String { pick("horizon", "horisonten") }
  var notWithinHorizon: String { pick("Not within horizon", "Ikke inden for horisonten") }
  var medianYear: String { pick("Median year", "Medianår") }
  var deterministic: String { pick("Deterministic", "Deterministisk") }
  var deterministicYear: String { pick("Deterministic year", "Deterministisk år") }
  var yearLower: String { pick("year", "år") }
  /// A payback year beyond the horizon: "after 2025".
  func after(_ lastYear: Int) -> String { pick("after \(lastYear)", "efter \(lastYear)") }
  var allAreas: String { pick("all areas", "alle områder") }
  var discounted: String { pick("discounted", "diskonteret") }
  var notWithinTheHorizon: String {
    pick("not within the horizon", "ikke inden for tidshorisonten")
  }
  /// The engine's default payback definition, `{"name": "Total", "areas": "all"}`.
  var defaultPaybackName: String { pick("Total", "Totaløkonomi") }

  /// "4 years (end of 2021)".
  func paybackSentence(_ year: Int, calendarYear: Int) -> String {
    pick("\(years(year)) (end of \(calendarYear))", "\(years(year)) (udgangen af \(calendarYear))")
  }

  /// "Monte Carlo standard error of these probabilities: at most 0,5 percentage points."
  func paybackMCSENote(_ points: String) -> String {
    pick(
      "Monte Carlo standard error of these probabilities: at most \(points) percentage points.",
      "Monte Carlo-standardfejl på disse sandsynligheder: højst \(points) procentpoint.")
  }

  // MARK: - Outcomes and occupancy

  var outcomesTitle: String {
    pick(
      "Outcomes over the horizon (undiscounted)", "Effekter over tidshorisonten (ikke diskonteret)")
  }
  var outcomesHeading: String { pick("Outcomes over the horizon", "Effekter over tidshorisonten") }
  var undiscountedTotals: String { pick("Undiscounted totals", "Ikke-diskonterede summer") }
  var outcome: String { pick("Outcome", "Effektmål") }
  var intervention: String { pick("Intervention", "Indsats") }
  var control: String { pick("Control", "Kontrol") }
  var difference: String { pick("Difference", "Forskel") }
  var state: String { pick("State", "Tilstand") }

  /// "Occupancy 18 months after entry".
  func occupancyTitle(_ after: String) -> String {
    pick("Occupancy \(after) after entry", "Fordeling \(after) efter start")
  }
  var meanShareInEachState: String {
    pick("mean share of people in each state", "gennemsnitlig andel i hver tilstand")
  }
  var shareInEachState: String { pick("share of people in each state", "andel i hver tilstand") }

  // MARK: - Present value

  var presentValue: String { pick("Present value", "Nutidsværdi") }
  var presentValueTitle: String {
    pick(
      "Present value (discounted as the scenario says)",
      "Nutidsværdi (diskonteret som scenariet angiver)")
  }
  var presentValueHeading: String {
    pick("Present value over the horizon", "Nutidsværdi over tidshorisonten")
  }
  var discountedAsTheScenarioSays: String {
    pick("Discounted as the scenario says", "Diskonteret som scenariet angiver")
  }
  var interventionStateCosts: String { pick("Intervention state costs", "Udgifter i indsatsarmen") }
  var controlStateCosts: String { pick("Control state costs", "Udgifter i kontrolarmen") }

  // MARK: - Charts

  var medianCapitalized: String { "Median" }
  var zeroLine: String { pick("Break-even (0)", "Nulpunkt (0)") }
  var endOfYear: String { pick("End of year", "Ved årets udgang") }
  var cumulativeNetImpactAxis: String {
    pick("Cumulative net impact, mio. kr.", "Akkumuleret påvirkning, mio. kr.")
  }
  var probabilityAxis: String { pick("Probability", "Sandsynlighed") }
  var shareOfIterations: String {
    pick("Share of simulated futures", "Andel af simulerede forløb")
  }
  var savingBars: String { pick("Net saving (\u{2264} 0)", "Mindreudgift (\u{2264} 0)") }
  var lossBars: String { pick("Net expense (> 0)", "Merudgift (> 0)") }
  var fanChartTitle: String {
    pick("Cumulative net impact by year", "Akkumuleret økonomisk påvirkning pr. år")
  }
  var paybackChartTitle: String {
    pick("Probability of having paid back by the end of each year",
      "Sandsynlighed for, at investeringen er tjent hjem ved udgangen af hvert år")
  }
  func histogramTitle(_ year: Int) -> String {
    pick("Cumulative net impact at the end of \(year)",
      "Akkumuleret økonomisk påvirkning ved udgangen af \(year)")
  }
  func histogramAxis(_ year: Int) -> String {
    pick("Cumulative net impact at the end of \(year), mio. kr.",
      "Akkumuleret påvirkning ved udgangen af \(year), mio. kr.")
  }
}
