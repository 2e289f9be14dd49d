/// The parts of a summary that only the decision report shows: the histogram at the horizon
/// and the assumptions register.
extension Summarizer {
  /// Histogram and probability of a loss from the cumulative net impact at the horizon.
  static func horizon(
    _ model: Model, layout: MetricLayout, columns: some RunColumns
  ) -> HorizonSummary? {
    guard model.years > 0 else { return nil }
    return columns.withColumn(.metrics, layout.cumulativeTotal(model.years - 1)) { column in
      HorizonSummary(samples: column)
    }
  }

  /// The per-iteration export: recorded parameters, then each definition's target (and its
  /// second-cohort target when the layout holds one).
  /// - Parameter drawn: whether the run recorded parameter draws (Monte Carlo).
  static func iterationDraws(
    _ model: Model, layout: MetricLayout, columns: some RunColumns, drawn: Bool
  ) -> IterationDraws {
    let record = ParameterRecord(model: model)
    var names: [String] = []
    var values: [[Double]] = []
    if drawn {
      for (column, slot) in record.slots.enumerated() {
        names.append(model.parameterNames[slot])
        values.append(columns.withColumns(.parameterDraws, [column]) { Array($0[0]) })
      }
    }
    for (index, definition) in model.payback.enumerated() {
      names.append(definition.name)
      values.append(columns.withColumns(.metrics, [layout.target(index)]) { Array($0[0]) })
    }
    if layout.cohorts == 2 {
      for (index, definition) in model.payback.enumerated() {
        names.append(definition.name + " (second cohort)")
        values.append(
          columns.withColumns(.metrics, [layout.secondCohortTarget(index)]) { Array($0[0]) })
      }
    }
    return IterationDraws(names: names, columns: values)
  }

  /// Every parameter in the scenario's order, with the range the run gave it.
  ///
  /// - Parameters:
  ///   - draws: the run's columns, whose `.parameterDraws` are the recorded iteration-scope
  ///     values (`ParameterRecord`); `nil` for a deterministic run, whose register shows base
  ///     values only. The draw columns may be reordered.
  ///   - threads: the most threads for the percentiles of the recorded columns; default 1.
  /// - Complexity: O(*n*) per recorded parameter for *n* iterations.
  static func register<Columns: RunColumns>(
    _ model: Model, record: ParameterRecord, draws: Columns?, threads: Int = 1
  ) -> [ParameterSummary] {
    let columns = Dictionary(uniqueKeysWithValues: record.slots.enumerated().map { ($1, $0) })
    let personDerived = Set(model.personDerived.map(\.slot))
    // Derived parameters have a base too: their expression at the others' base values.
    var baseTables = IterationTables(model: model)
    let bases = (try? baseTables.setBaseValues(model)) != nil ? baseTables.values : model.template
    let ranges = draws.map { draws in
      draws.mapColumns(
        .parameterDraws, 0..<draws.count(.parameterDraws), threads: threads
      ) { column in
        Percentiles.type7(column, levels: [5, 50, 95])
      }
    }
    return model.scenario.parameters.enumerated().map { slot, parameter in
      let kind: ParameterSummary.Kind
      var distribution: Distribution?
      switch parameter.definition {
      case .fixed: kind = .fixed
      case .derived(let expression): kind = .derived(expression.source)
      case .distributed(let value, _):
        kind = .distributed(value.notation)
        distribution = value
      }
      let scope = personDerived.contains(slot) ? Parameter.Scope.person : parameter.scope
      var summary = ParameterSummary(
        name: parameter.name, kind: kind, scope: scope.rawValue, base: bases[slot],
        range: nil, rangeSource: .base, note: parameter.note, source: parameter.source,
        distribution: distribution)
      summary.setOnCommandLine =
        model.scenario.overrides.last { $0.parameter == parameter.name }?.text
      if let ranges, let column = columns[slot] {
        let values = ranges[column]
        summary.range = (values[0], values[1], values[2])
        summary.rangeSource = .simulated
      } else if draws != nil, scope == .person, let distribution {
        summary.range = (
          distribution.quantile(0.05), distribution.quantile(0.5), distribution.quantile(0.95)
        )
        summary.rangeSource = .distribution
      }
      return summary
    }
  }
}
