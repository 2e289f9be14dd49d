import EffectSim

/// The `--format csv` output: one tidy row per metric × area × year × statistic.
///
/// Header `metric,area,year,statistic,value`. Columns that do not apply stay empty (`year`
/// of a horizon total, `area` of an outcome or an occupancy share). Every statistic expands
/// to the rows `mean`, `sd`, `mcse` and one `p<level>` per requested percentile (`p5`,
/// `p97.5`), in deterministic mode too, so a consumer filters the same way in both modes.
///
/// Metrics, in output order:
/// - `netImpact`, `cumulativeNetImpact`: area `total` and each area, per calendar year;
/// - `armCosts.intervention`, `armCosts.control`: area `total`, per year;
/// - `payback.<name>.probability` (per year: `mean` is the probability of having paid back
///   by the end of that year, `mcse` its standard error), `payback.<name>.notWithinHorizon`
///   (`mean`), `payback.<name>.medianYear` (`value`, a count of years; empty when none),
///   `payback.<name>.deterministicYear` (`value`, only when known); the area column holds
///   `total` for all areas, else the definition's areas joined by `+`;
/// - `outcome.<name>.intervention|control|difference`: undiscounted horizon totals;
/// - `presentValue.netImpact` (`total` and each area), `presentValue.armCosts.<arm>`,
///   `presentValue.outcome.<name>.<arm or difference>`;
/// - `occupancy.<cycle>.<arm>.<state>`: share of people in the state.
///
/// Values print in Swift's shortest round-trip form, whole numbers below 2^53 without a
/// fraction, NaN and infinities as `NaN`, `Inf`, `-Inf` (the spellings R and pandas read).
/// Machine facts (`run`) are left out so equal runs give equal files.
///
/// `--csv-style excel-da` keeps the same rows and columns in Excel's Danish dialect
/// (see `CSVWriter`): `;` between fields, decimal commas, a byte-order mark.
enum CSVRenderer {
  static let header = ["metric", "area", "year", "statistic", "value"]

  /// The summary as CSV text, ending with a newline.
  /// - Parameters:
  ///   - summary: the run.
  ///   - style: the dialect; tidy by default.
  static func render(_ summary: RunSummary, style: CSVStyle = .tidy) -> String {
    var csv = CSVWriter(style: style)
    csv.append(header)
    let years = summary.years

    func yearly(_ metric: String, _ area: String, _ values: [Statistic]) {
      for (year, value) in zip(years, values) {
        statistic(value, metric: metric, area: area, year: String(year), into: &csv)
      }
    }

    for (metric, series) in [
      ("netImpact", summary.netImpact), ("cumulativeNetImpact", summary.cumulativeNetImpact),
    ] {
      yearly(metric, "total", series.total)
      for entry in series.byArea { yearly(metric, entry.area, entry.values) }
    }
    yearly("armCosts.intervention", "total", summary.armCosts.intervention)
    yearly("armCosts.control", "total", summary.armCosts.control)

    for payback in summary.payback {
      let metric = "payback." + payback.name
      let area = payback.areas?.joined(separator: "+") ?? "total"
      for (index, year) in years.enumerated() {
        let probability =
          payback.probabilityByYear.indices.contains(index)
          ? csv.number(payback.probabilityByYear[index]) : ""
        let mcse =
          payback.probabilityMCSE.indices.contains(index)
          ? csv.number(payback.probabilityMCSE[index]) : ""
        csv.append([metric + ".probability", area, String(year), "mean", probability])
        csv.append([metric + ".probability", area, String(year), "mcse", mcse])
      }
      csv.append([
        metric + ".notWithinHorizon", area, "", "mean",
        csv.number(payback.probabilityNotWithinHorizon),
      ])
      let median = payback.medianYear.map(String.init) ?? ""
      csv.append([metric + ".medianYear", area, "", "value", median])
      if let year = payback.deterministicYear {
        csv.append([metric + ".deterministicYear", area, "", "value", String(year)])
      }
    }

    outcomes(summary.outcomes, prefix: "outcome", into: &csv)

    statistic(
      summary.presentValue.netImpactTotal, metric: "presentValue.netImpact", area: "total",
      year: "", into: &csv)
    for entry in summary.presentValue.netImpactByArea {
      statistic(
        entry.value, metric: "presentValue.netImpact", area: entry.area, year: "", into: &csv)
    }
    statistic(
      summary.presentValue.armCostsIntervention, metric: "presentValue.armCosts.intervention",
      area: "total", year: "", into: &csv)
    statistic(
      summary.presentValue.armCostsControl, metric: "presentValue.armCosts.control",
      area: "total", year: "", into: &csv)
    outcomes(summary.presentValue.outcomes, prefix: "presentValue.outcome", into: &csv)

    for entry in summary.occupancy {
      for (arm, shares) in [("intervention", entry.intervention), ("control", entry.control)] {
        for share in shares {
          let metric = "occupancy.\(entry.cycle).\(arm).\(share.state)"
          statistic(share.share, metric: metric, area: "", year: "", into: &csv)
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
    _ outcomes: [OutcomeSummary], prefix: String, into csv: inout CSVWriter
  ) {
    for outcome in outcomes {
      let metric = prefix + "." + outcome.name
      for (arm, value) in [
        ("intervention", outcome.intervention), ("control", outcome.control),
        ("difference", outcome.difference),
      ] {
        statistic(value, metric: metric + "." + arm, area: "", year: "", into: &csv)
      }
    }
  }

  private static func statistic(
    _ value: Statistic, metric: String, area: String, year: String, into csv: inout CSVWriter
  ) {
    csv.append([metric, area, year, "mean", csv.number(value.mean)])
    csv.append([metric, area, year, "sd", csv.number(value.sd)])
    csv.append([metric, area, year, "mcse", csv.number(value.mcse)])
    for percentile in value.percentiles {
      let name = percentileName(percentile.level)
      csv.append([metric, area, year, name, csv.number(percentile.value)])
    }
  }
}
