import EffectSim

/// The `--format json` output: the JSON output contract of the scenario format, exactly.
///
/// Keys appear in the contract's order; everything that depends on the machine or the clock
/// sits under `run`, the last key, so two runs with the same seed compare byte for byte once
/// `run` is removed. Keys beyond the contract (`settings.percentiles`, `scenario.priceLevel`,
/// `scenario.currency`, `payback[].discounted`, `payback[].probabilityMCSE`,
/// `payback[].deterministicYear`, `settings.varianceSplit`) are additions the contract allows.
/// `sensitivity` (Monte Carlo), `varianceSplit` (with `--variance-split`) and `claim` (when
/// the scenario has one) come after `occupancy`, in that order.
enum JSONRenderer {
  /// The summary as JSON text, ending with a newline.
  static func render(_ summary: RunSummary) -> String {
    document(summary).serialized()
  }

  /// The summary as a tree, in contract order; internal so tests can inspect it.
  static func document(_ summary: RunSummary) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("scenario", scenario(summary.scenario)),
      ("settings", settings(summary.settings)),
      ("years", .array(summary.years.map(JSONValue.int))),
      ("areas", .array(summary.areas.map(JSONValue.string))),
      ("netImpact", series(summary.netImpact)),
      ("cumulativeNetImpact", series(summary.cumulativeNetImpact)),
      (
        "armCosts",
        .object([
          ("intervention", .object([("total", statistics(summary.armCosts.intervention))])),
          ("control", .object([("total", statistics(summary.armCosts.control))])),
        ])
      ),
      ("payback", .array(summary.payback.map(payback))),
      ("outcomes", outcomes(summary.outcomes)),
      ("presentValue", presentValue(summary.presentValue)),
      ("occupancy", .array(summary.occupancy.map(occupancy))),
    ]
    if summary.settings.mode == .montecarlo {
      members.append(("sensitivity", .array(summary.sensitivity.map(sensitivity))))
    }
    if !summary.varianceSplit.isEmpty {
      members.append(("varianceSplit", .array(summary.varianceSplit.map(varianceSplit))))
    }
    if let claim = summary.claim { members.append(("claim", self.claim(claim))) }
    members.append(("run", run(summary.run)))
    return .object(members)
  }

  // MARK: - Statistics

  /// `{"mean", "sd", "mcse", "percentiles": {"5": x, ...}}`, percentiles in requested order.
  static func statistic(_ value: Statistic) -> JSONValue {
    .object([
      ("mean", .number(value.mean)),
      ("sd", .number(value.sd)),
      ("mcse", .number(value.mcse)),
      (
        "percentiles",
        .object(
          value.percentiles.map { percentile in
            (JSONValue.format(percentile.level), .number(percentile.value))
          })
      ),
    ])
  }

  private static func statistics(_ values: [Statistic]) -> JSONValue {
    .array(values.map(statistic))
  }

  private static func series(_ series: AreaSeries) -> JSONValue {
    .object([
      ("total", statistics(series.total)),
      ("byArea", .object(series.byArea.map { ($0.area, statistics($0.values)) })),
    ])
  }

  // MARK: - Sections

  private static func scenario(_ info: ScenarioInfo) -> JSONValue {
    .object([
      ("name", .string(info.name)),
      ("source", .optional(info.source)),
      ("start", .int(info.start)),
      ("years", .int(info.years)),
      ("cycle", .string(info.cycle)),
      ("priceLevel", .optional(info.priceLevel)),
      ("currency", .string(info.currency)),
    ])
  }

  private static func settings(_ settings: RunSettings) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("mode", .string(settings.mode.rawValue)),
      ("iterations", .int(settings.iterations)),
      ("seed", .uint(settings.seed)),
      ("pairing", .string(settings.pairing)),
      ("percentiles", .array(settings.percentileLevels.map(JSONValue.number))),
      ("overrides", overrides(settings.overrides)),
    ]
    if settings.varianceSplit { members.append(("varianceSplit", .bool(true))) }
    // Only a run to a stated precision has these: the target, whether every payback
    // probability met it, and the cap that bounded the run.
    if let precision = settings.precision {
      members += [
        ("precision", .number(precision.target)),
        ("precisionReached", .bool(precision.reached)),
        ("iterationCap", .int(precision.cap)),
      ]
    }
    return .object(members)
  }

  /// `[{"parameter": "places", "value": 230}, ...]`: the `--set` values in their JSON form.
  static func overrides(_ overrides: [ScenarioOverride]) -> JSONValue {
    .array(overrides.map { .object([("parameter", .string($0.parameter)), ("value", $0.value)]) })
  }

  private static func payback(_ payback: PaybackSummary) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("name", .string(payback.name)),
      ("areas", payback.areas.map { .array($0.map(JSONValue.string)) } ?? .string("all")),
      ("discounted", .bool(payback.discounted)),
      ("probabilityByYear", .array(payback.probabilityByYear.map(JSONValue.number))),
      ("probabilityMCSE", .array(payback.probabilityMCSE.map(JSONValue.number))),
      ("probabilityNotWithinHorizon", .number(payback.probabilityNotWithinHorizon)),
      ("medianYear", .optional(payback.medianYear)),
    ]
    if let year = payback.deterministicYear {
      members.append(("deterministicYear", .int(year)))
    }
    return .object(members)
  }

  private static func outcomes(_ outcomes: [OutcomeSummary]) -> JSONValue {
    .object(
      outcomes.map { outcome in
        (
          outcome.name,
          .object([
            ("intervention", statistic(outcome.intervention)),
            ("control", statistic(outcome.control)),
            ("difference", statistic(outcome.difference)),
          ])
        )
      })
  }

  private static func presentValue(_ value: PresentValueSummary) -> JSONValue {
    .object([
      (
        "netImpact",
        .object([
          ("total", statistic(value.netImpactTotal)),
          ("byArea", .object(value.netImpactByArea.map { ($0.area, statistic($0.value)) })),
        ])
      ),
      (
        "armCosts",
        .object([
          ("intervention", statistic(value.armCostsIntervention)),
          ("control", statistic(value.armCostsControl)),
        ])
      ),
      ("outcomes", outcomes(value.outcomes)),
    ])
  }

  private static func occupancy(_ entry: OccupancySummary) -> JSONValue {
    .object([
      ("cycle", .int(entry.cycle)),
      ("intervention", .object(entry.intervention.map { ($0.state, statistic($0.share)) })),
      ("control", .object(entry.control.map { ($0.state, statistic($0.share)) })),
    ])
  }

  // MARK: - What drives the risk

  private static func sensitivity(_ entry: SensitivitySummary) -> JSONValue {
    .object([
      ("payback", .string(entry.payback)),
      ("evpi", .number(entry.evpi)),
      (
        "parameters",
        .array(
          entry.parameters.map { parameter in
            .object([
              ("name", .string(parameter.name)),
              ("spearman", .number(parameter.spearman)),
              ("prcc", .number(parameter.prcc)),
              ("varianceShare", .number(parameter.varianceShare)),
              ("evppi", .number(parameter.evppi)),
              ("low", tail(parameter.low)),
              ("high", tail(parameter.high)),
              (
                "oneWay",
                .object([
                  ("lowValue", .number(parameter.oneWay.lowValue)),
                  ("highValue", .number(parameter.oneWay.highValue)),
                  ("lowResult", .number(parameter.oneWay.lowResult)),
                  ("highResult", .number(parameter.oneWay.highResult)),
                ])
              ),
            ])
          })
      ),
    ])
  }

  private static func tail(_ tail: ParameterSensitivity.Tail) -> JSONValue {
    .object([("value", .number(tail.value)), ("mean", .number(tail.mean))])
  }

  private static func varianceSplit(_ entry: VarianceSplitSummary) -> JSONValue {
    .object([
      ("payback", .string(entry.payback)),
      ("total", .number(entry.total)),
      ("parameter", .number(entry.parameter)),
      ("chance", .number(entry.chance)),
      ("chanceShare", .number(entry.chanceShare)),
    ])
  }

  private static func claim(_ claim: ClaimSummary) -> JSONValue {
    .object([
      ("netImpact", .array(claim.netImpact.map(JSONValue.number))),
      ("cumulative", .array(claim.cumulative.map(JSONValue.number))),
      (
        "payback",
        .array(
          claim.payback.map { entry in
            .object([
              ("name", .string(entry.name)),
              ("years", .int(entry.years)),
              ("probability", .number(entry.probability)),
            ])
          })
      ),
      ("cumulativeRank", .array(claim.cumulativeRank.map(JSONValue.number))),
    ])
  }

  private static func run(_ run: RunInfo) -> JSONValue {
    .object([
      ("engineVersion", .string(run.engineVersion)),
      ("threads", .int(run.threads)),
      ("seconds", .number(run.seconds)),
      ("personCycles", .number(run.personCycles)),
      ("personCyclesPerSecond", .number(run.personCyclesPerSecond)),
      ("kernel", .string(run.kernel)),
      ("driversSeconds", .number(run.driversSeconds)),
    ])
  }
}
