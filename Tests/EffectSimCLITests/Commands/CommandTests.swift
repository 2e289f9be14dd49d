import Foundation
import Testing

@testable import EffectSimCLI

@Suite struct CommandTests {
  @Test func versionAndHelp() {
    let version = effectsim(["--version"])
    #expect(version.code == 0)
    #expect(version.out.hasPrefix("effectsim "))
    let help = effectsim(["--help"])
    #expect(help.code == 0 && help.out.contains("validate") && help.out.contains("run"))
    let runHelp = effectsim(["help", "run"])
    #expect(runHelp.code == 0 && runHelp.out.contains("--iterations"))
  }

  @Test func unknownCommandSuggests() {
    let result = effectsim(["rnu", "x.json"])
    #expect(result.code == 64)
    #expect(result.err.contains("did you mean 'run'"))
  }

  @Test func misspeltOptionSuggests() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("s.json")
    try smallScenario.write(to: file, atomically: true, encoding: .utf8)
    let result = effectsim(["run", file.path, "--iteration", "10"])
    #expect(result.code == 64)
    #expect(result.err.contains("--iterations"), "\(result.err)")
  }

  @Test func missingFileExits66() {
    let result = effectsim(["run", "/nonexistent/scenario.json"])
    #expect(result.code == 66)
    #expect(result.err.contains("no such file"))
  }

  @Test func invalidScenarioExits65WithPath() {
    let broken = smallScenario.replacingOccurrences(of: "\"to\": \"job\"", with: "\"to\": \"jobb\"")
    let result = effectsim(["run", "-", "--deterministic"], input: broken)
    #expect(result.code == 65)
    #expect(result.err.contains("arms.intervention.transitions[0].to"), "\(result.err)")
    #expect(result.err.contains("did you mean \"job\""))
  }

  @Test func deterministicJSONFollowsTheContract() throws {
    let result = effectsim(["run", "-", "--deterministic", "--format", "json"], input: smallScenario)
    #expect(result.code == 0, "\(result.err)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
    for key in ["scenario", "settings", "years", "areas", "netImpact", "cumulativeNetImpact",
      "armCosts", "payback", "outcomes", "presentValue", "occupancy", "run"]
    {
      #expect(json[key] != nil, "missing \(key)")
    }
    let settings = try #require(json["settings"] as? [String: Any])
    #expect(settings["mode"] as? String == "deterministic")
    #expect(json["years"] as? [Int] == [2020, 2021, 2022])
    #expect(json["areas"] as? [String] == ["Indsats", "Overførsler"])
  }

  /// The JSON output without its `run` object, which alone may differ between equal runs.
  private func withoutRun(_ text: String) throws -> String {
    var json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    json["run"] = nil
    let data = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
    return String(decoding: data, as: UTF8.self)
  }

  @Test func monteCarloOutputIsIdenticalForAnyThreadCount() throws {
    let outputs = try ["1", "2", "7"].map { threads in
      let result = effectsim(
        ["run", "-", "--iterations", "500", "--seed", "3", "--threads", threads, "--format", "json"],
        input: smallScenario)
      #expect(result.code == 0, "\(result.err)")
      return try withoutRun(result.out)
    }
    #expect(outputs[0] == outputs[1])
    #expect(outputs[0] == outputs[2])
    let other = effectsim(
      ["run", "-", "--iterations", "500", "--seed", "4", "--format", "json"], input: smallScenario)
    #expect(try withoutRun(other.out) != outputs[0])
  }

  @Test func outputFileIsWrittenWholeOrNotAtAll() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let target = dir.appendingPathComponent("result.csv")
    let ok = effectsim(["run", "-", "--iterations", "50", "--output", target.path], input: smallScenario)
    #expect(ok.code == 0, "\(ok.err)")
    let text = try String(contentsOf: target, encoding: .utf8)
    #expect(text.hasPrefix("metric,name,area,arm,state,cycle,year,statistic,value"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["result.csv"])

    let missingDirectory = dir.appendingPathComponent("no/such/dir/out.json").path
    let failed = effectsim(["run", "-", "--iterations", "10", "--output", missingDirectory], input: smallScenario)
    #expect(failed.code == 73)

    // A run error leaves no file behind. (A constant probability above 1 is caught by
    // validation; one that depends on a draw can only fail while running.)
    let bad = smallScenario.replacingOccurrences(of: "reach(share, 18)", with: "share + 0.5")
    let errorTarget = dir.appendingPathComponent("bad.json")
    let runError = effectsim(["run", "-", "--iterations", "10", "--output", errorTarget.path], input: bad)
    #expect(runError.code == 65)
    #expect(runError.err.contains("iteration"))
    #expect(!FileManager.default.fileExists(atPath: errorTarget.path))
  }

  @Test func validateReportsEachFile() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let good = dir.appendingPathComponent("good.json")
    let bad = dir.appendingPathComponent("bad.json")
    try smallScenario.write(to: good, atomically: true, encoding: .utf8)
    try smallScenario.replacingOccurrences(of: "\"years\"", with: "\"yaers\"")
      .write(to: bad, atomically: true, encoding: .utf8)
    let result = effectsim(["validate", good.path, bad.path])
    #expect(result.code == 65)
    #expect(result.out.contains("\(good.path): ok"))
    #expect(result.out.contains("did you mean \"years\""))
  }

  /// The README's `effectsim validate scenarios/*.json` passes as written: the glob also
  /// matches the JSON Schema kept beside the scenarios, which is named and skipped.
  @Test func validatingTheScenariosFolderPassesAsTheReadmeWritesIt() throws {
    let folder = SchemaCommandTests.repository.appendingPathComponent("scenarios")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".json") }.sorted()
    #expect(files.contains("effectsim.schema.json"))
    let result = effectsim(["validate"] + files.map { folder.appendingPathComponent($0).path })
    #expect(result.code == 0, "\(result.out)")
    #expect(result.out.contains("effectsim.schema.json: skipped (a JSON Schema, not a scenario)"))
    let ok = result.out.split(separator: "\n").filter { $0.hasSuffix(": ok") }
    #expect(ok.count == files.count - 1)
    // A scenario that names the schema is still checked as a scenario.
    let broken = smallScenario.replacingOccurrences(
      of: "\"format\"", with: "\"$schema\": \"effectsim.schema.json\", \"formt\"")
    #expect(effectsim(["validate", "-"], input: broken).code == 65)
  }

  /// Every bundled scenario's text table fits a 100-column terminal, in both languages and
  /// both modes: long payback names, price levels, sources and headings wrap.
  @Test func bundledTablesFitInAHundredColumns() throws {
    let folder = SchemaCommandTests.repository.appendingPathComponent("scenarios")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".json") && $0 != "effectsim.schema.json" }.sorted()
    #expect(files.count == 6)
    for file in files {
      let path = folder.appendingPathComponent(file).path
      for language in ["en", "da"] {
        for mode in [["-n", "60"], ["--deterministic"]] {
          let result = effectsim(["run", path, "-q", "--lang", language] + mode)
          #expect(result.code == 0, "\(file): \(result.err)")
          let widest = result.out.split(separator: "\n").max { $0.count < $1.count } ?? ""
          #expect(widest.count <= 100, "\(file) \(language) \(mode): \(widest)")
        }
      }
    }
  }

  @Test func tableShowsThousandsAndPriceLevel() {
    let result = effectsim(["run", "-", "--deterministic"], input: smallScenario)
    #expect(result.code == 0, "\(result.err)")
    #expect(result.out.contains("1.000 kr. 2020 p/l"), "\(result.out)")
  }
}
