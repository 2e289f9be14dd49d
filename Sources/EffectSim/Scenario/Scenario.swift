/// A scenario file, decoded and checked: names are resolved to indices, expressions parsed,
/// distributions validated. `Model` compiles it further for the engine.
public struct Scenario: Sendable {
  public var name: String
  public var description: String?
  public var source: String?
  public var currency: String
  public var priceLevel: String?
  /// First calendar year of the horizon.
  public var start: Int
  /// Horizon in calendar years.
  public var years: Int
  public var cycle: CycleLength
  public var occupancy: OccupancyConvention
  public var discount: Discount
  /// In file order.
  public var parameters: [Parameter]
  public var states: [State]
  /// Index 0 is the intervention, 1 the control (`Arm.Kind.rawValue`).
  public var arms: [Arm]
  public var intake: [Intake]
  public var lineItems: [LineItem]
  public var payback: [PaybackDefinition]
  public var report: ReportOptions
  public var pairing: Pairing
  /// `cohort.weeksOnBenefitAtEntry`: each person's weeks on covered benefits when they enter,
  /// the starting point of their refusion staircase clock; `nil` means 0.
  public var weeksOnBenefitAtEntry: Expression? = nil
  /// Outcome, area or payback definition name → the text reports show for it.
  public var labels: [String: String] = [:]
  /// The parameters replaced on the command line (`--set`), in the order given; the outputs
  /// list them so that a run with overrides is never mistaken for a run of the file.
  public var overrides: [ScenarioOverride] = []
  /// The business case's own figures, when the scenario states them.
  public var claim: Claim? = nil
  /// Rank correlations between iteration-scope parameters, in file order; checked (distinct
  /// pairs, a positive definite matrix) by `CorrelationReader`.
  public var correlations: [Correlation] = []

  /// Cycles in one calendar year: 12 or 1.
  public var cyclesPerYear: Int { cycle.cyclesPerYear }
  /// Cycles in the horizon.
  public var horizonCycles: Int { years * cyclesPerYear }
}

public enum CycleLength: String, Sendable {
  case month, year
  public var cyclesPerYear: Int { self == .month ? 12 : 1 }
}

/// Which state a cycle is counted in.
public enum OccupancyConvention: String, Sendable {
  /// The state held at the start of the cycle.
  case start
  /// The state after the cycle's transition.
  case end
  /// Half of each: the half-cycle (life-table) correction.
  case average
}

public enum Pairing: String, Sendable {
  /// One uniform per person and cycle serves both arms (common random numbers).
  case coupled
  /// Each arm draws its own uniforms.
  case independent
}

public struct Discount: Sendable {
  public var costs: Double
  public var outcomes: Double
  /// Exponent of the first year: factor = (1 + r)^−(t + firstYear).
  public var firstYear: Int

  /// The discount factor of year index `t` (0 = the first year) at annual rate `rate`.
  public func factor(rate: Double, yearIndex t: Int) -> Double {
    rate == 0 ? 1 : 1 / pow1p(rate, t + firstYear)
  }

  private func pow1p(_ rate: Double, _ exponent: Int) -> Double {
    var result = 1.0
    for _ in 0..<max(0, exponent) { result *= 1 + rate }
    return result
  }
}

/// A named input of the model.
public struct Parameter: Sendable {
  public enum Scope: String, Sendable { case iteration, person }
  public enum Definition: Sendable {
    case fixed(Double)
    case derived(Expression)
    case distributed(Distribution, base: Double)
  }
  public var name: String
  public var definition: Definition
  /// For a derived parameter: person scope when it depends on one, found by the decoder.
  public var scope: Scope
  public var note: String?
  public var source: String?
}

/// A half-open window `[from, to)` of cycles since a person's entry.
public struct CycleWindow: Sendable, Equatable {
  public var from: Int
  /// `nil`: to the end of the horizon.
  public var to: Int?

  public static let always = CycleWindow(from: 0, to: nil)

  public func contains(_ k: Int) -> Bool { k >= from && (to.map { k < $0 } ?? true) }

  public var description: String { to.map { "cycles [\(from), \($0))" } ?? "cycles [\(from), end)" }
}

public struct State: Sendable {
  public var id: String
  public var label: String?
  public var costs: [Cost]
  /// Outcome name → weight per cycle, in file order.
  public var outcomes: [(name: String, weight: Expression)]
  /// Whether time in the state counts on the refusion staircase (a covered benefit).
  public var covered = false
  /// Whether time in a state that is not covered counts as self-support, towards the clock's
  /// reset; `false` (subsidised work) pauses the clock instead.
  public var selfSupport = true
}

public struct Cost: Sendable {
  public var area: String
  public var perCycle: Expression
  /// `nil`: both arms.
  public var arm: Arm.Kind?
  public var cycles: CycleWindow
  /// JSON path of `perCycle`, for run errors.
  public var path: String
  /// How the amount is shared with the state; `nil`: the amount is the municipality's cost.
  public var refusion: Refusion? = nil
}

/// How a cost entry's amount is shared between the municipality and the state.
public enum Refusion: String, Sendable {
  /// The amount is the gross benefit; the municipality pays the share for the person's weeks
  /// on covered benefits (`RefusionClock`).
  case staircase
}

public struct Arm: Sendable {
  public enum Kind: Int, Sendable, CaseIterable {
    case intervention = 0, control = 1
    public var name: String { self == .intervention ? "intervention" : "control" }
  }
  public var label: String?
  /// State index → weight, in listing order; empty means "the first state".
  public var initial: [(state: Int, weight: Expression)]
  public var transitions: [Transition]
}

public struct Transition: Sendable {
  public var from: Int
  public var to: Int
  public var p: Expression
  public var cycles: CycleWindow
  public var path: String
  /// Amounts charged once per person moving along the transition.
  public var costs: [TransitionCost] = []
  /// Outcome name → weight counted once per move, in file order.
  public var outcomes: [(name: String, weight: Expression, path: String)] = []
}

/// An amount charged once for each move along a transition, in the year of the move.
public struct TransitionCost: Sendable {
  public var area: String
  public var amount: Expression
  /// JSON path of `amount`, for run errors.
  public var path: String
}

public struct Intake: Sendable {
  public enum Spread: String, Sendable { case start, even }
  public var year: Int
  public var count: Expression
  public var spread: Spread
  public var path: String
}

public struct LineItem: Sendable {
  public var label: String
  public var area: String
  public var committee: String?
  /// Calendar year → amount, in file order.
  public var byYear: [(year: Int, amount: Expression, path: String)]
}

public struct PaybackDefinition: Sendable {
  public var name: String
  /// `nil` means every area.
  public var areas: [String]?
  public var discounted: Bool
}

/// The figures the business case itself states: its net impact per year and its payback
/// times, kept beside the model so reports can hold them against the simulated futures.
public struct Claim: Sendable {
  /// Calendar year → net impact over all areas (expenses positive), in file order; years not
  /// listed count as 0.
  public var netImpact: [(year: Int, amount: Double)]
  /// Payback definition name → the payback time claimed, in years, in file order.
  public var payback: [(name: String, years: Int)]
  /// Where in the document the figures stand ("Tabel 1.1").
  public var source: String?
}

public struct ReportOptions: Sendable {
  public static let defaultPercentiles: [Double] = [5, 10, 25, 50, 75, 90, 95]
  public var percentiles: [Double]
  public var occupancyAt: [Int]
}
