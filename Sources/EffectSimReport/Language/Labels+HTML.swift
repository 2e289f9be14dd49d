import EffectSim

/// The words only the HTML report prints: captions, the register and the method note.
extension Labels {
  // MARK: - Captions

  var fanCaption: String {
    pick(
      "Bands: 5-95 % and 25-75 % of the simulated futures; line: their median; dashed: the"
        + " model with every parameter at its base value (expected cohort trace); dotted, where"
        + " the scenario states them: the business case's own figures. Below zero the case"
        + " has paid back.",
      "Bånd: 5-95 % og 25-75 % af de simulerede forløb; linje: medianen; stiplet: modellen"
        + " med alle parametre på basisværdien (forventet forløb); prikket, hvor scenariet"
        + " angiver dem: businesscasens egne tal. Under nul er sagen tilbagebetalt.")
  }

  func levelsNotComputed(_ levels: [String]) -> String {
    let list = levels.joined(separator: ", ")
    return pick(
      "Percentiles not computed in this run, so not drawn: \(list).",
      "Fraktiler, der ikke er beregnet i denne kørsel og derfor ikke vises: \(list).")
  }

  var noSpreadsheetLine: String {
    pick("The deterministic line was not computed.", "Den deterministiske linje er ikke beregnet.")
  }

  func histogramCaption(_ iterations: Int) -> String {
    let count = AmountFormatting.grouped(iterations)
    return pick(
      "Share of the \(count) simulated futures in each interval. Right of zero the case has"
        + " cost more than it saved over the horizon.",
      "Andel af de \(count) simulerede forløb i hvert interval. Til højre for nul har sagen"
        + " kostet mere, end den har sparet, over tidshorisonten.")
  }

  // MARK: - Calibration

  var calibrationTitle: String { pick("Outcomes and calibration", "Effekter og kalibrering") }
  var calibrationNote: String {
    pick(
      "Share of the cohort in each state a given time after entry (mean over the simulated"
        + " futures, 5-95 % below): hold these against the trial or register data the case"
        + " rests on.",
      "Andel af målgruppen i hver tilstand et givet stykke tid efter start (gennemsnit over de"
        + " simulerede forløb, 5-95 % nedenunder): sammenhold dem med det forsøg eller de"
        + " registerdata, sagen bygger på.")
  }

  // MARK: - Register

  var assumptionsTitle: String { pick("Assumptions register", "Forudsætninger") }
  var assumptionsNote: String {
    pick(
      "Every parameter of the scenario. Simulated range: the median and 5-95 % of the values"
        + " the iterations used; for person-scope parameters, the distribution's own"
        + " percentiles (the variation between citizens).",
      "Alle scenariets parametre. Simuleret interval: medianen og 5-95 % af de værdier,"
        + " iterationerne brugte; for parametre pr. person fordelingens egne fraktiler"
        + " (variationen mellem borgere).")
  }
  var parameter: String { pick("Parameter", "Parameter") }
  var definitionColumn: String { pick("Definition", "Definition") }
  var scope: String { pick("Scope", "Niveau") }
  var base: String { pick("Base", "Basis") }
  var simulatedRange: String { pick("Simulated (5-95 %)", "Simuleret (5-95 %)") }
  var noteColumn: String { pick("Note", "Note") }
  /// The register's mark on a parameter replaced by `--set`.
  func setOnCommandLine(_ name: String, _ value: String) -> String {
    pick(
      "Set on the command line (--set \(name)=\(value)), not the file's value.",
      "Ændret på kommandolinjen (--set \(name)=\(value)), ikke filens værdi.")
  }
  var baseOnly: String { pick("fixed", "fast") }
  var correlationsTitle: String { pick("Correlated parameters", "Korrelerede parametre") }
  var correlationsNote: String {
    pick(
      "Drawn together through a Gaussian copula: each keeps its own distribution, and each pair"
        + " has the stated Spearman rank correlation. Pairs not listed are independent.",
      "Trækkes sammen gennem en gaussisk copula: hver beholder sin egen fordeling, og hvert par"
        + " har den angivne Spearman-rangkorrelation. Par, der ikke er nævnt, er uafhængige.")
  }
  var parametersColumn: String { pick("Parameters", "Parametre") }
  var rankCorrelation: String { pick("Rank correlation", "Rangkorrelation") }
  var perPersonDistribution: String { pick("per person", "pr. person") }

  func kind(_ kind: ParameterSummary.Kind) -> String {
    switch kind {
    case .fixed: pick("fixed", "fast værdi")
    case .derived(let expression): "= " + expression
    case .distributed(let notation): notation
    }
  }

  func scopeName(_ scope: String) -> String {
    scope == "person" ? pick("person", "person") : pick("iteration", "iteration")
  }

  // MARK: - Method

  var methodTitle: String { pick("Method", "Metode") }

  func methodParagraphs(_ summary: RunSummary) -> [String] {
    let settings = summary.settings
    let coupled = settings.pairing == "coupled"
    let reproduce =
      "effectsim run SCENARIO --iterations \(settings.iterations) --seed \(settings.seed)"
    if language == .da {
      return [
        "Model: Hvert simuleret forløb (iteration) trækker først alle usikre parametre én gang"
          + " og følger derefter hver borger i målgruppen cyklus for cyklus gennem scenariets"
          + " tilstande, én gang med indsatsen og én gang med den sædvanlige indsats (kontrol)."
          + " Udgifterne i hver tilstand summeres pr. budgetområde og kalenderår. Økonomisk"
          + " påvirkning = indsats − kontrol + faste poster (udgifter positive, besparelser"
          + " negative). Parametre pr. person trækkes for hver borger.",
        coupled
          ? "Parring: Koblet. En borgers to forløb bruger de samme tilfældige tal, så forskellen"
            + " mellem armene afspejler indsatsen og ikke held."
          : "Parring: Uafhængig. En borgers to forløb trækkes uafhængigt af hinanden.",
        "Fraktiler er stikprøvefraktiler over iterationerne (type 7). Den deterministiske linje"
          + " bruger alle parametres basisværdi og det forventede forløb, som et regneark.",
        "Monte Carlo-standardfejl (MCSE): en sandsynlighed p beregnet af n iterationer har"
          + " standardfejlen √(p(1 − p)/(n − 1)). Den siger, hvor meget tallet kunne flytte sig"
          + " med et andet seed, ikke hvor usikker sagen er; flere iterationer gør den mindre,"
          + " spredningen i udfaldene gør de ikke.",
        "Genskab tallene med: \(reproduce) (programversion \(summary.run.engineVersion)).",
      ]
    }
    return [
      "Model: each simulated future (iteration) first draws every uncertain parameter once,"
        + " then follows every citizen of the cohort cycle by cycle through the scenario's"
        + " states, once under the intervention and once under usual services (control)."
        + " Costs of each state are summed per budget area and calendar year. Net impact ="
        + " intervention − control + line items (expenses positive, savings negative)."
        + " Person-scope parameters are drawn for each citizen.",
      coupled
        ? "Pairing: coupled. A citizen's two arms use the same random numbers, so the difference"
          + " between the arms reflects the intervention rather than luck."
        : "Pairing: independent. A citizen's two arms are drawn apart.",
      "Percentiles are sample percentiles over the iterations (type 7). The deterministic line"
        + " uses every parameter's base value and the expected cohort trace, as a spreadsheet"
        + " does.",
      "Monte Carlo standard error (MCSE): a probability p estimated from n iterations has the"
        + " standard error √(p(1 − p)/(n − 1)). It says how far the figure could move with"
        + " another seed, not how uncertain the case is; more iterations shrink it, the spread"
        + " of the outcomes they do not.",
      "Reproduce these numbers with: \(reproduce) (engine version \(summary.run.engineVersion)).",
    ]
  }
}
