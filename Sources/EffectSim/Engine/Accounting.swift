/// Turns a tally into the business case's numbers: costs per arm, year and area, net impact,
/// cumulative net impact, present values, payback years, outcomes and occupancy shares.
///
/// The same code serves the deterministic trace and every Monte Carlo iteration; only the
/// tally differs.
enum Accounting {
  /// Writes one iteration's metrics into `out` (laid out by `layout`), in named steps: price
  /// the tally, then net impact and arm costs, outcomes, occupancy shares and payback.
  /// - Parameters:
  ///   - personChargesPriced: whether the kernel already priced the person-dependent charges
  ///     (into `tally.personAmounts`); in deterministic mode it did not.
  ///   - amounts: scratch of size 2 × years × targets (`Tally.amountIndex`), overwritten.
  static func record(
    _ model: Model, _ tally: Tally, _ tables: IterationTables, personChargesPriced: Bool,
    layout: MetricLayout, amounts: inout [Double], into out: UnsafeMutableBufferPointer<Double>
  ) {
    price(model, tally, tables, personChargesPriced: personChargesPriced, into: &amounts)
    recordNetImpact(model, tally, tables, amounts, layout: layout, into: out)
    recordOutcomes(model, tally, amounts, layout: layout, into: out)
    recordOccupancy(model, tally, layout: layout, into: out)
    recordPayback(model, layout: layout, into: out)
  }

  /// Amounts per (arm, year, target): the person-dependent charges the kernel priced, plus
  /// every other charge's person-cycles times its rate.
  static func price(
    _ model: Model, _ tally: Tally, _ tables: IterationTables, personChargesPriced: Bool,
    into amounts: inout [Double]
  ) {
    for i in amounts.indices { amounts[i] = tally.personAmounts[i] }
    for (index, charge) in model.charges.enumerated()
    where !(personChargesPriced && charge.dependsOnPerson) {
      let rate = tables.chargeRates[index]
      for arm in 0..<2 where charge.arm == nil || charge.arm == arm {
        for year in 0..<model.years {
          var cycles = 0.0
          for cls in 0..<model.chargeClassCount where charge.active[cls] {
            let cell = tally.occupancyIndex(
              arm: arm, year: year, state: charge.state, chargeClass: cls)
            // A staircase charge's amount is gross: the municipality pays its share per cycle.
            cycles += charge.staircase ? tally.staircase[cell] : tally.occupancy[cell]
          }
          amounts[tally.amountIndex(arm: arm, year: year, target: charge.target)] +=
            cycles * rate
        }
      }
    }
    // Amounts on transitions: once per move, in the year of the move.
    for (index, charge) in model.transitionCharges.enumerated() {
      let rate = tables.transitionChargeRates[index]
      for year in 0..<model.years {
        amounts[tally.amountIndex(arm: charge.arm, year: year, target: charge.target)] +=
          tally.moves[charge.transition * model.years + year] * rate
      }
    }
  }

  /// Net impact per area and year (intervention − control + line items), its running sum
  /// and present value; in total and per arm.
  static func recordNetImpact(
    _ model: Model, _ tally: Tally, _ tables: IterationTables, _ amounts: [Double],
    layout: MetricLayout, into out: UnsafeMutableBufferPointer<Double>
  ) {
    let areaCount = model.areas.count
    func net(_ area: Int, _ year: Int) -> Double {
      amounts[tally.amountIndex(arm: 0, year: year, target: area)]
        - amounts[tally.amountIndex(arm: 1, year: year, target: area)]
        + tables.lineItemAmounts[year * areaCount + area]
    }
    for area in 0..<areaCount {
      var cumulative = 0.0
      var present = 0.0
      for year in 0..<model.years {
        let value = net(area, year)
        cumulative += value
        present += value * model.discount.factor(rate: model.discount.costs, yearIndex: year)
        out[layout.netArea(area, year)] = value
        out[layout.cumulativeArea(area, year)] = cumulative
      }
      out[layout.presentNetArea(area)] = present
    }
    var cumulative = 0.0
    var present = 0.0
    var presentArms = (0.0, 0.0)
    for year in 0..<model.years {
      let factor = model.discount.factor(rate: model.discount.costs, yearIndex: year)
      var total = 0.0
      var arms = (0.0, 0.0)
      for area in 0..<areaCount {
        arms.0 += amounts[tally.amountIndex(arm: 0, year: year, target: area)]
        arms.1 += amounts[tally.amountIndex(arm: 1, year: year, target: area)]
        total += net(area, year)
      }
      cumulative += total
      present += total * factor
      presentArms.0 += arms.0 * factor
      presentArms.1 += arms.1 * factor
      out[layout.netTotal(year)] = total
      out[layout.cumulativeTotal(year)] = cumulative
      out[layout.armCost(0, year)] = arms.0
      out[layout.armCost(1, year)] = arms.1
    }
    out[layout.presentNetTotal] = present
    out[layout.presentArmCost(0)] = presentArms.0
    out[layout.presentArmCost(1)] = presentArms.1
  }

  /// Outcomes per arm and their difference: undiscounted totals and present values at the
  /// outcome rate.
  static func recordOutcomes(
    _ model: Model, _ tally: Tally, _ amounts: [Double], layout: MetricLayout,
    into out: UnsafeMutableBufferPointer<Double>
  ) {
    for outcome in 0..<model.outcomeNames.count {
      let target = model.areas.count + outcome
      var totals = (0.0, 0.0)
      var presents = (0.0, 0.0)
      for year in 0..<model.years {
        let factor = model.discount.factor(rate: model.discount.outcomes, yearIndex: year)
        let intervention = amounts[tally.amountIndex(arm: 0, year: year, target: target)]
        let control = amounts[tally.amountIndex(arm: 1, year: year, target: target)]
        totals.0 += intervention
        totals.1 += control
        presents.0 += intervention * factor
        presents.1 += control * factor
      }
      out[layout.outcome(outcome, 0)] = totals.0
      out[layout.outcome(outcome, 1)] = totals.1
      out[layout.outcome(outcome, 2)] = totals.0 - totals.1
      out[layout.presentOutcome(outcome, 0)] = presents.0
      out[layout.presentOutcome(outcome, 1)] = presents.1
      out[layout.presentOutcome(outcome, 2)] = presents.0 - presents.1
    }
  }

  /// Occupancy shares at each `occupancyAt` cycle among the people whose entry plus that
  /// cycle lies inside the horizon (0 when nobody does).
  static func recordOccupancy(
    _ model: Model, _ tally: Tally, layout: MetricLayout,
    into out: UnsafeMutableBufferPointer<Double>
  ) {
    for c in 0..<model.occupancyAt.count {
      let eligible = tally.eligible[c]
      for arm in 0..<2 {
        for state in 0..<model.stateCount {
          let persons = tally.atCycle[tally.atCycleIndex(c, arm: arm, state: state)]
          out[layout.occupancy(c, arm, state)] = eligible > 0 ? persons / eligible : 0
        }
      }
    }
  }

  /// Per payback definition: the first year whose cumulative net impact over its areas
  /// (discounted at the cost rate when it says so) is ≤ 0, and that cumulative amount at the
  /// horizon, the definition's target. Reads the net impact per area `recordNetImpact` wrote.
  static func recordPayback(
    _ model: Model, layout: MetricLayout, into out: UnsafeMutableBufferPointer<Double>
  ) {
    let years = model.years
    for (index, definition) in model.payback.enumerated() {
      var cumulative = 0.0
      var paidBack = years + 1
      for year in 0..<years {
        let factor = definition.discounted
          ? model.discount.factor(rate: model.discount.costs, yearIndex: year) : 1
        for area in 0..<model.areas.count where definition.areaMask[area] {
          cumulative += out[layout.netArea(area, year)] * factor
        }
        if paidBack > years, cumulative <= paybackTolerance { paidBack = year + 1 }
      }
      out[layout.payback(index)] = Double(paidBack)
      out[layout.target(index)] = cumulative
    }
  }

  /// Refuses an iteration whose sums overflowed, naming the first number that did: the arms'
  /// costs and outcomes per year and area, then the line items, then every metric (net impact,
  /// cumulative sums, present values, shares) in layout order.
  ///
  /// Every input is finite (expressions are checked when evaluated), but a sum of finite
  /// amounts can still exceed the largest `Double` (1e308 per cycle over many cycles, discount
  /// factors of a negative rate over a century) and become infinite, or NaN where two
  /// infinities cancel. Nothing non-finite may reach a report, so anything beyond
  /// `largestAmount` is refused: below it, the statistics, histograms and chart scales built
  /// from up to 10^8 iterations cannot overflow either.
  /// - Parameters:
  ///   - amounts: `record`'s scratch after the call.
  ///   - metrics: the row `record` wrote.
  /// - Complexity: O(metrics + amounts); no allocation unless it throws.
  static func requireFinite(
    _ model: Model, _ tables: IterationTables, layout: MetricLayout, amounts: [Double],
    metrics: UnsafeMutableBufferPointer<Double>, iteration: Int?
  ) throws(RunError) {
    func overflow(_ what: String) -> RunError {
      RunError(
        path: "", message: "\(what) is too large: beyond ±1e300, the largest amount EffectSim"
          + " computes with (see docs/limits.md)", iteration: iteration)
    }
    func tooLarge(_ x: Double) -> Bool { !(abs(x) <= largestAmount) }
    if let index = amounts.firstIndex(where: tooLarge) {
      throw overflow(layout.describeAmount(index, model))
    }
    if let index = tables.lineItemAmounts.firstIndex(where: tooLarge) {
      let areas = model.areas.count
      throw overflow(
        "the sum of the line items in area \"\(model.areas[index % areas])\" in"
          + " \(model.scenario.start + index / areas)")
    }
    if let index = metrics.firstIndex(where: tooLarge) {
      throw overflow(layout.describe(index, model))
    }
  }

  /// The largest magnitude of any amount, outcome or other number of an iteration: 1e300,
  /// far beyond any budget (a national one is about 1e12 kroner a year), and far enough below
  /// the largest `Double` (1.8e308) that sums, means and spreads of many iterations stay finite.
  static let largestAmount = 1e300

  /// A millionth of a krone: sums of amounts that cancel exactly on paper can leave a
  /// rounding residue of that order, which must not decide a payback year.
  static let paybackTolerance = 1e-6
}
