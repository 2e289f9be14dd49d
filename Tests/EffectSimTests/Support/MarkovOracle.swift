import Foundation

/// A small cohort model described once, written out as scenario JSON for the engine and traced
/// here by plain arithmetic: an oracle that shares no code with the engine.
///
/// The trace follows the format's words (docs/scenario-format.md, "Semantics of one
/// iteration"): each person enters at the intake cycle in a state drawn from `initial`; each
/// cycle k since entry the state is counted (start, end or half of each) and then the moves
/// active at k are applied; a cost or transition window `[from, to)` is tested against k;
/// `occupancyAt` c reads the state held at the start of cycle c among the people whose entry
/// plus c lies inside the horizon. Expected values are linear, so the expected trace of the
/// cohort is the exact mean of every kernel's arm costs, outcomes and occupancy shares.
struct MarkovOracle {
  /// Cycles `[from, to)` since entry; `to` nil: to the end of the horizon.
  struct Window {
    var from = 0
    var to: Int?
    static let always = Window()
    func contains(_ k: Int) -> Bool { k >= from && (to.map { k < $0 } ?? true) }
    var json: String {
      if from == 0 && to == nil { return "" }
      return #", "cycles": [\#(from)\#(to.map { ", \($0)" } ?? "")]"#
    }
  }

  struct Move {
    var from: Int
    var to: Int
    var p: Double
    /// Multiplied by the person's `kind`.
    var byKind = false
    var window = Window.always
  }

  struct Cost {
    var state: Int
    var area: String
    var amount: Double
    var byKind = false
    /// Multiplied by the person's continuous `factor` (see `personFactor`).
    var byFactor = false
    /// 0 intervention, 1 control, nil both.
    var arm: Int?
    var window = Window.always
  }

  struct Outcome {
    var state: Int
    var name: String
    var weight: Double
  }

  struct Intake {
    /// Year index (0 = the first year).
    var year: Int
    var count: Int
    var even = false
  }

  var years: Int
  var yearly = false
  var occupancy = "start"
  var pairing = "coupled"
  var states: [String]
  /// Per arm: weights by state (normalised); empty: everyone enters in the first state.
  var initial: [[Double]] = [[], []]
  /// Per arm, in listing order.
  var moves: [[Move]]
  var costs: [Cost] = []
  var outcomes: [Outcome] = []
  var intake: [Intake]
  var occupancyAt: [Int] = []
  /// A discrete person-scope parameter `kind` (values and weights); probabilities and amounts
  /// marked `byKind` are multiplied by it.
  var kinds: [(value: Double, weight: Double)]?
  /// A continuous person-scope parameter `factor`, uniform on [low, high]; amounts marked
  /// `byFactor` are multiplied by it. It prices and moves nobody, so the expected cost is the
  /// trace's at its mean: E[factor · occupancy] = E[factor] · E[occupancy].
  var personFactor: (low: Double, high: Double)?
  /// Extra top-level JSON members, each starting with a comma.
  var extra = ""

  var cyclesPerYear: Int { yearly ? 1 : 12 }
  var horizon: Int { years * cyclesPerYear }

  // MARK: - The scenario

  var json: String {
    func number(_ x: Double) -> String { "\(x)" }
    func scaled(_ x: Double, _ byKind: Bool) -> String { byKind ? "\"\(x) * kind\"" : number(x) }
    let stateJSON = states.indices.map { s in
      let costs = self.costs.filter { $0.state == s }.map { cost in
        let arm = cost.arm.map { #", "arm": "\#($0 == 0 ? "intervention" : "control")""# } ?? ""
        let amount = cost.byFactor
          ? "\"\(cost.amount) * factor\(cost.byKind ? " * kind" : "")\""
          : scaled(cost.amount, cost.byKind)
        return #"{"area": "\#(cost.area)", "perCycle": \#(amount)"#
          + arm + cost.window.json + "}"
      }
      let outcomes = self.outcomes.filter { $0.state == s }.map { #""\#($0.name)": \#($0.weight)"# }
      return #"{"id": "\#(states[s])", "costs": [\#(costs.joined(separator: ", "))], "#
        + #""outcomes": {\#(outcomes.joined(separator: ", "))}}"#
    }
    func arm(_ a: Int) -> String {
      let initial = self.initial[a].enumerated().map { #""\#(states[$0])": \#($1)"# }
      let moves = self.moves[a].map { move in
        #"{"from": "\#(states[move.from])", "to": "\#(states[move.to])", "#
          + #""p": \#(scaled(move.p, move.byKind))\#(move.window.json)}"#
      }
      let initialJSON =
        initial.isEmpty ? "" : #""initial": {\#(initial.joined(separator: ", "))}, "#
      return "{" + initialJSON + #""transitions": [\#(moves.joined(separator: ",\n  "))]}"#
    }
    let intakeJSON = intake.map { entry in
      #"{"year": \#(2020 + entry.year), "count": \#(entry.count), "#
        + #""spread": "\#(entry.even ? "even" : "start")"}"#
    }
    var members: [String] = []
    if let kinds {
      let values = kinds.map { number($0.value) }.joined(separator: ", ")
      let weights = kinds.map { number($0.weight) }.joined(separator: ", ")
      members.append(
        #""kind": {"discrete": {"values": [\#(values)], "weights": [\#(weights)]}, "#
          + #""scope": "person"}"#)
    }
    if let personFactor {
      members.append(
        #""factor": {"uniform": {"min": \#(personFactor.low), "max": \#(personFactor.high)}, "#
          + #""scope": "person"}"#)
    }
    let parameters = "{" + members.joined(separator: ", ") + "}"
    return """
      {"format": "effectsim/1", "name": "oracle", "start": 2020, "years": \(years),
       "cycle": "\(yearly ? "year" : "month")", "occupancy": "\(occupancy)",
       "pairing": "\(pairing)", "parameters": \(parameters),
       "states": [\(stateJSON.joined(separator: ",\n  "))],
       "arms": {"intervention": \(arm(0)),
                "control": \(arm(1))},
       "cohort": {"intake": [\(intakeJSON.joined(separator: ", "))]},
       "report": {"occupancyAt": \(occupancyAt)}\(extra)}
      """
  }

  // MARK: - The expected trace

  struct Expected {
    /// [arm][year]: state costs, every area.
    var armCost: [[Double]]
    /// [arm][year][area name].
    var areaCost: [[[String: Double]]]
    /// [arm][outcome name]: totals over the horizon.
    var outcome: [[String: Double]]
    /// [occupancyAt index][arm][state].
    var share: [[[Double]]]
  }

  /// The expected trace; with `kindsAtMean`, every person has the mean `kind` (deterministic
  /// mode, which uses each parameter's base value), else the mixture over kinds.
  func expected(kindsAtMean: Bool = false) -> Expected {
    var kindList: [(value: Double, probability: Double)] = [(1, 1)]
    if let kinds {
      let total = kinds.reduce(0) { $0 + $1.weight }
      kindList = kinds.map { ($0.value, $0.weight / total) }
      if kindsAtMean { kindList = [(kindList.reduce(0) { $0 + $1.value * $1.probability }, 1)] }
    }
    let areas = Set(costs.map(\.area))
    var result = Expected(
      armCost: Array(repeating: Array(repeating: 0, count: years), count: 2),
      areaCost: Array(
        repeating: Array(
          repeating: Dictionary(uniqueKeysWithValues: areas.map { ($0, 0.0) }), count: years),
        count: 2),
      outcome: Array(
        repeating: Dictionary(
          outcomes.map { ($0.name, 0.0) }, uniquingKeysWith: { first, _ in first }),
        count: 2),
      share: Array(
        repeating: Array(repeating: Array(repeating: 0, count: states.count), count: 2),
        count: occupancyAt.count))
    var eligible = Array(repeating: 0.0, count: occupancyAt.count)
    let (weightStart, weightEnd): (Double, Double) =
      occupancy == "start" ? (1, 0) : occupancy == "end" ? (0, 1) : (0.5, 0.5)

    for (entryCycle, people) in entries() {
      let cycles = horizon - entryCycle
      for (c, at) in occupancyAt.enumerated() where at < cycles { eligible[c] += people }
      for kind in kindList {
        let n = people * kind.probability
        for arm in 0..<2 {
          var distribution = Array(repeating: 0.0, count: states.count)
          if initial[arm].isEmpty {
            distribution[0] = n
          } else {
            let total = initial[arm].reduce(0, +)
            for s in states.indices { distribution[s] = n * initial[arm][s] / total }
          }
          for k in 0..<cycles {
            let year = (entryCycle + k) / cyclesPerYear
            for (c, at) in occupancyAt.enumerated() where at == k {
              for s in states.indices { result.share[c][arm][s] += distribution[s] }
            }
            var next = distribution
            for move in moves[arm] where move.window.contains(k) {
              let p = move.p * (move.byKind ? kind.value : 1)
              next[move.from] -= distribution[move.from] * p
              next[move.to] += distribution[move.from] * p
            }
            for s in states.indices {
              let counted = weightStart * distribution[s] + weightEnd * next[s]
              for cost in costs
              where cost.state == s && (cost.arm == nil || cost.arm == arm)
                && cost.window.contains(k)
              {
                let factor = cost.byFactor
                  ? personFactor.map { ($0.low + $0.high) / 2 } ?? 1 : 1
                let amount = counted * cost.amount * (cost.byKind ? kind.value : 1) * factor
                result.armCost[arm][year] += amount
                result.areaCost[arm][year][cost.area, default: 0] += amount
              }
              for outcome in outcomes where outcome.state == s {
                result.outcome[arm][outcome.name, default: 0] += counted * outcome.weight
              }
            }
            distribution = next
          }
        }
      }
    }
    for c in occupancyAt.indices where eligible[c] > 0 {
      for arm in 0..<2 {
        for s in states.indices { result.share[c][arm][s] /= eligible[c] }
      }
    }
    return result
  }

  /// (entry cycle, persons) per intake, persons of an even intake spread as the format says:
  /// person k of n enters at cycle ⌊k · c / n⌋ of the year.
  func entries() -> [(Int, Double)] {
    var result: [(Int, Double)] = []
    for entry in intake {
      let first = entry.year * cyclesPerYear
      if entry.even {
        for k in 0..<entry.count { result.append((first + k * cyclesPerYear / entry.count, 1)) }
      } else {
        result.append((first, Double(entry.count)))
      }
    }
    return result
  }
}
