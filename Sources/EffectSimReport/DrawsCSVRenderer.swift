import EffectSim

/// The `--draws FILE.csv` export: one row per iteration, so that every figure of "What drives
/// the risk" can be recomputed outside EffectSim.
///
/// Header `iteration` (0-based, as run errors count), then one column per recorded
/// iteration-scope parameter (its name, drawn or derived, in the scenario's order), then one
/// per payback definition holding its target: cumulative net impact at the horizon over the
/// definition's areas, discounted when the definition is. With `--variance-split` the second
/// cohort's targets follow as "<definition> (second cohort)". Numbers as in `--format csv`;
/// `--csv-style excel-da` applies here too.
enum DrawsCSVRenderer {
  static func render(_ draws: IterationDraws, style: CSVStyle = .tidy) -> String {
    var csv = CSVWriter(style: style)
    csv.append(["iteration"] + draws.names)
    for row in 0..<draws.iterations {
      csv.append([String(row)] + draws.columns.map { csv.number($0[row]) })
    }
    return csv.text
  }
}
