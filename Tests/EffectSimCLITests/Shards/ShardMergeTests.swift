import Foundation
import Testing

@testable import EffectSimCLI

/// A run split into shards and merged gives the single run's output byte for byte, in every
/// format, for both kernels and with person-scope parameters.
@Suite("Sharded runs merge to the single run")
struct ShardMergeTests {
  static let formats = ["table", "markdown", "csv", "json", "html"]

  /// Scenarios with person-scope parameters, bundled (on the refusion staircase: the
  /// individual kernel's per-cycle path) and one every kernel runs, each kernel pinned there;
  /// the kernel auto picks or forced.
  static let cases: [(scenario: String, options: [String], kernel: String)] = [
    (ShardWorkspace.scenario("rebild-ips-2022.json"), ["-n", "200", "-s", "3"], "individual"),
    (ShardWorkspace.fixture("two-kernel-cohort.json"),
     ["-n", "200", "-s", "4", "--kernel", "aggregated"], "aggregated"),
    (ShardWorkspace.fixture("two-kernel-cohort.json"),
     ["-n", "150", "-s", "5", "--kernel", "individual"], "individual"),
    (ShardWorkspace.scenario("kk-ips-expansion-2020.json"), ["-n", "40", "-s", "5"],
     "individual"),
    (ShardWorkspace.scenario("kk-ips-2019.json"),
     ["-n", "130", "-s", "6", "--kernel", "individual"], "individual"),
    (ShardWorkspace.fixture("two-kernel-cohort.json"),
     ["-n", "150", "-s", "7", "--kernel", "jump"], "jump"),
  ]

  @Test(arguments: cases)
  func shardsMergeToTheSingleRun(scenario: String, options: [String], kernel: String) throws {
    let workspace = try ShardWorkspace()
    defer { workspace.remove() }
    let path = scenario
    let singles = try Self.formats.map { format in
      (format, try workspace.single(path, options, format: format))
    }
    #expect(String(decoding: singles[3].1, as: UTF8.self).contains("\"kernel\": \"\(kernel)\""))
    for count in [1, 2, 3, 7] {
      let parts = workspace.shards(path, options, count: count)
      for (format, single) in singles {
        let merged = try workspace.merge(parts.reversed(), format: format)
        let same = withoutMachineFacts(merged, format: format)
          == withoutMachineFacts(single, format: format)
        #expect(same, "\(scenario), \(count) shards, \(format)")
        if format != "json" && format != "html" {
          let identical = merged == single
          #expect(identical, "\(scenario), \(count) shards, \(format): bytes differ")
        }
      }
    }
  }

  /// The merged report's reproducing command names the scenario file as the shards were given
  /// it (the first iterations' part decides); parts that name one file two ways still merge,
  /// since the SHA-256 decides what the scenario is; a part without the name says "SCENARIO".
  @Test func theMergedReportNamesTheScenarioFileAsTyped() throws {
    let workspace = try ShardWorkspace()
    defer { workspace.remove() }
    let path = ShardWorkspace.scenario("rebild-ips-2022.json")
    let otherSpelling = path.replacingOccurrences(of: "/scenarios/", with: "/scenarios/./")
    let options = ["-n", "60", "-s", "2"]
    let parts = workspace.shards(path, options, count: 2, prefix: "a")
    let others = workspace.shards(otherSpelling, options, count: 2, prefix: "b")
    let single = try workspace.single(path, options, format: "html")
    let merged = try workspace.merge([others[1], parts[0]], format: "html")
    #expect(
      withoutMachineFacts(merged, format: "html") == withoutMachineFacts(single, format: "html"))
    #expect(String(decoding: merged, as: UTF8.self).contains("effectsim run \(path) -"))
    let swapped = try workspace.merge([others[0], parts[1]], format: "html")
    #expect(String(decoding: swapped, as: UTF8.self).contains("effectsim run \(otherSpelling) -"))

    try rewriteHeader(parts[0]) { header in
      header.settings.removeAll { $0.key == "scenarioPath" }
    }
    let unnamed = try workspace.merge(parts, format: "html")
    #expect(String(decoding: unnamed, as: UTF8.self).contains("effectsim run SCENARIO -"))
  }

  /// Parts of different splits of the same run fit together too: the ranges are what count.
  @Test func partsOfDifferentSplitsCombine() throws {
    let workspace = try ShardWorkspace()
    defer { workspace.remove() }
    let path = ShardWorkspace.scenario("rebild-ips-2022.json")
    let options = ["-n", "120", "-s", "8"]
    let single = try workspace.single(path, options, format: "csv")
    let halves = workspace.shards(path, options, count: 2, prefix: "half")
    let quarters = workspace.shards(path, options, count: 4, prefix: "quarter")
    // 0..<60 from the first half, 60..<90 and 90..<120 from the last two quarters.
    let merged = try workspace.merge([quarters[3], halves[0], quarters[2]], format: "csv")
    let identical = merged == single
    #expect(identical)
  }

  /// The risk drivers, `--variance-split` (a second cohort per iteration) and `--draws` come
  /// out of a merge as out of the run: the parts carry the setting and every column.
  @Test func varianceSplitAndDrawsMerge() throws {
    let workspace = try ShardWorkspace()
    defer { workspace.remove() }
    let path = ShardWorkspace.scenario("rebild-ips-2022.json")
    let options = ["-n", "150", "-s", "4", "--variance-split"]
    let singleDraws = workspace.path("single-draws.csv")
    let single = try workspace.single(path, options + ["--draws", singleDraws], format: "json")
    #expect(String(decoding: single, as: UTF8.self).contains("\"varianceSplit\""))
    let parts = workspace.shards(path, options, count: 3)
    let mergedDraws = workspace.path("merged-draws.csv")
    let merged = try workspace.merge(parts, format: "json", ["--draws", mergedDraws])
    #expect(
      withoutMachineFacts(merged, format: "json") == withoutMachineFacts(single, format: "json"))
    let identical = try workspace.bytes(mergedDraws) == workspace.bytes(singleDraws)
    #expect(identical)
    let table = try workspace.merge(parts, format: "table")
    let sameTable = table == (try workspace.single(path, options, format: "table"))
    #expect(sameTable)
  }

  /// `--set NAME=VALUE` changes the model; the parts carry the values as typed and the merge
  /// applies them, so the report (overrides listed) is the run's. Read from standard input.
  @Test func overridesAndStandardInputMerge() throws {
    let workspace = try ShardWorkspace()
    defer { workspace.remove() }
    let path = ShardWorkspace.scenario("rebild-ips-2022.json")
    let options = [
      "-n", "120", "-s", "6", "--set", "costOverrun=1.3", "--set", "relapse = 0.02",
    ]
    let single = try workspace.single(path, options, format: "json")
    #expect(String(decoding: single, as: UTF8.self).contains("costOverrun"))
    let input = try String(contentsOfFile: path, encoding: .utf8)
    let parts = (0..<2).map { index in
      let output = workspace.path("stdin-\(index).espart")
      let result = effectsim(
        ["run", "-", "-q", "--shard", "\(index)/2", "-o", output] + options, input: input)
      #expect(result.code == 0, "\(result.err)")
      return output
    }
    let merged = try workspace.merge(parts, format: "json")
    #expect(
      withoutMachineFacts(merged, format: "json") == withoutMachineFacts(single, format: "json"))
  }

  /// More shards than iterations: the empty parts cover nothing and merge all the same.
  @Test func emptyShardsMerge() throws {
    let workspace = try ShardWorkspace()
    defer { workspace.remove() }
    let path = ShardWorkspace.scenario("rebild-ips-2022.json")
    let options = ["-n", "5", "-s", "2"]
    let single = try workspace.single(path, options, format: "table")
    let merged = try workspace.merge(workspace.shards(path, options, count: 7), format: "table")
    let identical = merged == single
    #expect(identical)
  }

  /// --lang, --csv-style and --chart reach the merged report as they reach a run's.
  @Test func reportOptionsApply() throws {
    let workspace = try ShardWorkspace()
    defer { workspace.remove() }
    let path = ShardWorkspace.scenario("rebild-ips-2022.json")
    let options = ["-n", "100"]
    let parts = workspace.shards(path, options, count: 2)
    for extra in [["--lang", "da"], ["--csv-style", "excel-da"]] {
      let format = extra[0] == "--lang" ? "table" : "csv"
      let single = try workspace.single(path, options + extra, format: format)
      let identical = try workspace.merge(parts, format: format, extra) == single
      #expect(identical, "\(extra)")
    }
    let chart = workspace.path("fan.svg")
    let fromRun = effectsim(["run", path, "-q", "--chart", "fan", "-o", chart] + options)
    #expect(fromRun.code == 0, "\(fromRun.err)")
    let runChart = try workspace.bytes(chart)
    let fromMerge = effectsim(["merge"] + parts + ["--chart", "fan", "-o", chart])
    #expect(fromMerge.code == 0, "\(fromMerge.err)")
    let identical = try workspace.bytes(chart) == runChart
    #expect(identical)
  }

  /// The merge's `run` section: the parts' person-cycles, the kernel and the engine version.
  @Test func runSectionOfAMerge() throws {
    let workspace = try ShardWorkspace()
    defer { workspace.remove() }
    let path = ShardWorkspace.scenario("rebild-ips-2022.json")
    let options = ["-n", "100"]
    let single = try JSONSerialization.jsonObject(
      with: Data(try workspace.single(path, options, format: "json"))) as? [String: Any]
    let merged = try JSONSerialization.jsonObject(
      with: Data(try workspace.merge(workspace.shards(path, options, count: 3), format: "json")))
      as? [String: Any]
    let runOfSingle = try #require(single?["run"] as? [String: Any])
    let runOfMerge = try #require(merged?["run"] as? [String: Any])
    #expect(runOfMerge["personCycles"] as? Double == runOfSingle["personCycles"] as? Double)
    #expect(runOfMerge["kernel"] as? String == "individual")
    #expect(runOfMerge["engineVersion"] as? String == runOfSingle["engineVersion"] as? String)
  }
}
