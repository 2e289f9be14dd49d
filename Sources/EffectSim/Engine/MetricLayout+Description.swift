/// Plain-words names of the numbers of one iteration, for run errors that must say which
/// number went wrong ("the cumulative net impact in \"Indsats\" by 2021").
extension MetricLayout {
  /// What the metric at `index` is, with its area and year.
  /// - Complexity: O(1) but for the string; used only on the path that builds an error.
  func describe(_ index: Int, _ model: Model) -> String {
    let start = model.scenario.start
    let area = { (area: Int) in "\"\(model.areas[area])\"" }
    let arm = { (arm: Int) in arm == 0 ? "intervention" : "control" }
    switch index {
    case ..<years:
      return "the net impact in \(start + index)"
    case ..<cumulativeStart:
      let offset = index - years
      return "the net impact in area \(area(offset / years)) in \(start + offset % years)"
    case ..<(cumulativeStart + years):
      return "the cumulative net impact by the end of \(start + index - cumulativeStart)"
    case ..<armCostStart:
      let offset = index - cumulativeStart - years
      return "the cumulative net impact in area \(area(offset / years)) by the end of"
        + " \(start + offset % years)"
    case ..<outcomeStart:
      let offset = index - armCostStart
      return "the \(arm(offset / years)) arm's cost in \(start + offset % years)"
    case ..<presentValueStart:
      let offset = index - outcomeStart
      let part = ["intervention total", "control total", "difference"][offset % 3]
      return "the outcome \"\(model.outcomeNames[offset / 3])\" (\(part))"
    case presentNetTotal:
      return "the present value of the net impact"
    case ..<presentArmCost(0):
      return "the present value of the net impact in area \(area(index - presentNetTotal - 1))"
    case ..<presentOutcome(0, 0):
      return "the present value of the \(arm(index - presentArmCost(0))) arm's cost"
    case ..<occupancyStart:
      let offset = index - presentOutcome(0, 0)
      let part = ["intervention", "control", "difference"][offset % 3]
      return "the present value of the outcome \"\(model.outcomeNames[offset / 3])\" (\(part))"
    case ..<paybackStart:
      let offset = index - occupancyStart
      let cell = offset / states
      return "the share in state \"\(model.scenario.states[offset % states].id)\" of the"
        + " \(arm(cell % 2)) arm at cycle \(model.occupancyAt[cell / 2])"
    default:
      return "the payback year of \"\(model.payback[index - paybackStart].name)\""
    }
  }

  /// What the amount at `index` of `Accounting.record`'s scratch is: an arm's cost in an area,
  /// or its outcome, in a year.
  func describeAmount(_ index: Int, _ model: Model) -> String {
    let targets = model.targetCount
    let armYear = index / targets
    let target = index % targets
    let arm = armYear / years == 0 ? "intervention" : "control"
    let year = model.scenario.start + armYear % years
    if target < areas {
      return "the \(arm) arm's cost in area \"\(model.areas[target])\" in \(year)"
    }
    return "the \(arm) arm's outcome \"\(model.outcomeNames[target - areas])\" in \(year)"
  }
}
