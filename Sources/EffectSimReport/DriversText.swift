import EffectSim

/// The wording of "What drives the risk" shared by table, markdown and html, so the three say
/// the same thing in the same order.
enum DriversText {
  /// Whether a summary has the section: Monte Carlo runs with at least one payback definition.
  static func applies(_ summary: RunSummary) -> Bool {
    summary.settings.mode == .montecarlo && !summary.sensitivity.isEmpty
  }

  /// The heading of one definition's block: "Totaløkonomi (all areas)".
  static func heading(_ summary: RunSummary, _ index: Int, _ labels: Labels) -> String {
    guard index < summary.payback.count else { return summary.sensitivity[index].payback }
    return ReportText.paybackLabel(summary.payback[index], summary.scenario, labels)
  }

  /// Whether the block draws a tornado and ranks: two or more uncertain parameters, and a
  /// result that varies at all.
  static func ranks(_ entry: SensitivitySummary) -> Bool {
    entry.parameters.count >= 2 && varies(entry)
  }

  /// Whether the block lists its parameters: the result varies between simulated futures.
  static func varies(_ entry: SensitivitySummary) -> Bool { entry.sd > 0 }

  /// The sentences under one definition's block, in order: what varies (when fewer than two
  /// parameters do), the decision and EVPI, chance against knowledge.
  static func sentences(
    _ summary: RunSummary, _ index: Int, _ labels: Labels
  ) -> [String] {
    let entry = summary.sensitivity[index]
    let mean = Verdict.millions([entry.mean])[0]
    guard varies(entry) else {
      return [labels.resultDoesNotVary(mean, untouched: !entry.parameters.isEmpty)]
    }
    var sentences: [String] = []
    switch entry.parameters.count {
    case 0: sentences.append(labels.noUncertainParameters)
    case 1: sentences.append(labels.oneUncertainParameter(entry.parameters[0].name))
    default: break
    }
    sentences.append(labels.driversMean(mean))
    sentences.append(
      labels.evpiSentence(amount(entry.evpi, summary), fundingPays: entry.mean < 0))
    if let split = summary.varianceSplit.first(where: { $0.payback == entry.payback }) {
      if split.chanceShare.isFinite {
        sentences.append(
          labels.chanceSentence(
            split.chanceShare, percent: AmountFormatting.percent(split.chanceShare, decimals: 0),
            rest: AmountFormatting.percent(1 - split.chanceShare, decimals: 0),
            cohort: split.cohortSize))
      }
    } else if summary.varianceSplit.isEmpty {
      sentences.append(labels.runWithVarianceSplit)
    }
    return sentences
  }

  /// An amount in whole kroner for a sentence, "2.757 kr.": an EVPI of a few thousand kroner
  /// would round to "3" in the thousands the tables use.
  static func amount(_ value: Double, _ summary: RunSummary) -> String {
    let currency = summary.scenario.currency == "DKK" ? "kr." : summary.scenario.currency
    return AmountFormatting.decimal(value, decimals: 0) + " " + currency
  }

  /// "1.000 kr. 2022 p/l": the unit of the table's amounts.
  static func unit(_ summary: RunSummary) -> String { ReportText.unit(summary.scenario) }

  /// The column heads of the ranked list in table and markdown.
  static func header(_ labels: Labels) -> [String] {
    [
      labels.parameter, labels.varianceShareShort, "Spearman", "PRCC", labels.lowTailShort,
      labels.highTailShort, labels.oneWayLow, labels.oneWayHigh, labels.evppiColumn,
    ]
  }

  /// One parameter's row of the ranked list: amounts in thousands, EVPPI in kroner (a value
  /// of information is often a few thousand kroner, which thousands would round away).
  /// - Parameter minus: the hyphen for the text table, the minus sign for markdown.
  static func cells(
    _ parameter: ParameterSensitivity, minus: AmountFormatting.Minus = .hyphen
  ) -> [String] {
    func thousands(_ value: Double) -> String { AmountFormatting.thousands(value, minus: minus) }
    return [
      parameter.name, share(parameter.varianceShare),
      coefficient(parameter.spearman, minus: minus), coefficient(parameter.prcc, minus: minus),
      thousands(parameter.low.mean), thousands(parameter.high.mean),
      thousands(parameter.oneWay.lowResult), thousands(parameter.oneWay.highResult),
      AmountFormatting.decimal(parameter.evppi, decimals: 0, minus: minus),
    ]
  }

  /// A coefficient with two decimals, "n/a" when not defined.
  static func coefficient(_ value: Double, minus: AmountFormatting.Minus = .hyphen) -> String {
    AmountFormatting.decimal(value, decimals: 2, minus: minus)
  }

  /// A share of variance: "41,2 %".
  static func share(_ value: Double) -> String { AmountFormatting.percent(value) }
}
