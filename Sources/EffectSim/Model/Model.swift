/// A scenario compiled for the engine: every name an index, every expression a flat program,
/// every window a class of cycles since entry.
///
/// Built once per run; the engine only reads it. Everything here is valid by construction,
/// because `ScenarioDecoder` has already checked the scenario.
public struct Model: Sendable {
  public let scenario: Scenario
  let cyclesPerYear: Int
  let years: Int
  /// Cycles in the horizon (H).
  let horizon: Int
  let stateCount: Int
  /// Budget areas in code-point order of their names.
  public let areas: [String]
  /// Outcome names in order of first appearance.
  public let outcomeNames: [String]
  /// Amount targets: the areas, then the outcomes.
  var targetCount: Int { areas.count + outcomeNames.count }

  // MARK: Parameters

  let parameterNames: [String]
  /// Fixed values and base values by slot; derived slots hold 0 until evaluated.
  let template: [Double]
  /// Every iteration-scope distribution parameter, correlated or not.
  let iterationDraws: [ParameterDraw]
  /// The iteration-scope draws in no correlation: each sampled alone from its own stream.
  let independentDraws: [ParameterDraw]
  /// The parameters of the scenario's `correlations`, in the copula's order: each draws a
  /// standard normal from its own stream, which `copula` correlates and maps to its value.
  let correlatedDraws: [ParameterDraw]
  let copula: GaussianCopula?
  let iterationDerived: [DerivedParameter]
  let personDraws: [ParameterDraw]
  let personDerived: [DerivedParameter]
  var hasPersonScope: Bool { !personDraws.isEmpty }

  // MARK: Time

  /// Transition window class of each cycle since entry, `0..<horizon`.
  let transitionClassOf: [Int32]
  let transitionClasses: [CycleWindow]
  /// Charge window class of each cycle since entry, `0..<horizon`.
  let chargeClassOf: [Int32]
  let chargeClassCount: Int
  /// Calendar year index of each absolute cycle, `0..<horizon`.
  let yearOf: [Int32]

  // MARK: Arms, charges, intake, line items

  /// Per arm: the initial weights by state index, listing order.
  let initial: [[CompiledWeight]]
  /// Per arm, in listing order.
  let transitions: [[CompiledTransition]]
  /// Largest number of transitions out of one state in one arm.
  let maxOutgoing: Int
  let transitionsDependOnPerson: Bool
  let charges: [Charge]
  /// Costs and outcomes counted once per move along a transition.
  let transitionCharges: [TransitionCharge]
  /// Transitions of both arms: arm 0's in listing order, then arm 1's.
  var transitionCount: Int { transitions[0].count + transitions[1].count }
  /// Per state: whether time in it counts on the refusion staircase, and whether time in it
  /// counts as self-support when it does not (`RefusionClock`).
  let covered: [Bool]
  let selfSupport: [Bool]
  /// Whether some charge is priced on the refusion staircase, so that each person's clock
  /// must be followed.
  var usesStaircase: Bool { charges.contains { $0.staircase } }
  /// `cohort.weeksOnBenefitAtEntry`; `nil` means 0.
  let entryClock: CompiledExpression?
  let entryClockDependsOnPerson: Bool
  /// Indices into `charges` of the person-dependent charges that read an iteration-scope
  /// draw, directly or through derived parameters, in order; and whether a person-dependent
  /// entry clock does. What does not is the same for a kind of person in every iteration, and
  /// the individual kernel evaluates it once per run (`IndividualKernel.prepareKind`).
  let varyingPersonCharges: [Int]
  let entryClockVariesByIteration: Bool
  /// Indices into `charges` of those that depend on person-scope parameters, in order: what a
  /// kernel prices per person or kind of person, and deterministic mode at base values.
  let personCharges: [Int]
  let intake: [CompiledIntake]
  let lineItems: [CompiledLineItem]
  let payback: [CompiledPayback]
  public let occupancyAt: [Int]
  public let percentiles: [Double]
  let occupancy: OccupancyConvention
  let pairing: Pairing
  let discount: Discount
}

struct ParameterDraw: Sendable {
  var slot: Int
  var distribution: Distribution
  /// `IterationStreams.nameKey` of the parameter's name: which stream it draws from.
  var nameKey: UInt64
}

struct DerivedParameter: Sendable {
  var slot: Int
  var expression: CompiledExpression
  var path: String
}

struct CompiledWeight: Sendable {
  var state: Int
  var weight: CompiledExpression
  var path: String
}

struct CompiledTransition: Sendable {
  var from: Int
  var to: Int
  var p: CompiledExpression
  /// Indexed by transition class: whether the move is possible then.
  var active: [Bool]
  var path: String
}

/// A cost or outcome weight that accrues per cycle a person spends in a state.
struct Charge: Sendable {
  /// Area index, or `areas.count + outcome index`.
  var target: Int
  /// `nil`: both arms.
  var arm: Int?
  var state: Int
  /// Indexed by charge class: whether the charge applies then.
  var active: [Bool]
  var value: CompiledExpression
  var dependsOnPerson: Bool
  /// Whether the amount reads an iteration-scope draw, directly or through derived parameters.
  var variesByIteration: Bool
  var path: String
  /// Whether the amount is the gross benefit, of which the municipality pays the share of the
  /// person's position on the refusion staircase.
  var staircase = false
}

/// A cost or outcome counted once per person moving along a transition.
struct TransitionCharge: Sendable {
  /// Index into the transitions of both arms (arm 0's, then arm 1's).
  var transition: Int
  var arm: Int
  /// Area index, or `areas.count + outcome index`.
  var target: Int
  var value: CompiledExpression
  var path: String
}

struct CompiledIntake: Sendable {
  var yearIndex: Int
  var count: CompiledExpression
  var spread: Intake.Spread
  var path: String
}

struct CompiledLineItem: Sendable {
  var area: Int
  var yearIndex: Int
  var amount: CompiledExpression
  var path: String
}

struct CompiledPayback: Sendable {
  var name: String
  /// `nil`: every area.
  var areas: [String]?
  var areaMask: [Bool]
  var discounted: Bool
}
