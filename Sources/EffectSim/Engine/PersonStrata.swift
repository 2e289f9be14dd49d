/// The kinds of person the aggregated kernel must keep apart: every combination of the values
/// of the discrete person-scope parameters, with its probability.
///
/// People of one stratum share every transition table and every charge rate, so they can be
/// moved together. When neither a transition nor a charge depends on a person-scope parameter,
/// people do not differ at all and there is a single stratum.
struct PersonStrata: Sendable {
  /// Per stratum, the value of each of `model.personDraws`, in that order.
  let values: [[Double]]
  /// Per stratum, its probability.
  let probabilities: [Double]
  /// Whether people differ at all (some transition, charge or the entry clock depends on a
  /// person parameter).
  let split: Bool

  /// Largest number of strata the aggregated kernel accepts; beyond it the groups would be
  /// so fine that simulating persons one by one is the better choice anyway.
  static let limit = 64

  /// Why the aggregated kernel cannot simulate `model` exactly, or `nil` when it can.
  static func unsupportedReason(_ model: Model) -> String? {
    switch make(model) {
    case .success: return nil
    case .failure(let reason): return reason.message
    }
  }

  struct Unsupported: Error {
    var message: String
  }

  /// The strata of `model` for the aggregated kernel, or the reason there are none that keep
  /// it exact.
  static func make(_ model: Model) -> Result<PersonStrata, Unsupported> {
    if model.usesStaircase {
      return .failure(
        Unsupported(
          message: "a cost on the refusion staircase follows each person's own clock of weeks"
            + " on benefits; people on different clocks cannot be moved in groups; use"
            + " --kernel individual"))
    }
    return kinds(model)
  }

  /// The combinations of `model`'s discrete person-scope values, whatever the kernel: the
  /// individual kernel's kinds of person (`PersonKinds`) follow each person's clock, so the
  /// staircase does not stop them.
  static func kinds(_ model: Model) -> Result<PersonStrata, Unsupported> {
    let personCharges = !model.personCharges.isEmpty
    guard model.hasPersonScope,
      model.transitionsDependOnPerson || personCharges || model.entryClockDependsOnPerson
    else {
      return .success(PersonStrata(values: [[]], probabilities: [1], split: false))
    }
    var values: [[Double]] = [[]]
    var probabilities = [1.0]
    for draw in model.personDraws {
      guard case .discrete(let options, let weights) = draw.distribution else {
        let name = model.parameterNames[draw.slot]
        return .failure(
          Unsupported(
            message: "the person-scope parameter \"\(name)\" has a continuous distribution; people"
              + " who differ continuously cannot be moved in groups; use --kernel individual"))
      }
      let total = weights.reduce(0, +)
      var nextValues: [[Double]] = []
      var nextProbabilities: [Double] = []
      for (prefix, p) in zip(values, probabilities) {
        for (value, weight) in zip(options, weights) where weight > 0 {
          nextValues.append(prefix + [value])
          nextProbabilities.append(p * weight / total)
        }
      }
      values = nextValues
      probabilities = nextProbabilities
      guard values.count <= limit else {
        return .failure(
          Unsupported(
            message: "the person-scope parameters combine into more than \(limit) kinds of person;"
              + " use --kernel individual"))
      }
    }
    return .success(PersonStrata(values: values, probabilities: probabilities, split: true))
  }

  var count: Int { values.count }
}
