import Testing

@testable import EffectSim

/// Named streams: a parameter's draws depend on its name, not on its place in the file, and a
/// person's draws on their number, so an edit changes results only through what was edited.
@Suite struct IterationStreamsTests {
  /// Golden values: the first output of a parameter stream, a person's moves and the cohort
  /// stream for seed 1, iteration 0. A change here changes every run's numbers and must come
  /// with a new engine version. The values were computed by an independent Python transcription
  /// of SplitMix64, FNV-1a and xoshiro256++ from their reference papers, not by this code.
  @Test func goldenStreams() {
    let streams = IterationStreams(seed: 1, iteration: 0)
    var parameter = streams.parameter(IterationStreams.nameKey("ipsShare"))
    var moves = IterationStreams.moves(personKey: streams.personKey(0))
    var cohort = streams.cohort()
    #expect(IterationStreams.nameKey("ipsShare") == 0x5719_EC67_7B26_5F23)
    #expect(parameter.next() == 18_324_010_067_668_026_085)
    #expect(moves.next() == 12_481_868_932_404_857_648)
    #expect(cohort.next() == 15_158_144_601_157_171_193)
  }

  @Test func replicatesShareParametersButNotPeople() {
    let first = IterationStreams(seed: 7, iteration: 3, replicate: 0)
    let second = IterationStreams(seed: 7, iteration: 3, replicate: 1)
    let name = IterationStreams.nameKey("effect")
    var a = first.parameter(name)
    var b = second.parameter(name)
    #expect(a.next() == b.next())
    var personA = IterationStreams.moves(personKey: first.personKey(5))
    var personB = IterationStreams.moves(personKey: second.personKey(5))
    #expect(personA.next() != personB.next())
    var cohortA = first.cohort()
    var cohortB = second.cohort()
    #expect(cohortA.next() != cohortB.next())
  }

  @Test func streamsDifferByNamePersonIterationAndSeed() {
    let streams = IterationStreams(seed: 7, iteration: 3)
    var firsts = Set<UInt64>()
    for name in ["a", "b", "ab", "ba", "ipsShare", "ipsshare"] {
      var rng = streams.parameter(IterationStreams.nameKey(name))
      firsts.insert(rng.next())
    }
    for person in 0..<50 {
      var rng = IterationStreams.moves(personKey: streams.personKey(person))
      firsts.insert(rng.next())
    }
    var other = IterationStreams(seed: 7, iteration: 4).parameter(IterationStreams.nameKey("a"))
    firsts.insert(other.next())
    var seed = IterationStreams(seed: 8, iteration: 3).parameter(IterationStreams.nameKey("a"))
    firsts.insert(seed.next())
    #expect(firsts.count == 6 + 50 + 2)
  }

  // MARK: - Runs

  static func scenario(parameters: String) -> String {
    Fixtures.twoState(
      pIntervention: "effect", pControl: "0.05",
      parameters: parameters, years: 3, count: "30",
      extra: """
        , "lineItems": [{"label": "Team", "area": "Indsats", "byYear": {"2020": "team"}}]
        """)
  }

  static func numbers(_ json: String, kernel: KernelChoice) throws -> [Double] {
    let model = try Fixtures.model(json)
    let summary = try Simulation.monteCarlo(
      model, options: RunOptions(iterations: 300, seed: 5, kernel: kernel))
    let statistics =
      summary.netImpact.total + summary.cumulativeNetImpact.total
      + summary.netImpact.byArea.flatMap(\.values)
    return statistics.flatMap { [$0.mean, $0.sd] + $0.percentiles.map(\.value) }
      + summary.payback.flatMap(\.probabilityByYear)
  }

  /// Adding an unused parameter, or listing the parameters in another order, changes no number.
  @Test(arguments: [KernelChoice.individual, .aggregated])
  func unusedOrReorderedParametersChangeNothing(kernel: KernelChoice) throws {
    let effect = #""effect": {"beta": {"alpha": 6, "beta": 54}}"#
    let team = #""team": {"normal": {"mean": 100000, "sd": 20000}}"#
    let unused = #""unused": {"uniform": {"min": 0, "max": 1}}"#
    let base = try Self.numbers(Self.scenario(parameters: "{\(effect), \(team)}"), kernel: kernel)
    let reordered = try Self.numbers(
      Self.scenario(parameters: "{\(team), \(effect)}"), kernel: kernel)
    let added = try Self.numbers(
      Self.scenario(parameters: "{\(unused), \(effect), \(team)}"), kernel: kernel)
    #expect(base == reordered)
    #expect(base == added)
  }

  /// Changing one parameter changes the results through that parameter only: the line item
  /// it prices moves, the benefit area (which it does not touch) keeps every number.
  @Test func editingOneParameterLeavesWhatItDoesNotTouch() throws {
    let effect = #""effect": {"beta": {"alpha": 6, "beta": 54}}"#
    let before = try Fixtures.model(Self.scenario(
      parameters: #"{\#(effect), "team": {"normal": {"mean": 100000, "sd": 20000}}}"#))
    let after = try Fixtures.model(Self.scenario(
      parameters: #"{\#(effect), "team": {"normal": {"mean": 90000, "sd": 1000}}}"#))
    let options = RunOptions(iterations: 200, seed: 9, kernel: .individual)
    let a = try Simulation.monteCarlo(before, options: options)
    let b = try Simulation.monteCarlo(after, options: options)
    let benefitA = try #require(a.netImpact.byArea.first { $0.area == "Overførsler" }).values
    let benefitB = try #require(b.netImpact.byArea.first { $0.area == "Overførsler" }).values
    #expect(benefitA == benefitB)
    #expect(a.netImpact.total != b.netImpact.total)
  }
}
