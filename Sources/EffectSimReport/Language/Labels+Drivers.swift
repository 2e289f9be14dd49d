/// The words of "What drives the risk" (every human format) and of the business case's own
/// claim (verdict and fan chart).
extension Labels {
  // MARK: - Section

  var driversTitle: String { pick("What drives the risk", "Hvad driver risikoen") }

  /// What the section measures, for the line under its title.
  func driversIntro(lastYear: Int) -> String {
    pick(
      "The result explained is each payback definition's cumulative net impact at the end of"
        + " \(lastYear) over its areas (discounted where the definition is). Everything is"
        + " read from this run's own draws, except the one-way swing: the model at base"
        + " values with one parameter moved to its 5th and 95th percentile.",
      "Resultatet, der forklares, er hver definitions akkumulerede påvirkning ved udgangen af"
        + " \(lastYear) over dens områder (diskonteret, hvor definitionen er det). Alt er"
        + " aflæst af kørslens egne træk, undtagen envejsudslaget: modellen med basisværdier,"
        + " hvor én parameter flyttes til sin 5 %- og 95 %-fraktil.")
  }

  var varianceShare: String { pick("Share of variance", "Andel af variansen") }
  var varianceShareShort: String { pick("Var. share", "Variansandel") }
  var evppiColumn: String { pick("EVPPI, kr.", "EVPPI, kr.") }
  var lowTail: String { pick("Low θ (≤ 10 %)", "Lav θ (≤ 10 %)") }
  var highTail: String { pick("High θ (≥ 90 %)", "Høj θ (≥ 90 %)") }
  var oneWayLow: String { pick("One-way 5 %", "Envejs 5 %") }
  var oneWayHigh: String { pick("One-way 95 %", "Envejs 95 %") }
  var lowTailShort: String { pick("θ low", "θ lav") }
  var highTailShort: String { pick("θ high", "θ høj") }
  var oneWayShort: String { pick("one-way", "envejs") }
  var share: String { pick("share", "andel") }

  /// What the columns of the ranked list mean (table and markdown).
  func driversColumns(unit: String) -> String {
    pick(
      "Var. share: the share of the result's variance that θ alone explains (first-order index)."
        + " θ low / θ high: the mean result when θ is at or below its 10th / at or above its"
        + " 90th percentile. One-way: the model at base values with θ at its 5th / 95th"
        + " percentile. EVPPI: what knowing θ before deciding would be worth, in kroner. Other"
        + " amounts in \(unit).",
      "Variansandel: den andel af resultatets varians, θ alene forklarer (førsteordensindeks)."
        + " θ lav / θ høj: det gennemsnitlige resultat, når θ ligger på eller under sin"
        + " 10 %-fraktil / på eller over sin 90 %-fraktil. Envejs: modellen med basisværdier,"
        + " hvor θ står på sin 5 %- / 95 %-fraktil. EVPPI: værdien af at kende θ før"
        + " beslutningen, i kroner. Øvrige beløb i \(unit).")
  }

  /// "Mean result: 1,04 mio. kr." (the unit's own full stop ends the sentence).
  func driversMean(_ amount: String) -> String {
    pick(
      "Mean result: \(amount) \(millionsUnit)",
      "Gennemsnitligt resultat: \(amount) \(millionsUnit)")
  }

  /// A result that is the same in every simulated future; `untouched` when uncertain
  /// parameters did vary but none reaches the definition's areas.
  func resultDoesNotVary(_ amount: String, untouched: Bool) -> String {
    guard untouched else {
      return pick(
        "This result is \(amount) \(millionsUnit) in every simulated future: nothing in this"
          + " run varies it.",
        "Dette resultat er \(amount) \(millionsUnit) i alle simulerede forløb: intet i denne"
          + " kørsel får det til at variere.")
    }
    return pick(
      "This result is \(amount) \(millionsUnit) in every simulated future: no uncertain"
        + " assumption touches these areas, so nothing drives it.",
      "Dette resultat er \(amount) \(millionsUnit) i alle simulerede forløb: ingen usikker"
        + " forudsætning berører disse områder, så intet driver det.")
  }

  /// The EVPI sentence, framed as the budget decision.
  func evpiSentence(_ amount: String, fundingPays: Bool) -> String {
    let decision =
      fundingPays
      ? pick(
        "On what is known now, funding is expected to pay within the horizon.",
        "Med den nuværende viden forventes bevillingen at betale sig inden for horisonten.")
      : pick(
        "On what is known now, funding is not expected to pay within the horizon.",
        "Med den nuværende viden forventes bevillingen ikke at betale sig inden for"
          + " horisonten.")
    return decision + " "
      + pick(
        "EVPI, what it would be worth to know the outcome before deciding, is \(amount);"
          + " no study of any assumption can be worth more. EVPPI is what knowing that one"
          + " parameter would be worth.",
        "EVPI, værdien af at kende udfaldet før beslutningen, er \(amount); ingen"
          + " undersøgelse af en forudsætning kan være mere værd. EVPPI er værdien af at kende"
          + " netop den parameter.")
  }

  var noUncertainParameters: String {
    pick(
      "No iteration-scope parameter varies in this run: the spread comes from chance among the"
        + " cohort's people alone, so there is no assumption to rank.",
      "Ingen parameter, der trækkes pr. forløb, varierer i denne kørsel: spredningen skyldes alene"
        + " tilfældighed blandt målgruppens borgere, så der er ingen forudsætning at rangordne.")
  }

  func oneUncertainParameter(_ name: String) -> String {
    pick(
      "Only one parameter (\(name)) varies in this run, so there is nothing to rank it"
        + " against and no chart to draw.",
      "Kun én parameter (\(name)) varierer i denne kørsel, så der er intet at rangordne den"
        + " imod og ingen figur at tegne.")
  }

  /// "About half of the risk (52 % of the variance) is chance in a cohort of 15: ...".
  func chanceSentence(_ share: Double, percent: String, rest: String, cohort: Int) -> String {
    let english: String
    let danish: String
    switch share {
    case 0.9...: (english, danish) = ("Nearly all of the risk", "Næsten hele risikoen")
    case 0.6..<0.9: (english, danish) = ("Most of the risk", "Det meste af risikoen")
    case 0.4..<0.6: (english, danish) = ("About half of the risk", "Omkring halvdelen af risikoen")
    case 0.1..<0.4: (english, danish) = ("Some of the risk", "En del af risikoen")
    default: (english, danish) = ("Little of the risk", "Kun lidt af risikoen")
    }
    let people = AmountFormatting.grouped(cohort)
    return pick(
      "\(english) (\(percent) of the variance) is chance in a cohort of \(people): more"
        + " evidence on the assumptions cannot remove it. The other \(rest) is uncertainty"
        + " about the assumptions, which better evidence can reduce.",
      "\(danish) (\(percent) af variansen) er tilfældighed i en målgruppe på \(people): mere"
        + " viden om forudsætningerne kan ikke fjerne den. De øvrige \(rest) er usikkerhed om"
        + " forudsætningerne, som bedre viden kan mindske.")
  }

  var runWithVarianceSplit: String {
    pick(
      "Run with --variance-split to see how much of this risk is chance in a cohort of this"
        + " size.",
      "Kør med --variance-split for at se, hvor meget af risikoen der er tilfældighed i en"
        + " målgruppe af denne størrelse.")
  }

  // MARK: - Tornado chart

  func tornadoTitle(_ name: String) -> String {
    pick("What drives the risk: \(name)", "Hvad driver risikoen: \(name)")
  }
  var tornadoLow: String {
    pick("Mean if θ ≤ 10th percentile", "Gennemsnit når θ ≤ 10 %-fraktilen")
  }
  var tornadoHigh: String {
    pick("Mean if θ ≥ 90th percentile", "Gennemsnit når θ ≥ 90 %-fraktilen")
  }
  var tornadoOneWay: String {
    pick("One-way: θ at 5 % and 95 %, rest at base", "Envejs: θ ved 5 % og 95 %, resten på basis")
  }
  var tornadoMean: String { pick("Mean", "Gennemsnit") }

  func tornadoRowsShown(_ shown: Int, of total: Int) -> String {
    pick(
      "The \(shown) largest of \(total) are drawn; the table lists all.",
      "De \(shown) største af \(total) er tegnet; tabellen viser alle.")
  }

  /// Under the HTML table: what the columns mean.
  func driversTableNote(_ unit: String) -> String {
    pick(
      "Share of variance: the first-order index, the share of the result's variance that the"
        + " parameter alone explains. Low / high θ: the mean result when the parameter is at or"
        + " below its 10th / at or above its 90th percentile (shown below the amount). One-way:"
        + " the model at base values with the parameter at its 5th / 95th percentile. Amounts"
        + " in \(unit); EVPPI in kroner.",
      "Andel af variansen: førsteordensindekset, den andel af resultatets varians, parameteren"
        + " alene forklarer. Lav / høj θ: det gennemsnitlige resultat, når parameteren ligger på"
        + " eller under sin 10 %-fraktil / på eller over sin 90 %-fraktil (vist under beløbet)."
        + " Envejs: modellen med basisværdier, hvor parameteren står på sin 5 %- / 95 %-fraktil."
        + " Beløb i \(unit); EVPPI i kroner.")
  }
  var tornadoCaption: String {
    pick(
      "Bars: the mean result among the simulated futures with the parameter in its lowest"
        + " (light) or highest (dark) tenth, drawn from the overall mean. Whisker: the model at"
        + " base values with only this parameter at its 5th (circle) and 95th (square)"
        + " percentile. Largest share of variance first.",
      "Søjler: det gennemsnitlige resultat blandt de simulerede forløb, hvor parameteren ligger"
        + " i sin laveste (lys) eller højeste (mørk) tiendedel, tegnet fra det samlede"
        + " gennemsnit. Streg: modellen med basisværdier, hvor kun denne parameter står på sin"
        + " 5 %- (cirkel) og 95 %-fraktil (firkant). Største andel af variansen først.")
  }

  // MARK: - The business case's own claim

  var claimLine: String { pick("The business case's figures", "Businesscasens egne tal") }
  var baseValuesLine: String { pick("Model at base values", "Modellen med basisværdier") }

  /// "The business case's claim (payback in 4 years, Totaløkonomi) holds in 0,2 % of the
  /// simulated futures."
  func claimHolds(years: Int, name: String, percent: String) -> String {
    pick(
      "The business case's claim (payback in \(self.years(years)), \(name)) holds in \(percent)"
        + " of the simulated futures.",
      "Businesscasens påstand (tjent hjem efter \(self.years(years)), \(name)) holder i"
        + " \(percent) af de simulerede forløb.")
  }

  func claimBeyondHorizon(years: Int, name: String, horizon: Int) -> String {
    pick(
      "The business case's claim (payback in \(self.years(years)), \(name)) lies beyond the"
        + " \(horizon)-year horizon and cannot be checked here.",
      "Businesscasens påstand (tjent hjem efter \(self.years(years)), \(name)) ligger ud"
        + " over tidshorisonten på \(self.years(horizon)) og kan ikke efterprøves her.")
  }

  /// Deterministic mode: the claim stated beside the base-value reading.
  func claimStated(years: Int, name: String) -> String {
    pick(
      "The business case itself claims payback in \(self.years(years)) (\(name)).",
      "Businesscasen angiver selv, at investeringen er tjent hjem efter \(self.years(years))"
        + " (\(name)).")
  }

  /// "The business case's own figures (cumulative net impact 35,20 mio. kr. by the end of
  /// 2023) are met or bettered in 97,3 % of the simulated futures."
  func claimFiguresMet(amount: String, lastYear: Int, percent: String) -> String {
    pick(
      "The business case's own figures (cumulative net impact \(amount) \(millionsUnit) by the"
        + " end of \(lastYear)) are met or bettered in \(percent) of the simulated futures.",
      "Businesscasens egne tal (akkumuleret påvirkning \(amount) \(millionsUnit) ved udgangen"
        + " af \(lastYear)) nås eller overgås i \(percent) af de simulerede forløb.")
  }
}
