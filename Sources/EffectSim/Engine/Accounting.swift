/// Turns a tally into the business case's numbers: costs per arm, year and area, net impact,
/// cumulative net impact, present values, payback years, outcomes and occupancy shares.
///
/// The same code serves the deterministic trace and every Monte Carlo iteration; only the
/// tally differs.
enum Accounting {
  /// Writes one iteration's metrics into `out` (laid out by `layout`).
  /// - Parameters:
  ///   - personChargesPriced: whether the kernel already priced the person-dependent charges
  ///     (into `tally.personAmounts`); in deterministic mode it did not.
  ///   - amounts: scratch of size 2 × years × targets, overwritten.
  static func record(
    _ model: Model, _ tally: Tally, _ tables: IterationTables, personChargesPriced: Bool,
    layout: MetricLayout, amounts: inout [Double], into out: UnsafeMutableBufferPointer<Double>
  ) {
    let years = model.years
    let targets = model.targetCount
    let areaCount = model.areas.count
    for i in amounts.indices { amounts[i] = tally.personAmounts[i] }
    for (index, charge) in model.charges.enumerated()
    where !(personChargesPriced && charge.dependsOnPerson) {
      let rate = tables.chargeRates[index]
      for arm in 0..<2 where charge.arm == nil || charge.arm == arm {
        for year in 0..<years {
          var cycles = 0.0
          for cls in 0..<model.chargeClassCount where charge.active[cls] {
            let cell = tally.occupancyIndex(
              arm: arm, year: year, state: charge.state, chargeClass: cls)
            // A staircase charge's amount is gross: the municipality pays its share per cycle.
            cycles += charge.staircase ? tally.staircase[cell] : tally.occupancy[cell]
          }
          amounts[(arm * years + year) * targets + charge.target] += cycles * rate
        }
      }
    }

    // Amounts on transitions: once per move, in the year of the move.
    for (index, charge) in model.transitionCharges.enumerated() {
      let rate = tables.transitionChargeRates[index]
      for year in 0..<years {
        amounts[(charge.arm * years + year) * targets + charge.target] +=
          tally.moves[charge.transition * years + year] * rate
      }
    }

    // Net impact per area and year, its running sum, and arm costs.
    var cumulativeTotal = 0.0
    var presentTotal = 0.0
    var presentArms = (0.0, 0.0)
    for year in 0..<years {
      let costFactor = model.discount.factor(rate: model.discount.costs, yearIndex: year)
      var netTotal = 0.0
      var armTotals = (0.0, 0.0)
      for area in 0..<areaCount {
        let intervention = amounts[year * targets + area]
        let control = amounts[(years + year) * targets + area]
        armTotals.0 += intervention
        armTotals.1 += control
        let net = intervention - control + tables.lineItemAmounts[year * areaCount + area]
        netTotal += net
        out[layout.netArea(area, year)] = net
        let previous = year == 0 ? 0 : out[layout.cumulativeArea(area, year - 1)]
        out[layout.cumulativeArea(area, year)] = previous + net
        let present = year == 0 ? 0 : out[layout.presentNetArea(area)]
        out[layout.presentNetArea(area)] = present + net * costFactor
      }
      cumulativeTotal += netTotal
      presentTotal += netTotal * costFactor
      presentArms.0 += armTotals.0 * costFactor
      presentArms.1 += armTotals.1 * costFactor
      out[layout.netTotal(year)] = netTotal
      out[layout.cumulativeTotal(year)] = cumulativeTotal
      out[layout.armCost(0, year)] = armTotals.0
      out[layout.armCost(1, year)] = armTotals.1
    }
    out[layout.presentNetTotal] = presentTotal
    out[layout.presentArmCost(0)] = presentArms.0
    out[layout.presentArmCost(1)] = presentArms.1

    // Outcomes: undiscounted totals and present values.
    for outcome in 0..<model.outcomeNames.count {
      let target = areaCount + outcome
      var totals = (0.0, 0.0)
      var presents = (0.0, 0.0)
      for year in 0..<years {
        let factor = model.discount.factor(rate: model.discount.outcomes, yearIndex: year)
        let intervention = amounts[year * targets + target]
        let control = amounts[(years + year) * targets + target]
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

    // Occupancy shares among the people old enough to have reached the cycle.
    let states = model.stateCount
    for c in 0..<model.occupancyAt.count {
      let eligible = tally.eligible[c]
      for arm in 0..<2 {
        for state in 0..<states {
          let persons = tally.atCycle[(c * 2 + arm) * states + state]
          out[layout.occupancy(c, arm, state)] = eligible > 0 ? persons / eligible : 0
        }
      }
    }

    // Payback: the first year whose cumulative net impact over the areas is ≤ 0; the
    // cumulative amount at the horizon is the definition's target.
    for (index, definition) in model.payback.enumerated() {
      var cumulative = 0.0
      var paidBack = years + 1
      for year in 0..<years {
        let factor = definition.discounted
          ? model.discount.factor(rate: model.discount.costs, yearIndex: year) : 1
        for area in 0..<areaCount where definition.areaMask[area] {
          cumulative += out[layout.netArea(area, year)] * factor
        }
        if paidBack > years, cumulative <= paybackTolerance { paidBack = year + 1 }
      }
      out[layout.payback(index)] = Double(paidBack)
      out[layout.target(index)] = cumulative
    }
  }

  /// A millionth of a krone: sums of amounts that cancel exactly on paper can leave a
  /// rounding residue of that order, which must not decide a payback year.
  static let paybackTolerance = 1e-6
}
