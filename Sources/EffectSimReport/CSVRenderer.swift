import EffectSim

/// The `--format csv` output: one tidy row per value, one column per dimension.
///
/// Header `metric,name,area,arm,state,cycle,year,statistic,value`. A column that does not
/// apply to a row stays empty, so a consumer filters on columns instead of taking dotted names
/// apart. Every statistic expands to the rows `mean`, `sd`, `mcse` and one `p<level>` per
/// requested percentile (`p5`, `p97.5`), in deterministic mode too, so a consumer filters the
/// same way in both modes.
///
/// Metrics, in output order, with the columns they fill:
/// - `netImpact`, `cumulativeNetImpact`: `area` (`total` or an area), `year`;
/// - `armCosts`: `area` `total`, `arm` (`intervention`, `control`), `year`;
/// - `paybackProbability` (`mean` is the probability of having paid back by the end of
///   `year`, `mcse` its standard error), `paybackNotWithinHorizon` (`mean`),
///   `paybackMedianYear` (`value`, a count of years; empty when none),
///   `paybackDeterministicYear` (`value`, only when known): `name` is the definition, `area`
///   `total` for all areas, else the definition's areas joined by `+`;
/// - `outcome`: `name` the outcome, `arm` `intervention`, `control` or `difference`;
///   undiscounted horizon totals;
/// - `presentValueNetImpact` (`area`), `presentValueArmCosts` (`arm`), `presentValueOutcome`
///   (`name`, `arm`);
/// - `occupancy`: `cycle` (cycles since entry), `arm`, `state` (the state's id): the share of
///   people in the state.
///
/// Names are the scenario's (ids, not labels): they are keys for programs. Values print in
/// Swift's shortest round-trip form, whole numbers below 2^53 without a fraction, NaN and
/// infinities as `NaN`, `Inf`, `-Inf` (the spellings R and pandas read). Machine facts (`run`)
/// are left out so equal runs give equal files.
///
/// `--csv-style excel-da` keeps the same rows and columns in Excel's Danish dialect
/// (see `CSVWriter`): `;` between fields, decimal commas, a byte-order mark, and with
/// `--lang da` Danish column headers.
enum CSVRenderer {
  static let header = [
    "metric", "name", "area", "arm", "state", "cycle", "year", "statistic", "value",
  ]
  static let danishHeader = [
    "nøgletal", "navn", "område", "arm", "tilstand", "cyklus", "år", "statistik", "værdi",
  ]

  /// Where a row sits: the dimensions other than the statistic and its value.
  struct Key {
    var metric: String
    var name = ""
    var area = ""
    var arm = ""
    var state = ""
    var cycle = ""
    var year = ""

    func fields(_ statistic: String, _ value: String) -> [String] {
      [metric, name, area, arm, state, cycle, year, statistic, value]
    }
  }

  /// The summary as CSV text, ending with a newline.
  /// - Parameters:
  ///   - summary: the run.
  ///   - style: the dialect; tidy by default.
  ///   - language: Danish headers in the Excel dialect with `.da`; English otherwise.
  static func render(
    _ summary: RunSummary, style: CSVStyle = .tidy, language: ReportLanguage = .en
  ) -> String {
    var csv = CSVWriter(style: style)
    csv.append(style == .excelDanish && language == .da ? danishHeader : header)
    let years = summary.years

    func yearly(_ key: Key, _ values: [Statistic]) {
      for (year, value) in zip(years, values) {
        var key = key
        key.year = String(year)
        statistic(value, key, into: &csv)
      }
    }

    for (metric, series) in [
      ("netImpact", summary.netImpact), ("cumulativeNetImpact", summary.cumulativeNetImpact),
    ] {
      yearly(Key(metric: metric, area: "total"), series.total)
      for entry in series.byArea { yearly(Key(metric: metric, area: entry.area), entry.values) }
    }
    for (arm, values) in [
      ("intervention", summary.armCosts.intervention), ("control", summary.armCosts.control),
    ] {
      yearly(Key(metric: "armCosts", area: "total", arm: arm), values)
    }

    for payback in summary.payback {
      let area = payback.areas?.joined(separator: "+") ?? "total"
      func key(_ metric: String, year: String = "") -> Key {
        Key(metric: metric, name: payback.name, area: area, year: year)
      }
      for (index, year) in years.enumerated() {
        let probability =
          payback.probabilityByYear.indices.contains(index)
          ? csv.number(payback.probabilityByYear[index]) : ""
        let mcse =
          payback.probabilityMCSE.indices.contains(index)
          ? csv.number(payback.probabilityMCSE[index]) : ""
        let row = key("paybackProbability", year: String(year))
        csv.append(row.fields("mean", probability))
        csv.append(row.fields("mcse", mcse))
      }
      csv.append(
        key("paybackNotWithinHorizon").fields(
          "mean", csv.number(payback.probabilityNotWithinHorizon)))
      csv.append(
        key("paybackMedianYear").fields("value", payback.medianYear.map(String.init) ?? ""))
      if let year = payback.deterministicYear {
        csv.append(key("paybackDeterministicYear").fields("value", String(year)))
      }
    }

    outcomes(summary.outcomes, metric: "outcome", into: &csv)

    let present = summary.presentValue
    statistic(
      present.netImpactTotal, Key(metric: "presentValueNetImpact", area: "total"), into: &csv)
    for entry in present.netImpactByArea {
      statistic(entry.value, Key(metric: "presentValueNetImpact", area: entry.area), into: &csv)
    }
    for (arm, value) in [
      ("intervention", present.armCostsIntervention), ("control", present.armCostsControl),
    ] {
      statistic(value, Key(metric: "presentValueArmCosts", area: "total", arm: arm), into: &csv)
    }
    outcomes(present.outcomes, metric: "presentValueOutcome", into: &csv)

    for entry in summary.occupancy {
      for (arm, shares) in [("intervention", entry.intervention), ("control", entry.control)] {
        for share in shares {
          let key = Key(
            metric: "occupancy", arm: arm, state: share.state, cycle: String(entry.cycle))
          statistic(share.share, key, into: &csv)
        }
      }
    }
    return csv.text
  }

  /// The statistic name of a percentile level: 5 → "p5", 97.5 → "p97.5".
  static func percentileName(_ level: Double) -> String {
    "p" + JSONValue.format(level)
  }

  /// A value with full precision, by the rule in the type's documentation.
  static func number(_ value: Double) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value < 0 ? "-Inf" : "Inf" }
    return JSONValue.format(value)
  }

  private static func outcomes(
    _ outcomes: [OutcomeSummary], metric: String, into csv: inout CSVWriter
  ) {
    for outcome in outcomes {
      for (arm, value) in [
        ("intervention", outcome.intervention), ("control", outcome.control),
        ("difference", outcome.difference),
      ] {
        statistic(value, Key(metric: metric, name: outcome.name, arm: arm), into: &csv)
      }
    }
  }

  private static func statistic(_ value: Statistic, _ key: Key, into csv: inout CSVWriter) {
    csv.append(key.fields("mean", csv.number(value.mean)))
    csv.append(key.fields("sd", csv.number(value.sd)))
    csv.append(key.fields("mcse", csv.number(value.mcse)))
    for percentile in value.percentiles {
      csv.append(key.fields(percentileName(percentile.level), csv.number(percentile.value)))
    }
  }
}
