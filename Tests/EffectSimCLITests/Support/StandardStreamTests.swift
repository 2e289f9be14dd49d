import Foundation
import Testing

/// Issue 11, case 3: a failed write to stdout crashed (`FileHandle`'s `try!`). Now a write
/// error is exit 74 with a message on stderr, a closed pipe ends quietly as SIGPIPE does, and
/// a closed stderr changes nothing but the silence.
@Suite(.serialized) struct StandardStreamTests {
  static func withScenario(_ body: (URL) throws -> Void) throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try smallScenario.write(
      to: dir.appendingPathComponent("s.json"), atomically: true, encoding: .utf8)
    try body(dir)
  }

  @Test func aFullDiskOnStdoutIsExit74WithAMessage() throws {
    try Self.withScenario { dir in
      let result = try ChildProcess.shell(#""$E" run s.json -n 50 -q > /dev/full"#, in: dir)
      #expect(result.status == 74)
      #expect(
        result.err == "effectsim: cannot write to standard output: No space left on device\n")
    }
  }

  @Test func aClosedStdoutIsExit74WithAMessage() throws {
    try Self.withScenario { dir in
      let result = try ChildProcess.shell(#""$E" validate s.json >&-"#, in: dir)
      #expect(result.status == 74)
      #expect(
        result.err == "effectsim: cannot write to standard output: standard output is closed\n")
    }
  }

  /// `| true` closes the pipe before the run ends; with SIGPIPE ignored the write returns
  /// EPIPE, and the program still ends as a closed pipe ends it by default: status 141, silent.
  @Test(arguments: ["trap '' PIPE; ", ""])
  func aClosedPipeEndsQuietly(prefix: String) throws {
    try Self.withScenario { dir in
      let script = prefix + #"("$E" run s.json -n 2000 -q --format json; echo $? > status) | true"#
      let result = try ChildProcess.shell(script, in: dir)
      let status = try String(contentsOf: dir.appendingPathComponent("status"), encoding: .utf8)
      #expect(status == "141\n")
      #expect(result.err == "")
    }
  }

  @Test func aClosedStderrCrashesNothing() throws {
    try Self.withScenario { dir in
      let missing = try ChildProcess.shell(#""$E" run nope.json 2>&-"#, in: dir)
      #expect(missing.status == 66)
      #expect(missing.out == "")
      try "{".write(to: dir.appendingPathComponent("bad.json"), atomically: true, encoding: .utf8)
      let invalid = try ChildProcess.shell(#""$E" validate bad.json s.json 2>&-"#, in: dir)
      #expect(invalid.status == 65)
      #expect(invalid.out.hasPrefix("bad.json: 1 error\n"))
      #expect(invalid.out.hasSuffix("s.json: ok\n"))
      let ok = try ChildProcess.shell(#""$E" run s.json -n 20 2>&- | head -c 1"#, in: dir)
      #expect(ok.status == 0)
    }
  }
}
