import Foundation
import Synchronization

@testable import EffectSimCLI

/// Captures what a command writes, and feeds it standard input.
final class CapturedConsole: Sendable {
  private let out = Mutex("")
  private let err = Mutex("")
  let input: [UInt8]?
  let stderrIsTerminal: Bool

  init(input: String? = nil, bytes: [UInt8]? = nil, stderrIsTerminal: Bool = false) {
    self.input = bytes ?? input.map { Array($0.utf8) }
    self.stderrIsTerminal = stderrIsTerminal
  }

  var console: Console {
    Console(
      writeOut: { text in self.out.withLock { $0 += text } },
      writeError: { text in self.err.withLock { $0 += text } },
      readInput: { self.input }, stdoutIsTerminal: false,
      stderrIsTerminal: stderrIsTerminal)
  }

  var stdout: String { out.withLock { $0 } }
  var stderr: String { err.withLock { $0 } }
}

/// Runs `effectsim` with `arguments`; returns the exit code and the captured streams.
func effectsim(
  _ arguments: [String], input: String? = nil, bytes: [UInt8]? = nil,
  stderrIsTerminal: Bool = false
) -> (code: Int32, out: String, err: String) {
  let captured = CapturedConsole(input: input, bytes: bytes, stderrIsTerminal: stderrIsTerminal)
  let code = EffectSimCommand.main(arguments, console: captured.console)
  return (code.rawValue, captured.stdout, captured.stderr)
}

/// `text` with the HTML report's generation time ("2026-12-02 03:54 +00:00") blanked: two runs
/// compared for equal numbers may straddle a minute.
func withoutGeneratedTime(_ text: String) -> String {
  text.replacing(
    #/\d{4}-\d{2}-\d{2} \d{2}:\d{2} [+-]\d{2}:\d{2}/#, with: "YYYY-MM-DD hh:mm +zz:zz")
}

/// A scratch directory for one test, removed by the caller.
func temporaryDirectory() throws -> URL {
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("effectsim-tests-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

let smallScenario = """
  {"format": "effectsim/1", "name": "Small \\"IPS\\" case", "source": "test", "start": 2020,
   "years": 3, "priceLevel": "2020 p/l",
   "parameters": {"share": {"beta": {"successes": 30, "trials": 50}},
                  "level": {"discrete": {"values": [11000, 15000], "weights": [1, 1]}, "scope": "person"}},
   "states": [
     {"id": "benefit", "costs": [{"area": "Overførsler", "perCycle": "level * 0.8"}]},
     {"id": "job", "outcomes": {"employed": "1/cyclesPerYear"}}],
   "arms": {
     "intervention": {"transitions": [{"from": "benefit", "to": "job", "p": "reach(share, 18)", "cycles": [0, 18]}]},
     "control": {"transitions": [{"from": "benefit", "to": "job", "p": "reach(0.4, 18)", "cycles": [0, 18]}]}},
   "cohort": {"intake": [{"year": 2020, "count": 15, "spread": "even"}]},
   "lineItems": [{"label": "Team", "area": "Indsats", "byYear": {"2020": 400000, "2021": 400000}}],
   "report": {"occupancyAt": [18]}}
  """
