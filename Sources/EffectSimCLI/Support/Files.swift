#if canImport(Glibc)
  import Glibc
#endif
import Foundation

/// Reading scenarios and writing outputs, with the exit codes their failures map to.
enum Files {
  /// Reads a scenario file, or standard input for `-`.
  static func readScenario(_ path: String, console: Console) throws(CommandFailure) -> [UInt8] {
    if path == "-" {
      guard let bytes = console.readInput() else {
        throw CommandFailure(code: .noInput, message: "cannot read the scenario from standard input")
      }
      return bytes
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw CommandFailure(code: .noInput, message: "\(path): no such file")
    }
    guard !isDirectory.boolValue else {
      throw CommandFailure(code: .noInput, message: "\(path): is a directory, not a scenario file")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CommandFailure(code: .noInput, message: "\(path): cannot be read (permissions?)")
    }
    return [UInt8](data)
  }

  /// Writes `text` to `path` atomically: a temporary file beside it, then a rename, so a
  /// reader never sees half a report and a failed run leaves an older report intact.
  static func writeAtomically(_ text: String, to path: String) throws(CommandFailure) {
    try writeAtomically(to: path) { write in
      try Array(text.utf8).withUnsafeBytes(write)
    }
  }

  /// Writes to `path` atomically what `body` hands, piece by piece, to the `write` it is
  /// given: for outputs too large to build in memory first (partial results).
  static func writeAtomically(
    to path: String,
    _ body: (_ write: (UnsafeRawBufferPointer) throws -> Void) throws -> Void
  ) throws(CommandFailure) {
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent()
    let temporary = directory.appendingPathComponent(
      ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    do {
      guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
        throw CommandFailure(
          code: .cannotCreate,
          message: "cannot write \(path): cannot create a file in"
            + " \(directory.path) (missing, or not writable?)")
      }
      let handle = try FileHandle(forWritingTo: temporary)
      defer { try? handle.close() }
      try body { bytes in try handle.write(contentsOf: Data(bytes)) }
      try handle.synchronize()
      // rename(2) replaces the target in one step on the same file system.
      guard rename(temporary.path, url.path) == 0 else {
        throw CocoaError(.fileWriteUnknown)
      }
    } catch let failure as CommandFailure {
      try? FileManager.default.removeItem(at: temporary)
      throw failure
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw CommandFailure(
        code: .cannotCreate, message: "cannot write \(path): \(error.localizedDescription)")
    }
  }
}
