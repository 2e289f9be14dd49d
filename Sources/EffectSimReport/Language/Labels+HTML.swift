import EffectSim

/// The words only the HTML report (and the charts alone) print: captions, the register and
/// the method note.
extension Labels {
  // MARK: - Captions

  var fanCaption: String {
    pick(
      "Bands: 5-95 % and 25-75 % of the simulated futures; line: their median; dashed: the"
        + " model with every parameter at its base value (expected cohort trace); dotted, where"
        + " the scenario states them: the business case's own figures. Below zero the"
        + " investment has paid back.",
      "Bånd: 5-95 % og 25-75 % af de simulerede forløb; linje: medianen; stiplet: modellen"
        + " med alle parametre på basisværdien (forventet forløb); prikket, hvor scenariet"
        + " angiver dem: businesscasens egne tal. Under nul er investeringen tjent hjem.")
  }

  /// The fan chart of a deterministic run: one line, no bands, and why.
  var fanCaptionDeterministic: String {
    pick(
      "Line: every parameter at its base value and the cohort's expected path, as a"
        + " spreadsheet computes it; dotted, where the scenario states them: the business"
        + " case's own figures. No uncertainty was simulated, so there are no bands. Below zero"
        + " the investment has paid back.",
      "Linje: alle parametre på basisværdien og målgruppens forventede forløb, som et"
        + " regneark beregner det; prikket, hvor scenariet angiver dem: businesscasens egne"
        + " tal. Der er ikke simuleret usikkerhed, så der er ingen bånd. Under nul er"
        + " investeringen tjent hjem.")
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
      "Share of the \(count) simulated futures in each interval. Right of zero the investment"
        + " has cost more than it saved over the horizon (a net expense).",
      "Andel af de \(count) simulerede forløb i hvert interval. Til højre for nul har"
        + " investeringen kostet mere, end den har sparet, over tidshorisonten (en merudgift).")
  }

  /// Under a payback chart whose axis stops short of 100 %.
  func paybackAxisZoomed(_ top: String) -> String {
    pick(
      "Every probability is below \(top), so the axis ends there (not at 100 %) and the table"
        + " comes first.",
      "Alle sandsynligheder er under \(top), så aksen slutter dér (ikke ved 100 %), og tabellen"
        + " står først.")
  }

  /// The axis title of a zoomed payback chart.
  func probabilityAxisTo(_ top: String) -> String {
    pick("Probability (axis to \(top))", "Sandsynlighed (akse til \(top))")
  }

  var paybackYearTitle: String {
    pick("Payback year with base values", "Tilbagebetalingstid med basisværdier")
  }
  var paidBackAfter: String { pick("Pays back", "Tjent hjem") }

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
  var calibrationNoteDeterministic: String {
    pick(
      "Share of the cohort in each state a given time after entry, on the expected path: hold"
        + " these against the trial or register data the case rests on.",
      "Andel af målgruppen i hver tilstand et givet stykke tid efter start, i det forventede"
        + " forløb: sammenhold dem med det forsøg eller de registerdata, sagen bygger på.")
  }

  // MARK: - Register

  var assumptionsTitle: String { pick("Assumptions register", "Forudsætninger") }
  var assumptionsNote: String {
    pick(
      "Every parameter of the scenario. Simulated: the median and, below it, 5 % to 95 % of"
        + " the values the simulated futures used; for parameters drawn per person, the"
        + " distribution's own percentiles (the variation between citizens).",
      "Alle scenariets parametre. Simuleret: medianen og nedenunder 5 % til 95 % af de"
        + " værdier, de simulerede forløb brugte; for parametre, der trækkes pr. person,"
        + " fordelingens egne fraktiler (variationen mellem borgere).")
  }
  var assumptionsNoteDeterministic: String {
    pick(
      "Every parameter of the scenario. This run used the base values only; the distributions"
        + " are what a Monte Carlo run would draw from.",
      "Alle scenariets parametre. Denne kørsel brugte kun basisværdierne; fordelingerne er dem,"
        + " en Monte Carlo-kørsel ville trække fra.")
  }
  var parameter: String { pick("Parameter", "Parameter") }
  var definitionColumn: String { pick("Definition", "Definition") }
  var scope: String { pick("Drawn per", "Trækkes pr.") }
  var base: String { pick("Base", "Basis") }
  var simulatedRange: String { pick("Simulated", "Simuleret") }
  var notSimulated: String { pick("not simulated", "ikke simuleret") }
  var variesPerPerson: String { pick("varies per person", "varierer pr. person") }
  /// The register's mark on a parameter replaced by `--set`.
  func setOnCommandLine(_ name: String, _ value: String) -> String {
    pick(
      "Set on the command line (--set \(name)=\(value)), not the file's value.",
      "Ændret på kommandolinjen (--set \(name)=\(value)), ikke filens værdi.")
  }
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
  var noteColumn: String { pick("Note", "Note") }
  var perPersonDistribution: String { pick("per person", "pr. person") }
  var fixed: String { pick("fixed", "fast værdi") }

  /// How the scenario defines a parameter, in the report's words and number style:
  /// "fast værdi", "= a * b", "Beta(144; 96)", "Ligefordeling(0,4; 1)".
  func definition(_ parameter: ParameterSummary) -> String {
    switch parameter.kind {
    case .fixed: return fixed
    case .derived(let expression): return "= " + expression
    case .distributed(let notation):
      guard let distribution = parameter.distribution else { return notation }
      return ReportText.isFixed(parameter) ? fixed : self.notation(distribution)
    }
  }

  /// A distribution with Danish numbers, so that "0,15" in the register matches "Basis 0,15":
  /// arguments are separated by "; " because "," is the decimal sign.
  func notation(_ distribution: Distribution) -> String {
    func n(_ value: Double) -> String { AmountFormatting.exact(value, minus: .sign) }
    func call(_ name: String, _ arguments: [String]) -> String {
      name + "(" + arguments.joined(separator: "; ") + ")"
    }
    switch distribution {
    case .uniform(let low, let high):
      return call(pick("Uniform", "Ligefordeling"), [n(low), n(high)])
    case .triangular(let low, let mode, let high):
      return call(pick("Triangular", "Trekantfordeling"), [n(low), n(mode), n(high)])
    case .pert(let low, let mode, let high, let lambda):
      return call("PERT", [n(low), n(mode), n(high)] + (lambda == 4 ? [] : ["λ = " + n(lambda)]))
    case .normal(let mean, let sd, let low, let high):
      let text = call(pick("Normal", "Normalfordeling"), [n(mean), n(sd)])
      guard low != nil || high != nil else { return text }
      let lower = low.map { "[" + n($0) } ?? "(−∞"
      let upper = high.map { n($0) + "]" } ?? "∞)"
      return text + " " + pick("on", "på") + " \(lower); \(upper)"
    case .lognormal(let mean, let sd):
      return call(
        pick("Lognormal", "Lognormalfordeling"),
        [pick("mean ", "middelværdi ") + n(mean), "sd " + n(sd)])
    case .beta(let alpha, let beta):
      return call("Beta", [n(alpha), n(beta)])
    case .gamma(let shape, let scale):
      return call(
        "Gamma", [pick("shape ", "form ") + n(shape), pick("scale ", "skala ") + n(scale)])
    case .discrete(let values, let weights):
      if values.count == 1 { return fixed }
      let total = weights.reduce(0, +)
      return call(
        pick("Discrete", "Diskret"),
        zip(values, weights).map { "\(n($0)): \(n(($1 / total * 1e4).rounded() / 1e4))" })
    }
  }

  /// The scope column: "iteration" (one draw per simulated future) or "person".
  func scopeName(_ scope: String) -> String {
    scope == "person" ? pick("person", "person") : pick("iteration", "forløb")
  }

  // MARK: - Method

  var methodTitle: String { pick("Method", "Metode") }

  /// The command that reproduces the run, with the scenario file's path when the command line
  /// gave one, every `--set` of the run, and the kernel used (another kernel draws other
  /// futures).
  func reproduceCommand(_ summary: RunSummary, scenarioPath: String?) -> String {
    let path = scenarioPath.map(Self.shellWord) ?? "SCENARIO"
    let settings = summary.settings
    let sets = settings.overrides.map { " --set " + Self.shellWord("\($0.parameter)=\($0.text)") }
      .joined()
    guard settings.mode == .montecarlo else {
      return "effectsim run \(path) --deterministic" + sets
    }
    return "effectsim run \(path) --iterations \(settings.iterations) --seed \(settings.seed)"
      + " --kernel \(summary.run.kernel)" + sets
  }

  /// `word` as one shell word: quoted when it holds anything beyond the safe characters of a
  /// path.
  static func shellWord(_ word: String) -> String {
    let safe = word.unicodeScalars.allSatisfy { scalar in
      scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
        || "/._-+,:=@%".unicodeScalars.contains(scalar)
    }
    guard !safe || word.isEmpty else { return word }
    return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  func methodParagraphs(_ summary: RunSummary, scenarioPath: String?) -> [String] {
    let reproduce = reproduceCommand(summary, scenarioPath: scenarioPath)
    let version = summary.run.engineVersion
    guard summary.settings.mode == .montecarlo else {
      return [
        pick(
          "Model: deterministic. Every parameter takes its base value, and the cohort moves"
            + " between the scenario's states as fractions of people along the expected path,"
            + " once under the intervention and once under usual services (control), as a"
            + " spreadsheet computes a business case. Costs of each state are summed per budget"
            + " area and calendar year. Net impact = intervention − control + line items"
            + " (expenses positive, savings negative). Nothing is drawn at random, so the run"
            + " says nothing about the spread of the outcomes or the probability of paying"
            + " back.",
          "Model: deterministisk. Alle parametre har deres basisværdi, og målgruppen bevæger sig"
            + " mellem scenariets tilstande som andele af personer langs det forventede forløb,"
            + " én gang med indsatsen og én gang med den sædvanlige indsats (kontrol), sådan som"
            + " et regneark beregner en business case. Udgifterne i hver tilstand summeres pr."
            + " budgetområde og kalenderår. Økonomisk påvirkning = indsats − kontrol + faste"
            + " poster (udgifter positive, besparelser negative). Intet trækkes tilfældigt, så"
            + " kørslen siger intet om spredningen i udfaldene eller sandsynligheden for, at"
            + " investeringen tjenes hjem."),
        pick(
          "Reproduce these numbers with: \(reproduce) (engine version \(version)).",
          "Genskab tallene med: \(reproduce) (programversion \(version))."),
      ]
    }
    let coupled = summary.settings.pairing == "coupled"
    if language == .da {
      return [
        "Model: Hvert simuleret forløb trækker først alle usikre parametre én gang og følger"
          + " derefter hver borger i målgruppen cyklus for cyklus gennem scenariets tilstande,"
          + " én gang med indsatsen og én gang med den sædvanlige indsats (kontrol). Udgifterne"
          + " i hver tilstand summeres pr. budgetområde og kalenderår. Økonomisk påvirkning ="
          + " indsats − kontrol + faste poster (udgifter positive, besparelser negative)."
          + " Parametre pr. person trækkes for hver borger.",
        coupled
          ? "Parring: koblet. En borgers to forløb bruger de samme tilfældige tal, så forskellen"
            + " mellem armene afspejler indsatsen og ikke held."
          : "Parring: uafhængig. En borgers to forløb trækkes uafhængigt af hinanden.",
        "Fraktiler er stikprøvefraktiler over de simulerede forløb (type 7). Den"
          + " deterministiske linje bruger alle parametres basisværdi og det forventede forløb,"
          + " som et regneark.",
        "Monte Carlo-standardfejl: en sandsynlighed p beregnet af n simulerede forløb har"
          + " standardfejlen √(p(1 − p)/(n − 1)). Den siger, hvor meget tallet kunne flytte sig"
          + " med et andet seed, ikke hvor usikker sagen er; flere forløb gør den mindre,"
          + " spredningen i udfaldene gør de ikke. En sandsynlighed under 0,05 % skrives"
          + " \"< 0,1 %\" og en over 99,95 % \"> 99,9 %\": et endeligt antal forløb kan ikke"
          + " skelne 0 fra en sandsynlighed, der er for lille til at vise sig.",
        "Ordene i overskriften: med stor sandsynlighed (95 % eller mere), sandsynligvis"
          + " (67-95 %), lige så sandsynligt som ikke (33-67 %), sandsynligvis ikke (5-33 %),"
          + " med stor sandsynlighed ikke (5 % eller mindre).",
        "Genskab tallene med: \(reproduce) (programversion \(version)).",
      ]
    }
    return [
      "Model: each simulated future first draws every uncertain parameter once, then follows"
        + " every citizen of the cohort cycle by cycle through the scenario's states, once under"
        + " the intervention and once under usual services (control). Costs of each state are"
        + " summed per budget area and calendar year. Net impact = intervention − control +"
        + " line items (expenses positive, savings negative). Person-scope parameters are"
        + " drawn for each citizen.",
      coupled
        ? "Pairing: coupled. A citizen's two arms use the same random numbers, so the difference"
          + " between the arms reflects the intervention rather than luck."
        : "Pairing: independent. A citizen's two arms are drawn apart.",
      "Percentiles are sample percentiles over the simulated futures (type 7). The"
        + " deterministic line uses every parameter's base value and the expected cohort"
        + " trace, as a spreadsheet does.",
      "Monte Carlo standard error: a probability p estimated from n simulated futures has the"
        + " standard error √(p(1 − p)/(n − 1)). It says how far the figure could move with"
        + " another seed, not how uncertain the case is; more futures shrink it, the spread of"
        + " the outcomes they do not. A probability below 0,05 % reads \"< 0,1 %\" and one"
        + " above 99,95 % \"> 99,9 %\": a finite run cannot tell 0 from a probability too small"
        + " to have shown up.",
      "The words of the headline: very probably (95 % or more), probably (67-95 %), about as"
        + " likely as not (33-67 %), probably not (5-33 %), very probably not (5 % or less).",
      "Reproduce these numbers with: \(reproduce) (engine version \(version)).",
    ]
  }
}
