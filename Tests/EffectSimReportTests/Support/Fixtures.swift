import EffectSim

/// Synthetic run summaries with round numbers, so expected output can be written by hand.
///
/// Net impact is the business case of seed 004 in miniature: 2.073 and -709 thousand kroner
/// in the first two years. Monte Carlo statistics put p5 and p95 500.000 kr. either side of
/// the median and the mean 10.000 kr. above it, so a test can tell them apart.
enum Fixtures {
  static let levels: [Double] = [5, 50, 95]
  static let areas = ["Indsats (EI)", "Overførsler"]

  /// A statistic built through the public API only (`exact`, then the stored properties).
  static func stat(
    _ median: Double, spread: Double, mode: RunSettings.Mode, levels: [Double] = levels
  ) -> Statistic {
    var value = Statistic.exact(median, levels: levels)
    guard mode == .montecarlo else { return value }
    value.mean = median + spread / 50
    value.sd = spread / 1.645
    value.mcse = value.sd / 100
    for index in value.percentiles.indices {
      let level = value.percentiles[index].level
      value.percentiles[index].value = median + spread * (level - 50) / 45
    }
    return value
  }

  /// A summary over `years` years (2 by default) and the two areas of `areas`.
  ///
  /// - Parameters:
  ///   - mode: Monte Carlo or deterministic.
  ///   - years: the horizon; years beyond the second repeat the second year's amounts.
  ///   - name: the scenario name (tests of escaping put quotes and line breaks here).
  ///   - outcomeName: the one outcome's name.
  ///   - levels: the requested percentile levels.
  static func summary(
    _ mode: RunSettings.Mode, years: Int = 2, name: String = "IPS og misbrug",
    outcomeName: String = "employed", levels: [Double] = levels
  ) -> RunSummary {
    let calendar = Array(2018..<(2018 + years))
    func series(_ first: Double, _ rest: Double, spread: Double) -> [Statistic] {
      (0..<years).map { stat($0 == 0 ? first : rest, spread: spread, mode: mode, levels: levels) }
    }
    func cumulative(_ first: Double, _ rest: Double, spread: Double) -> [Statistic] {
      (0..<years).map { year in
        stat(first + rest * Double(year), spread: spread, mode: mode, levels: levels)
      }
    }
    func single(_ value: Double, spread: Double) -> Statistic {
      stat(value, spread: spread, mode: mode, levels: levels)
    }
    let netImpact = AreaSeries(
      total: series(2_073_000, -709_000, spread: 500_000),
      byArea: [
        (areas[0], series(2_230_000, 2_230_000, spread: 100_000)),
        (areas[1], series(-157_000, -2_939_000, spread: 450_000)),
      ])
    let cumulativeNetImpact = AreaSeries(
      total: cumulative(2_073_000, -709_000, spread: 600_000),
      byArea: [
        (areas[0], cumulative(2_230_000, 2_230_000, spread: 120_000)),
        (areas[1], cumulative(-157_000, -2_939_000, spread: 550_000)),
      ])
    let outcome = OutcomeSummary(
      name: outcomeName, intervention: single(120.5, spread: 10),
      control: single(100.25, spread: 10), difference: single(20.25, spread: 5))
    let monteCarlo = mode == .montecarlo
    let payback = PaybackSummary(
      name: "Totaløkonomi", areas: nil, discounted: false,
      probabilityByYear: monteCarlo
        ? [0.1] + Array(repeating: 0.45, count: years - 1)
        : Array(repeating: 0, count: years),
      probabilityMCSE: monteCarlo
        ? [0.003] + Array(repeating: 0.005, count: years - 1)
        : Array(repeating: 0, count: years),
      probabilityNotWithinHorizon: monteCarlo ? 0.55 : 1, medianYear: nil,
      deterministicYear: monteCarlo ? 2 : nil)
    return RunSummary(
      scenario: ScenarioInfo(
        name: name, source: "Københavns Kommune, budgetnotat 2018", description: nil,
        start: 2018, years: years, cycle: "month", currency: "DKK", priceLevel: "2018 p/l"),
      settings: RunSettings(
        mode: mode, iterations: monteCarlo ? 10_000 : 1, seed: 42, pairing: "coupled",
        percentileLevels: levels),
      years: calendar, areas: areas,
      netImpact: netImpact, cumulativeNetImpact: cumulativeNetImpact,
      armCosts: ArmSeries(
        intervention: series(1_000_000, 800_000, spread: 50_000),
        control: series(1_157_000, 3_739_000, spread: 60_000)),
      payback: [payback], outcomes: [outcome],
      presentValue: PresentValueSummary(
        netImpactTotal: single(1_300_000, spread: 900_000),
        netImpactByArea: [
          (areas[0], single(4_300_000, spread: 200_000)),
          (areas[1], single(-3_000_000, spread: 800_000)),
        ],
        armCostsIntervention: single(1_750_000, spread: 90_000),
        armCostsControl: single(4_700_000, spread: 95_000),
        outcomes: [outcome]),
      occupancy: [
        OccupancySummary(
          cycle: 12,
          intervention: [
            ("benefit", single(0.4, spread: 0.05)), ("job", single(0.6, spread: 0.05)),
          ],
          control: [
            ("benefit", single(0.55, spread: 0.05)), ("job", single(0.45, spread: 0.05)),
          ])
      ],
      run: RunInfo(
        engineVersion: "0.1.0", threads: 8, seconds: 1.25, personCycles: 7200,
        personCyclesPerSecond: 5760, kernel: monteCarlo ? "individual" : "expected"))
  }
}
