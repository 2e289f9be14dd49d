import Foundation
import Testing

@testable import EffectSimCLI

/// `--variance-split` and `--draws` on the command line, and the risk-driver sections staying
/// the same for every thread count.
@Suite("run: what drives the risk")
struct DriversCommandTests {
  /// Two uncertain parameters, a person-scope one and a claim: every part of the section.
  static let scenario = """
    {"format": "effectsim/1", "name": "Drivers", "start": 2020, "years": 3,
     "parameters": {"share": {"beta": {"successes": 30, "trials": 50}},
       "team": {"pert": {"min": 300000, "mode": 400000, "max": 600000}},
       "level": {"discrete": {"values": [11000, 15000], "weights": [1, 1]}, "scope": "person"}},
     "states": [
       {"id": "benefit", "costs": [{"area": "Overførsler", "perCycle": "level * 0.8"}]},
       {"id": "job"}],
     "arms": {
       "intervention": {"transitions": [
         {"from": "benefit", "to": "job", "p": "reach(share, 18)", "cycles": [0, 18]}]},
       "control": {"transitions": [
         {"from": "benefit", "to": "job", "p": "reach(0.4, 18)", "cycles": [0, 18]}]}},
     "cohort": {"intake": [{"year": 2020, "count": 15, "spread": "even"}]},
     "lineItems": [{"label": "Team", "area": "Indsats", "byYear": {"2020": "team"}}],
     "claim": {"netImpact": {"2020": 300000}, "payback": {"Total": 2}}}
    """

  /// Every format but json (whose `run` differs) is a pure function of the numbers; html
  /// without `--output`'s date is too.
  @Test(arguments: ["table", "markdown", "html", "json"])
  func theSectionIsTheSameForAnyThreadCount(format: String) throws {
    let outputs = ["1", "3"].map { threads in
      let result = effectsim(
        ["run", "-", "-n", "700", "--seed", "2", "--threads", threads, "--variance-split",
         "--format", format],
        input: Self.scenario)
      #expect(result.code == 0, "\(result.err)")
      return format == "json" ? Self.withoutRun(result.out) : withoutGeneratedTime(result.out)
    }
    #expect(outputs[0] == outputs[1])
    #expect(outputs[0].contains(format == "json" ? "\"varianceSplit\"" : "is chance in a cohort"))
  }

  @Test func drawsHoldEveryIterationsParametersAndTargets() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("draws.csv").path
    let result = effectsim(
      ["run", "-", "-n", "300", "--variance-split", "--draws", path, "--format", "json"],
      input: Self.scenario)
    #expect(result.code == 0, "\(result.err)")
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    #expect(lines.count == 301)
    #expect(lines.first == "iteration,share,team,Total,Total (second cohort)")
    #expect(lines[1].hasPrefix("0,") && lines[300].hasPrefix("299,"))
    // The column of the target is what the JSON's tails and EVPI were computed from.
    let targets = lines.dropFirst().map { line in Double(line.split(separator: ",")[3]) ?? .nan }
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
    let evpi = try #require(((json["sensitivity"] as? [[String: Any]])?.first?["evpi"]) as? Double)
    let n = Double(targets.count)
    let expected = targets.map { max(-$0, 0) }.reduce(0, +) / n
      - max(-targets.reduce(0, +) / n, 0)
    #expect(abs(evpi - expected) <= 1e-9 * max(abs(expected), 1))
  }

  @Test func drawsInTheDanishExcelDialect() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("draws.csv").path
    let result = effectsim(
      ["run", "-", "-n", "5", "--draws", path, "--csv-style", "excel-da", "-q"],
      input: Self.scenario)
    #expect(result.code == 0, "\(result.err)")
    // Read as bytes: decoding as UTF-8 would drop the byte-order mark.
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF] + Array("iteration;share;team;Total\r\n".utf8)))
  }

  @Test(arguments: [["--variance-split"], ["--draws", "x.csv"]])
  func aDeterministicRunRefusesThem(extra: [String]) {
    let result = effectsim(["run", "-", "--deterministic"] + extra, input: Self.scenario)
    #expect(result.code == 64)
    #expect(result.err.contains("--variance-split and --draws need a Monte Carlo run"))
  }

  @Test func anUnwritableDrawsFileIsAnOutputError() throws {
    let result = effectsim(
      ["run", "-", "-n", "5", "--draws", "/nonexistent-dir/draws.csv"], input: Self.scenario)
    #expect(result.code == 73, "\(result.err)")
  }

  private static func withoutRun(_ text: String) -> String {
    guard let start = text.range(of: "  \"run\": {") else { return text }
    return String(text[..<start.lowerBound])
  }
}
