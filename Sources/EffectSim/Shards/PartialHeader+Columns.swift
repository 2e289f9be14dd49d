/// The column sets a run of a model fills, as a part's header describes them.
extension PartialHeader {
  /// One entry per `ColumnSet`, in `allCases` order: its column count and the numbers that
  /// fix each column's meaning, so that a merge can tell that its model reads the columns as
  /// the run wrote them.
  static func columnSets(_ model: Model, layout: MetricLayout) -> [ColumnSetShape] {
    ColumnSet.allCases.map { set in
      switch set {
      case .metrics:
        return ColumnSetShape(
          name: set.rawValue, columns: layout.count,
          shape: [
            layout.years, layout.areas, layout.outcomes, layout.occupancyCycles, layout.states,
            layout.paybacks, layout.cohorts,
          ])
      case .parameterDraws:
        let slots = ParameterRecord(model: model).slots
        return ColumnSetShape(name: set.rawValue, columns: slots.count, shape: slots)
      }
    }
  }
}
