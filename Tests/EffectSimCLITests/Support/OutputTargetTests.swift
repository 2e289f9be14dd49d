import Foundation
import Testing

@testable import EffectSimCLI

/// Issue 11, cases 4 and 8: `-o` writes into what it names — through a symbolic link, into a
/// device or FIFO — never replaces those, cannot be redirected by a planted file, and fails
/// at once, in plain words, when the path cannot be written.
@Suite struct OutputTargetTests {
  static func run(_ output: String, format: String = "csv", scenario: String = smallScenario)
    -> (code: Int32, out: String, err: String)
  {
    effectsim(["run", "-", "-n", "20", "--format", format, "-o", output], input: scenario)
  }

  static func withDirectory(_ body: (URL) throws -> Void) throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try body(dir)
  }

  static func entries(_ dir: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
  }

  @Test func aSymbolicLinkIsFollowedAndTheFileItPointsToReplaced() throws {
    try Self.withDirectory { dir in
      let real = dir.appendingPathComponent("real.csv")
      try "old".write(to: real, atomically: true, encoding: .utf8)
      let link = dir.appendingPathComponent("link.csv")
      try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "real.csv")
      let result = Self.run(link.path)
      #expect(result.code == 0, "\(result.err)")
      #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "real.csv")
      #expect(try String(contentsOf: real, encoding: .utf8).hasPrefix("metric,name,area"))
      #expect(try Self.entries(dir) == ["link.csv", "real.csv"])
    }
  }

  @Test func aLinkToANewFileCreatesIt() throws {
    try Self.withDirectory { dir in
      let link = dir.appendingPathComponent("link.csv")
      try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "new.csv")
      #expect(Self.run(link.path).code == 0)
      let created = try String(contentsOf: dir.appendingPathComponent("new.csv"), encoding: .utf8)
      #expect(created.hasPrefix("metric,name,area"))
    }
  }

  @Test func aDeviceIsWrittenNotReplaced() throws {
    let result = Self.run("/dev/null")
    #expect(result.code == 0, "\(result.err)")
    let attributes = try FileManager.default.attributesOfItem(atPath: "/dev/null")
    #expect(attributes[.type] as? FileAttributeType == .typeCharacterSpecial)
  }

  @Test func aFIFOIsWrittenNotReplaced() throws {
    try Self.withDirectory { dir in
      let fifo = dir.appendingPathComponent("pipe")
      #expect(mkfifo(fifo.path, 0o600) == 0)
      let received = DispatchSemaphore(value: 0)
      nonisolated(unsafe) var text = ""
      Thread.detachNewThread {
        if let handle = FileHandle(forReadingAtPath: fifo.path) {
          text = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
        }
        received.signal()
      }
      let result = Self.run(fifo.path)
      #expect(result.code == 0, "\(result.err)")
      // A FIFO replaced by a file leaves the reader waiting for a writer forever.
      #expect(received.wait(timeout: .now() + 30) == .success, "the reader got nothing")
      #expect(text.hasPrefix("metric,name,area"))
      var info = stat()
      #expect(lstat(fifo.path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
      let left = try Self.entries(dir)
      #expect(left == ["pipe"])
    }
  }

  /// The temporary file used to be `.<name>.<pid>.tmp`, opened without `O_EXCL`: a link
  /// planted at that name redirected the write to any file.
  @Test func aLinkPlantedAtThePredictableTemporaryNameRedirectsNothing() throws {
    try Self.withDirectory { dir in
      let victim = dir.appendingPathComponent("victim.txt")
      try "precious".write(to: victim, atomically: true, encoding: .utf8)
      let planted = dir.appendingPathComponent(
        ".result.csv.\(ProcessInfo.processInfo.processIdentifier).tmp")
      try FileManager.default.createSymbolicLink(
        atPath: planted.path, withDestinationPath: victim.path)
      let result = Self.run(dir.appendingPathComponent("result.csv").path)
      #expect(result.code == 0, "\(result.err)")
      #expect(try String(contentsOf: victim, encoding: .utf8) == "precious")
    }
  }

  @Test func temporaryNamesAreUnpredictableAndExclusive() throws {
    try Self.withDirectory { dir in
      let path = dir.appendingPathComponent("out.txt").path
      let first = try OutputTarget(path)
      let second = try OutputTarget(path)
      let temporary = try Self.entries(dir)
      #expect(temporary.count == 2)
      #expect(temporary.allSatisfy { $0.hasPrefix(".out.txt.") && $0.hasSuffix(".tmp") })
      try first.commit("one")
      second.discard()
      #expect(try Self.entries(dir) == ["out.txt"])
      #expect(try String(contentsOfFile: path, encoding: .utf8) == "one")
    }
  }

  @Test func aReplacedFileKeepsItsPermissions() throws {
    try Self.withDirectory { dir in
      let target = dir.appendingPathComponent("result.csv")
      try "old".write(to: target, atomically: true, encoding: .utf8)
      try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: target.path)
      #expect(Self.run(target.path).code == 0)
      let attributes = try FileManager.default.attributesOfItem(atPath: target.path)
      #expect(attributes[.posixPermissions] as? Int == 0o640)
    }
  }

  /// Case 8: a missing directory was found only after the whole simulation. The scenario here
  /// fails in its first iteration: checking the path first means exit 73, not the run error.
  @Test func aMissingDirectoryFailsBeforeTheRunNamingIt() throws {
    try Self.withDirectory { dir in
      let failing = smallScenario.replacingOccurrences(of: "reach(share, 18)", with: "share + 0.5")
      let missing = dir.appendingPathComponent("no/such").path
      let result = Self.run(missing + "/out.csv", scenario: failing)
      #expect(result.code == 73)
      #expect(result.err == "effectsim: cannot write \(missing)/out.csv: the directory \(missing)"
        + " does not exist\n")
    }
  }

  /// Case 8: a directory as output said "NSCocoaErrorDomain error 512".
  @Test func aDirectoryAsOutputIsRefusedInPlainWords() throws {
    try Self.withDirectory { dir in
      let result = Self.run(dir.path)
      #expect(result.code == 73)
      #expect(result.err == "effectsim: cannot write \(dir.path): it is a directory; give the"
        + " name of a file in it\n")
      let left = try Self.entries(dir)
      #expect(left.isEmpty)
    }
  }

  @Test func aReadOnlyDirectoryIsRefusedAtOnce() {
    // /sys refuses new files even to root, whom permission bits do not stop.
    let result = Self.run("/sys/effectsim-test.csv")
    #expect(result.code == 73)
    #expect(result.err.contains("the directory /sys"), "\(result.err)")
    #expect(!result.err.contains("Cocoa"))
  }

  @Test(arguments: [
    ("out.csv", ".", "out.csv"), ("/out.csv", "/", "out.csv"), ("a/b/", "a", "b"),
    ("/a/b", "/a", "b"),
  ])
  func pathsSplitIntoDirectoryAndName(path: String, directory: String, name: String) {
    #expect(OutputTarget.split(path) == (directory, name))
  }
}
