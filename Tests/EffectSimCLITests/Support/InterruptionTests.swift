import Foundation
import Testing

/// Issue 11, case 7: SIGINT and SIGTERM stop the run, remove the temporary output file and end
/// with 130 and 143; the file the output would replace is left as it was.
@Suite(.serialized) struct InterruptionTests {
  @Test(arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
  func aSignalRemovesTheTemporaryFileAndExits(signal: Int32, status: Int32) throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    // Thousands of persons, simulated one by one, for a run that lasts far longer than the test.
    let slow = smallScenario.replacingOccurrences(of: "\"count\": 15", with: "\"count\": 5000")
    try slow.write(to: dir.appendingPathComponent("s.json"), atomically: true, encoding: .utf8)
    let target = dir.appendingPathComponent("out.json")
    try "old".write(to: target, atomically: true, encoding: .utf8)

    let pid = try ChildProcess.spawn([
      "run", dir.appendingPathComponent("s.json").path, "-n", "200000", "--kernel",
      "individual", "-q", "-o", target.path,
    ])
    // The temporary file exists from before the run starts; wait for it.
    let deadline = Date().addingTimeInterval(60)
    func temporaryFiles() throws -> [String] {
      try FileManager.default.contentsOfDirectory(atPath: dir.path).filter {
        $0.hasPrefix(".out.json.")
      }
    }
    while try temporaryFiles().isEmpty, Date() < deadline { usleep(20_000) }
    #expect(try temporaryFiles().count == 1)
    usleep(200_000)  // into the run
    kill(pid, signal)
    #expect(ChildProcess.wait(pid) == status)
    #expect(try temporaryFiles().isEmpty)
    #expect(try String(contentsOf: target, encoding: .utf8) == "old")
  }
}
