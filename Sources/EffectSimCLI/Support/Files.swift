#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import EffectSim

/// Reading scenarios and writing outputs, with the exit codes their failures map to.
enum Files {
  /// Reads a scenario file, or standard input for `-`; never more than a scenario may hold
  /// (so `/dev/zero` or an endless pipe is refused, not read until memory runs out).
  static func readScenario(_ path: String, console: Console) throws(CommandFailure) -> [UInt8] {
    let limit = ScenarioLimits.fileBytes
    let bytes: [UInt8]
    if path == "-" {
      guard let input = console.readInput() else {
        throw CommandFailure(
          code: .noInput, message: "cannot read the scenario from standard input")
      }
      bytes = input
    } else {
      var info = stat()
      guard stat(path, &info) == 0 else {
        let error = errno
        throw CommandFailure(
          code: .noInput,
          message: error == ENOENT
            ? "\(path): no such file" : "\(path): cannot be read (\(OutputTarget.reason(error)))")
      }
      guard info.st_mode & S_IFMT != S_IFDIR else {
        throw CommandFailure(
          code: .noInput, message: "\(path): is a directory, not a scenario file")
      }
      let descriptor = open(path, O_RDONLY | O_CLOEXEC)
      guard descriptor >= 0 else {
        throw CommandFailure(
          code: .noInput, message: "\(path): cannot be read (\(OutputTarget.reason(errno)))")
      }
      defer { close(descriptor) }
      guard let read = Descriptor.readAll(descriptor, limit: limit + 1) else {
        throw CommandFailure(
          code: .noInput, message: "\(path): cannot be read (\(OutputTarget.reason(errno)))")
      }
      bytes = read
    }
    guard bytes.count <= limit else {
      let name = path == "-" ? "<stdin>" : path
      throw CommandFailure(
        code: .dataError, message: "\(name): more than \(limit) bytes; EffectSim reads"
          + " scenarios of at most \(limit) bytes (see docs/limits.md)")
    }
    return bytes
  }

  /// Writes `text` to `path` atomically (see `OutputTarget`).
  static func writeAtomically(_ text: String, to path: String) throws(CommandFailure) {
    try OutputTarget(path).commit(text)
  }

  /// Writes to `path` atomically what `body` hands, piece by piece, to the `write` it is
  /// given: for outputs too large to build in memory first. Prefer creating the
  /// `OutputTarget` before the work that produces the output, so a path that cannot be
  /// written fails at once.
  static func writeAtomically(
    to path: String,
    _ body: (_ write: (UnsafeRawBufferPointer) throws -> Void) throws -> Void
  ) throws(CommandFailure) {
    try OutputTarget(path).commit(body)
  }
}
