import Foundation

/// `effectsim breakeven`: the value of one parameter at which the business case just pays
/// back by the end of year K.
///
/// - Deterministic: every other parameter at its base value, the expected cohort trace; the
///   root of cumulative net impact at the end of year K over the payback definition's areas
///   (discounted when the definition is), by `RootSearch.illinois`.
/// - Probabilistic: the parameter fixed at v in every iteration, everything else uncertain as
///   the scenario says; the v at which P(payback within K years) = A. Every step runs the same
///   iterations with the same seed and kernel, and draws are keyed by parameter name and
///   person number, so fixing the parameter at another v changes nothing else: P̂(v) is one
///   fixed step function of v (common random numbers), searched by `LevelBrackets`. The
///   interval is every v at which A lies within z·√(A(1−A)/N) of P̂(v): the values the Monte
///   Carlo error cannot tell apart from the answer, as a confidence interval for a quantile
///   is read off the empirical distribution function.
///
/// Each value v is tried as the override `NAME = v` on the parsed document, exactly what
/// `effectsim run --set NAME=v` runs, so any step can be checked by hand.
public enum BreakEven {
  /// Answers `question` for the scenario `document` with `overrides` applied.
  /// - Parameters:
  ///   - onStep: called after each Monte Carlo step with the step number, v and P̂(v); for
  ///     progress display.
  /// - Throws: `BreakEvenError`: `.question` when the question does not fit the scenario,
  ///   `.scenario` for an invalid scenario, `.run` when the scenario fails at a value tried.
  public static func solve(
    document: JSONValue, overrides: [ScenarioOverride], _ question: BreakEvenQuestion,
    onStep: (@Sendable (_ step: Int, _ value: Double, _ probability: Double) -> Void)? = nil
  ) throws(BreakEvenError) -> BreakEvenAnswer {
    let clock = ContinuousClock.now
    let search = try BreakEvenSearch(document: document, overrides: overrides, question)
    let scenario = search.scenario
    var range = try search.range(question.range)
    let deterministic = try search.deterministic(&range)
    var probabilistic: BreakEvenAnswer.Probabilistic?
    if let target = question.probability {
      probabilistic = try search.probabilistic(
        target, range: &range, confidence: question.confidence, onStep: onStep)
    }
    let definition = scenario.payback[search.definition]
    return BreakEvenAnswer(
      parameter: question.parameter, payback: definition.name, paybackAreas: definition.areas,
      discounted: definition.discounted, year: search.year,
      calendarYear: scenario.start + search.year - 1, range: range,
      deterministic: deterministic, probabilistic: probabilistic,
      scenario: ScenarioInfo(
        name: scenario.name, source: scenario.source, description: scenario.description,
        start: scenario.start, years: scenario.years, cycle: scenario.cycle.rawValue,
        currency: scenario.currency, priceLevel: scenario.priceLevel),
      overrides: overrides, engineVersion: EffectSimVersion.string,
      seconds: clock.duration(to: .now).seconds)
  }
}

/// The state of one break-even search: the scenario, what is asked, and the runs at a value.
struct BreakEvenSearch {
  let document: JSONValue
  let overrides: [ScenarioOverride]
  let parameter: String
  /// The scenario with the `--set` values, the parameter as the file defines it.
  let scenario: Scenario
  /// Index of the payback definition; K (1-based).
  let definition: Int
  let year: Int
  /// The parameter's value in deterministic mode: the anchor when a range must be narrowed.
  private(set) var base = 0.0
  /// The Monte Carlo settings of every step, the kernel chosen once.
  var options: RunOptions

  init(
    document: JSONValue, overrides: [ScenarioOverride], _ question: BreakEvenQuestion
  ) throws(BreakEvenError) {
    self.document = document
    self.overrides = overrides
    parameter = question.parameter
    do throws(ScenarioErrors) {
      scenario = try ScenarioDecoder.decode(document: document, overrides: overrides)
    } catch {
      throw BreakEvenError(.scenario, error.description)
    }
    let names = scenario.parameters.map(\.name)
    guard let slot = names.firstIndex(of: parameter) else {
      throw BreakEvenError(.question, Self.unknown("parameter", parameter, among: names))
    }
    let definitions = scenario.payback.map(\.name)
    if let name = question.payback {
      guard let index = definitions.firstIndex(of: name) else {
        throw BreakEvenError(
          .question, Self.unknown("payback definition", name, among: definitions))
      }
      definition = index
    } else {
      definition = 0
    }
    year = question.year ?? scenario.years
    guard (1...scenario.years).contains(year) else {
      throw BreakEvenError(
        .question,
        "year \(year) is not within the horizon: K counts years from 1 (\(scenario.start))"
          + " to \(scenario.years) (\(scenario.start + scenario.years - 1))")
    }
    if let probability = question.probability, !(probability > 0 && probability < 1) {
      throw BreakEvenError(.question, "the probability must lie strictly between 0 and 1")
    }
    options = question.options
    let model = try model(at: nil)
    var tables = IterationTables(model: model)
    do throws(RunError) {
      try tables.setBaseValues(model)
    } catch {
      throw BreakEvenError(.run, "\(error)")
    }
    base = tables.values[slot]
    // One kernel for every step, chosen with the parameter fixed (as in every step), so
    // that no step switches kernel and with it the random numbers.
    if question.probability != nil {
      let fixed = try self.model(at: base)
      do throws(RunError) {
        let kernel = try Simulation.kernel(for: fixed, choice: options.kernel)
        options.kernel = KernelChoice(rawValue: kernel.rawValue) ?? .individual
      } catch {
        throw BreakEvenError(.run, "\(error)")
      }
    }
  }

  static func unknown(_ kind: String, _ name: String, among names: [String]) -> String {
    var message = "the scenario has no \(kind) \"\(name)\""
    if let guess = Suggestion.closest(to: name, among: names) {
      message += " (did you mean \"\(guess)\"?)"
    } else if !names.isEmpty {
      message += "; it has " + names.joined(separator: ", ")
    }
    return message
  }

  // MARK: - Runs at a value

  /// The model with the parameter fixed at `value` (as `--set NAME=value`), or as the file
  /// defines it for `nil`.
  func model(at value: Double?) throws(BreakEvenError) -> Model {
    var all = overrides
    if let value { all.append(ScenarioOverride(parameter: parameter, fixedAt: value)) }
    do throws(ScenarioErrors) {
      return try Model(ScenarioDecoder.decode(document: document, overrides: all))
    } catch {
      throw BreakEvenError(.scenario, error.description)
    }
  }

  /// Cumulative net impact at the end of year K over the definition's areas, deterministic.
  func cumulative(at value: Double) throws(BreakEvenError) -> Double {
    let model = try model(at: value)
    do throws(RunError) {
      let layout = MetricLayout(model: model)
      let (metrics, _) = try Simulation.expectedMetrics(model, layout: layout)
      let payback = model.payback[definition]
      var total = 0.0
      for year in 0..<year {
        let factor = payback.discounted
          ? model.discount.factor(rate: model.discount.costs, yearIndex: year) : 1
        for area in model.areas.indices where payback.areaMask[area] {
          total += metrics[layout.netArea(area, year)] * factor
        }
      }
      return total
    } catch {
      throw failure(at: value, error)
    }
  }

  /// P̂(payback within K years) with the parameter fixed at `value`.
  func probability(at value: Double) throws(BreakEvenError) -> Double {
    let model = try model(at: value)
    let definition = definition
    let year = Double(year)
    do throws(RunError) {
      return try Simulation.monteCarlo(model, options: options) { stores, layout, _ in
        let column = stores.metrics.column(layout.payback(definition))
        return Double(column.count { $0 <= year }) / Double(column.count)
      }
    } catch {
      throw failure(at: value, error)
    }
  }

  func failure(at value: Double, _ error: RunError) -> BreakEvenError {
    BreakEvenError(.run, "at \(parameter) = \(JSONValue.format(value)): \(error)")
  }

  // MARK: - Range

  /// The given range, or the default from the parameter's definition.
  func range(_ given: ClosedRange<Double>?) throws(BreakEvenError) -> BreakEvenRange {
    if let given {
      guard given.lowerBound < given.upperBound else {
        throw BreakEvenError(.question, "the range is empty: LO must be below HI")
      }
      return BreakEvenRange(low: given.lowerBound, high: given.upperBound, origin: .given)
    }
    guard let parameter = scenario.parameters.first(where: { $0.name == self.parameter }),
      case .distributed(let distribution, _) = parameter.definition
    else {
      let reach = base == 0 ? 1 : 10 * abs(base)
      return BreakEvenRange(low: base - reach, high: base + reach, origin: .tenfold)
    }
    let support = distribution.support
    let low = support.lowerBound.isFinite ? support.lowerBound : distribution.quantile(0.001)
    let high = support.upperBound.isFinite ? support.upperBound : distribution.quantile(0.999)
    let bounded = support.lowerBound.isFinite && support.upperBound.isFinite
    guard low < high else {
      let reach = low == 0 ? 1 : 10 * abs(low)
      return BreakEvenRange(low: low - reach, high: low + reach, origin: .tenfold)
    }
    return BreakEvenRange(low: low, high: high, origin: bounded ? .support : .quantiles)
  }

  /// The values of `f` at both ends of `range`; a default range whose end fails is narrowed
  /// towards the base value until it does not (a given range is the user's: its failure is
  /// reported).
  func ends(
    of range: inout BreakEvenRange, _ f: (Double) throws(BreakEvenError) -> Double
  ) throws(BreakEvenError) -> (low: Double, high: Double) {
    var values = (low: 0.0, high: 0.0)
    for high in [false, true] {
      let end = high ? range.high : range.low
      var value: Double
      do throws(BreakEvenError) {
        value = try f(end)
      } catch where range.origin != .given && error.kind == .run {
        let (inside, atInside) = try narrow(from: end, f)
        range.narrowed.append(.init(failedAt: end, reason: error.message))
        if high { range.high = inside } else { range.low = inside }
        value = atInside
      }
      if high { values.high = value } else { values.low = value }
    }
    guard range.low < range.high else {
      throw BreakEvenError(
        .run, "the scenario can be evaluated only at \(parameter) = \(JSONValue.format(base))"
          + " in the default range; give --range")
    }
    return values
  }

  /// The value nearest `failing` (towards the base) at which `f` succeeds, within a
  /// millionth of the distance, by bisection between the base and `failing`.
  private func narrow(
    from failing: Double, _ f: (Double) throws(BreakEvenError) -> Double
  ) throws(BreakEvenError) -> (value: Double, result: Double) {
    var good = base
    var goodResult = try f(base)
    var bad = failing
    for _ in 0..<20 {
      let middle = (good + bad) / 2
      do throws(BreakEvenError) {
        goodResult = try f(middle)
        good = middle
      } catch where error.kind == .run {
        bad = middle
      }
    }
    return (good, goodResult)
  }

  // MARK: - Searches

  func deterministic(
    _ range: inout BreakEvenRange
  ) throws(BreakEvenError) -> BreakEvenAnswer.Deterministic {
    let ends = try ends(of: &range) { v throws(BreakEvenError) in try cumulative(at: v) }
    var answer = BreakEvenAnswer.Deterministic(
      value: nil, atLow: ends.low, atHigh: ends.high, evaluations: 2)
    guard ends.low == 0 || ends.high == 0 || (ends.low < 0) != (ends.high < 0) else {
      return answer
    }
    let (root, evaluations) = try RootSearch.illinois(
      { v throws(BreakEvenError) in try cumulative(at: v) }, low: range.low, high: range.high,
      fLow: ends.low, fHigh: ends.high, tolerance: (range.high - range.low) * 1e-10)
    answer.value = root
    answer.evaluations += evaluations
    return answer
  }

  func probabilistic(
    _ target: Double, range: inout BreakEvenRange, confidence: Double,
    onStep: (@Sendable (Int, Double, Double) -> Void)?
  ) throws(BreakEvenError) -> BreakEvenAnswer.Probabilistic {
    var steps = 0
    func p(_ v: Double) throws(BreakEvenError) -> Double {
      let value = try probability(at: v)
      steps += 1
      onStep?(steps, v, value)
      return value
    }
    let ends = try ends(of: &range) { v throws(BreakEvenError) in try p(v) }
    let n = Double(options.iterations)
    let margin = Self.normalQuantile(0.5 + confidence / 2) * (target * (1 - target) / n)
      .squareRoot()
    var brackets = LevelBrackets(
      levels: [target, target - margin, target + margin], low: range.low, high: range.high,
      pLow: ends.low, pHigh: ends.high, futures: options.iterations)
    let width = range.high - range.low
    while true {
      let found = brackets.brackets
      // Precise to a fiftieth of the interval the Monte Carlo error allows: finer would only
      // place the answer within noise; with no interval yet, to a thousandth of the range.
      let spread: Double? =
        switch (found[1], found[2], found[0]) {
        case (let lower?, let upper?, _): abs(upper.middle - lower.middle)
        case (let side?, nil, let centre?), (nil, let side?, let centre?):
          2 * abs(side.middle - centre.middle)
        default: nil
        }
      let tolerance = max(width * 1e-9, spread.map { $0 / 50 } ?? width * 1e-3)
      guard let next = brackets.nextPoint(tolerance: tolerance), steps < 200 else { break }
      brackets.record(next, try p(next))
    }
    let found = brackets.brackets
    let increasing = ends.high > ends.low
    let value = found[0]?.middle
    let lower = found[1]?.middle
    let upper = found[2]?.middle
    return BreakEvenAnswer.Probabilistic(
      probability: target, value: value,
      interval: value == nil ? (nil, nil) : increasing ? (lower, upper) : (upper, lower),
      confidence: confidence, iterations: options.iterations, seed: options.seed, steps: steps,
      atLow: ends.low, atHigh: ends.high, kernel: options.kernel.rawValue)
  }

  /// The standard normal quantile, by bisection on erfc: precise to 1e-12, cheap enough for
  /// one call per search.
  static func normalQuantile(_ p: Double) -> Double {
    var (low, high) = (-40.0, 40.0)
    for _ in 0..<200 {
      let middle = (low + high) / 2
      if 0.5 * erfc(-middle / 2.0.squareRoot()) < p { low = middle } else { high = middle }
    }
    return (low + high) / 2
  }
}
