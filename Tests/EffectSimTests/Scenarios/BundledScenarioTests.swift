import Foundation
import Testing

@testable import EffectSim

/// The scenarios shipped in scenarios/: they load, they run, and the spreadsheet encoding of
/// document 004 reproduces the document's own table.
@Suite struct BundledScenarioTests {
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("scenarios")

  static var files: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
      .filter { $0.hasSuffix(".json") && $0 != "effectsim.schema.json" }.sorted()
  }

  static func model(_ file: String) throws -> Model {
    let data = try Data(contentsOf: directory.appendingPathComponent(file))
    return try Model.load([UInt8](data))
  }

  @Test func allSixCasesAreBundled() {
    #expect(Self.files == [
      "kk-ips-2019.json", "kk-ips-business-case-2017.json", "kk-ips-expansion-2020.json",
      "kk-rusmiddel-ips-2018-spreadsheet.json", "kk-rusmiddel-ips-2018.json",
      "rebild-ips-2022.json",
    ])
  }

  @Test(arguments: files)
  func loadsAndRuns(file: String) throws {
    let model = try Self.model(file)
    let deterministic = try Simulation.deterministic(model)
    #expect(deterministic.netImpact.total.allSatisfy { $0.mean.isFinite })
    let options = RunOptions(iterations: 64, seed: 3, threads: 2)
    let summary = try Simulation.monteCarlo(model, options: options)
    #expect(summary.settings.iterations == 64)
    #expect(summary.netImpact.total.count == deterministic.netImpact.total.count)
  }

  /// Table 1.1 "Samlet økonomisk påvirkning" of document 004, in thousand kr., and its
  /// payback "totaløkonomi" of 4 years; the document rounds each year to whole thousands
  /// and its rows do not always add up, hence 2 thousand kr. a year.
  @Test func spreadsheetReproducesDocument004() throws {
    let summary = try Simulation.deterministic(try Self.model("kk-rusmiddel-ips-2018-spreadsheet.json"))
    let document: [Double] = [2073, -709, -709, -709, -2105]
    let model = summary.netImpact.total.map { $0.mean / 1000 }
    #expect(model.count == 5)
    for (ours, theirs) in zip(model, document) {
      #expect(abs(ours - theirs) <= 2, "model \(ours) vs document \(theirs) thousand kr.")
    }
    let total = try #require(summary.payback.first { $0.name == "Totaløkonomi" })
    #expect(total.medianYear == 4)
    #expect(total.probabilityByYear == [0, 0, 0, 1, 1])
  }

  /// Every bundled document has a table, so every scenario carries the document's own
  /// figures; the spreadsheet encoding of document 004 must agree with its claim exactly as it
  /// agrees with the table.
  @Test(arguments: files)
  func carriesTheDocumentsClaim(file: String) throws {
    let claim = try #require(try Self.model(file).scenario.claim, "\(file) has no claim")
    #expect(!claim.netImpact.isEmpty && claim.source?.isEmpty == false)
    guard file == "kk-rusmiddel-ips-2018-spreadsheet.json" else { return }
    let summary = try Simulation.deterministic(try Self.model(file))
    let checked = try #require(summary.claim)
    for (ours, theirs) in zip(summary.cumulativeNetImpact.total.map(\.mean), checked.cumulative) {
      #expect(abs(ours - theirs) <= 2_000 * 5, "\(ours) vs the claim's \(theirs)")
    }
    #expect(checked.payback.map(\.probability) == [1])
  }

  /// The example in README.md is a scenario a reader will copy: it must stay valid.
  /// The transition models are calibrated to the trial's intention-to-treat shares: whatever
  /// their structure (dropouts as a mixture of kinds of entrant, the staircase), the share in
  /// job, education or fleksjob 18 months after entry is `ipsShare` under IPS and
  /// `controlShare` under usual services, at the base values.
  @Test(arguments: files)
  func holdsTheTrialsShareAt18Months(file: String) throws {
    let model = try Self.model(file)
    func base(_ name: String) -> Double? {
      guard let parameter = model.scenario.parameters.first(where: { $0.name == name }) else {
        return nil
      }
      switch parameter.definition {
      case .fixed(let value): return value
      case .distributed(_, let base): return base
      case .derived: return nil
      }
    }
    // The spreadsheet encoding of document 004 has no states to move between.
    guard model.scenario.states.contains(where: { $0.id == "job" }),
      let ips = base("ipsShare"), let control = base("controlShare")
    else { return }
    let summary = try Simulation.deterministic(model)
    let at18 = try #require(summary.occupancy.first { $0.cycle == 18 })
    let exits: Set<String> = ["job", "education", "flexjob"]
    func share(_ states: [(state: String, share: Statistic)]) -> Double {
      states.filter { exits.contains($0.state) }.reduce(0) { $0 + $1.share.mean }
    }
    #expect(abs(share(at18.intervention) - ips) < 1e-9, "\(file): intervention")
    #expect(abs(share(at18.control) - control) < 1e-9, "\(file): control")
  }

  @Test func readmeExampleIsValid() throws {
    let readme = try String(
      contentsOf: Self.directory.deletingLastPathComponent().appendingPathComponent("README.md"),
      encoding: .utf8)
    let blocks = readme.components(separatedBy: "```json\n").dropFirst()
      .compactMap { $0.components(separatedBy: "```").first }
    #expect(!blocks.isEmpty)
    for block in blocks {
      #expect(Fixtures.errors(block).isEmpty, "\(Fixtures.errors(block))")
    }
  }

  /// What ships refers only to what ships: no scenario, scenario note or document points at
  /// the research folder the scenarios were built from (`seeds/`, `DOMAIN.md`) or at an
  /// unnamed "README"; documents are cited by title, publisher and date instead.
  @Test func shippedFilesPointOnlyAtShippedFiles() throws {
    let root = Self.directory.deletingLastPathComponent()
    let documents = Self.files.map { "scenarios/" + $0 } + [
      "scenarios/README.md", "README.md", "docs/scenario-format.md", "docs/domain.md",
    ]
    for path in documents {
      let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
      for pointer in ["seeds/", "DOMAIN.md", "see README", "doc 00"] {
        #expect(!text.contains(pointer), "\(path) mentions \(pointer)")
      }
    }
    // The format page gives `occupancyAt`'s default as the rules say it: empty.
    let format = try String(
      contentsOf: root.appendingPathComponent("docs/scenario-format.md"), encoding: .utf8)
    #expect(format.contains("`occupancyAt` [] (no occupancy tables)"))
    #expect(!format.contains("\"occupancyAt\": [18]}"))
    // Every docs/domain.md section a scenario cites exists.
    let domain = try String(
      contentsOf: root.appendingPathComponent("docs/domain.md"), encoding: .utf8)
    for file in Self.files {
      let text = try String(contentsOf: Self.directory.appendingPathComponent(file), encoding: .utf8)
      for part in text.components(separatedBy: "docs/domain.md §").dropFirst() {
        let section = part.prefix { $0.isNumber }
        #expect(domain.contains("\n## \(section). "), "\(file) cites §\(section)")
      }
    }
  }

  /// The five transition models name their outcomes for the reports.
  @Test(arguments: files.filter { !$0.contains("spreadsheet") })
  func outcomesHaveLabels(file: String) throws {
    let model = try Self.model(file)
    #expect(!model.outcomeNames.isEmpty)
    for name in model.outcomeNames { #expect(model.scenario.labels[name] != nil, "\(name)") }
  }
}
