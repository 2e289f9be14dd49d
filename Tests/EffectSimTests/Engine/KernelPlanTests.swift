import Testing

@testable import EffectSim

/// The plan's layouts and cuts, walked slot by slot on small shapes: what every kernel relies
/// on without checking it in its hot loop.
@Suite struct KernelPlanTests {
  static func plan(_ oracle: MarkovOracle) throws -> (Model, KernelPlan) {
    let model = try Fixtures.model(oracle.json)
    return (model, KernelPlan(model: model))
  }

  static let shapes: [MarkovOracle] = [
    ClosedFormKernelTests.offGrid(occupancy: "average", pairing: "coupled"),
    ClosedFormKernelTests.kinds(pairing: "independent"),
    ClosedFormKernelTests.threeLines(occupancy: "end"),
  ]

  /// Every entry's segments cover its cycles since entry in order; inside a segment nothing
  /// changes; every cut has a reason (a new year, window class or `occupancyAt` cycle).
  @Test(arguments: shapes.indices)
  func segmentsCoverEveryCycleAndCutOnlyWhereSomethingChanges(shape: Int) throws {
    let (model, plan) = try Self.plan(Self.shapes[shape])
    for entry in 0..<model.horizon {
      var next = 0
      for index in plan.segments(entry: entry) {
        let segment = plan.segments[index]
        #expect(Int(segment.from) == next && segment.to > segment.from)
        for k in segment.cycles {
          #expect(model.yearOf[entry + k] == segment.year)
          #expect(model.transitionClassOf[k] == segment.transitionClass)
          #expect(model.chargeClassOf[k] == segment.chargeClass)
          #expect(plan.markers[k] == (k == Int(segment.from) ? segment.marker : -1))
        }
        let to = Int(segment.to)
        if to < model.horizon - entry {
          let reason =
            model.yearOf[entry + to] != segment.year
            || model.transitionClassOf[to] != segment.transitionClass
            || model.chargeClassOf[to] != segment.chargeClass || plan.markers[to] >= 0
          #expect(reason, "entry \(entry): cut at \(to) without a reason")
        }
        next = to
      }
      #expect(next == model.horizon - entry)
    }
  }

  @Test(arguments: shapes.indices)
  func markersNameTheFirstEntryOfEachCycle(shape: Int) throws {
    let (model, plan) = try Self.plan(Self.shapes[shape])
    for k in 0..<model.horizon {
      let first = model.occupancyAt.firstIndex(of: k)
      #expect(plan.markers[k] == Int32(first ?? -1))
    }
    for index in model.occupancyAt.indices {
      #expect(model.occupancyAt[plan.shareSource(index)] == model.occupancyAt[index])
      #expect(plan.shareSource(index) <= index)
    }
  }

  /// From `settle` on, every cycle has the last classes and no marker; just before, not.
  @Test(arguments: shapes.indices)
  func settlingIsTheFirstCycleAfterWhichNothingChanges(shape: Int) throws {
    let (model, plan) = try Self.plan(Self.shapes[shape])
    func settled(_ k: Int) -> Bool {
      Int(model.transitionClassOf[k]) == model.transitionClasses.count - 1
        && Int(model.chargeClassOf[k]) == model.chargeClassCount - 1 && plan.markers[k] < 0
    }
    #expect((plan.settle..<model.horizon).allSatisfy(settled))
    if plan.settle > 0 { #expect(!settled(plan.settle - 1)) }
  }

  /// Every cell reached exactly once, in the documented order.
  @Test func cellLayoutsAreBijections() {
    let cells = CountCells(years: 3, states: 4, chargeClasses: 5)
    var seen = [Int](repeating: 0, count: cells.count)
    var previous = -1
    for arm in 0..<2 {
      for year in 0..<3 {
        for state in 0..<4 {
          for cls in 0..<5 {
            let index = cells.index(arm: arm, year: year, state: state, chargeClass: cls)
            #expect(index == previous + 1)
            previous = index
            seen[index] += 1
            #expect(
              index == cells.base(arm: arm, year: year, chargeClass: cls)
                + state * cells.stateStride)
          }
        }
      }
    }
    #expect(seen.allSatisfy { $0 == 1 })
    let amounts = AmountCells(years: 3, targets: 2)
    let amountIndices = (0..<2).flatMap { arm in
      (0..<3).flatMap { year in (0..<2).map { amounts.index(arm: arm, year: year, target: $0) } }
    }
    #expect(amountIndices == Array(0..<amounts.count))
    let shares = ShareCells(states: 3)
    let shareIndices = (0..<2).flatMap { c in
      (0..<2).flatMap { arm in (0..<3).map { shares.index(c, arm: arm, state: $0) } }
    }
    #expect(shareIndices == Array(0..<12))
  }

  @Test func halfCyclesSumToOneCycle() {
    for convention in [OccupancyConvention.start, .end, .average] {
      let (start, end) = convention.halfCycles
      #expect(start + end == 2 && start >= 0 && end >= 0)
    }
    #expect(OccupancyConvention.start.halfCycles == (2, 0))
    #expect(OccupancyConvention.end.halfCycles == (0, 2))
  }

  /// The person-charge cells are the cells of the charges that depend on person scope, in
  /// the windows and arms those charges apply, grouped by amount.
  @Test func personCellsAreThoseOfPersonCharges() throws {
    let (model, plan) = try Self.plan(ClosedFormKernelTests.kinds(pairing: "coupled"))
    let dependent = model.charges.indices.filter { model.charges[$0].dependsOnPerson }
    #expect(plan.personCharges == dependent)
    #expect(plan.personCharges.count == 2)
    var expected: [Int] = []
    for index in plan.personCharges {
      let charge = model.charges[index]
      for arm in 0..<2 where charge.arm == nil || charge.arm == arm {
        for year in 0..<model.years {
          for cls in 0..<model.chargeClassCount where charge.active[cls] {
            expected.append(
              plan.cells.index(arm: arm, year: year, state: charge.state, chargeClass: cls))
          }
        }
      }
    }
    #expect(plan.personCells.map(\.cell) == expected)
    #expect(plan.personGroups.first?.lowerBound == 0)
    #expect(plan.personGroups.last?.upperBound == plan.personCells.count)
    for (a, b) in zip(plan.personGroups, plan.personGroups.dropFirst()) {
      #expect(a.upperBound == b.lowerBound)
    }
    for group in plan.personGroups {
      let amounts = Set(plan.personCells[group].map(\.amount))
      let charges = Set(plan.personCells[group].map(\.charge))
      #expect(amounts.count == 1 && charges.count == 1)
    }
  }
}
