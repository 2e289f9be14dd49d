#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An output file named on the command line, checked and opened before the work that fills
/// it, and written so that no reader ever sees half of it.
///
/// `init` decides, before a long run starts, what writing will mean — and fails at once,
/// naming the directory, when it cannot work:
/// - a regular file, or a name that does not exist yet: a temporary file is created beside
///   it now, with an unpredictable name and `O_CREAT | O_EXCL` (so nothing planted there can
///   redirect the write), and `commit` renames it over the target in one step; a replaced
///   file keeps its permission bits;
/// - a symbolic link: followed (to the end of a chain), and the file it points to is
///   replaced; the link stays;
/// - a device or a FIFO (`/dev/null`, a named pipe): written directly, never replaced;
/// - a directory, a missing directory, a directory without write permission: `CommandFailure`
///   with exit 73 and the reason in plain words.
///
/// The temporary file is removed by `discard()` (and by `deinit`, should a caller forget), and
/// by the SIGINT/SIGTERM handler (`Interruption`) if the process is stopped meanwhile. Used
/// on one thread; a `final class` because it owns a file.
final class OutputTarget {
  /// The path as the user gave it, for messages.
  let path: String
  /// The file that is replaced or written: `path` with symbolic links followed.
  let resolved: String
  private var state: State

  private enum State {
    /// Writing into `temporary` (open as `descriptor`), then renaming it over `resolved`.
    case replace(temporary: String, descriptor: Int32, registration: Int?)
    /// Opening `resolved` (a device or FIFO) for writing when the output is ready.
    case direct
    case finished
  }

  /// Checks the target and, for a file, creates the temporary file beside it.
  /// - Throws: `CommandFailure` (exit 73) naming what is wrong: the directory that does not
  ///   exist or cannot be written, a directory given as the file, a loop of links.
  init(_ path: String) throws(CommandFailure) {
    self.path = path
    guard !path.isEmpty else { throw Self.failure(path, "the file name is empty") }
    resolved = try Self.followLinks(path)
    var info = stat()
    if stat(resolved, &info) == 0 {
      switch info.st_mode & S_IFMT {
      case S_IFDIR:
        throw Self.failure(path, "it is a directory; give the name of a file in it")
      case S_IFREG:
        state = try Self.createTemporary(
          beside: resolved, for: path, mode: mode_t(info.st_mode & 0o7777))
      default:
        // A device, FIFO or socket: written in place. Opened later, because opening a FIFO
        // waits for its reader; checked for permission now.
        guard access(resolved, W_OK) == 0 else {
          throw Self.failure(path, "no permission to write to it (\(Self.reason(errno)))")
        }
        state = .direct
      }
    } else if errno == ENOENT {
      state = try Self.createTemporary(beside: resolved, for: path, mode: nil)
    } else {
      throw Self.failure(path, Self.reason(errno))
    }
  }

  deinit { discard() }

  /// Writes `text` and puts it in place; see `commit(_:)`.
  func commit(_ text: String) throws(CommandFailure) {
    let bytes = Array(text.utf8)
    try commit { write in try bytes.withUnsafeBytes { try write($0) } }
  }

  /// Writes what `body` hands, piece by piece, to the `write` it is given, then puts the file
  /// in place: flushed to disk and renamed over the target (or, for a device or FIFO, written
  /// there directly).
  /// - Throws: `CommandFailure` with exit 74 for a failed write, 73 when the file cannot be
  ///   opened or renamed; the temporary file is removed and the target left as it was.
  func commit(
    _ body: (_ write: (UnsafeRawBufferPointer) throws -> Void) throws -> Void
  ) throws(CommandFailure) {
    switch state {
    case .finished:
      throw CommandFailure(code: .software, message: "\(path): written twice")
    case .direct:
      state = .finished
      let descriptor = open(resolved, O_WRONLY | O_CLOEXEC)
      guard descriptor >= 0 else { throw Self.failure(path, Self.reason(errno)) }
      defer { close(descriptor) }
      try Self.write(body, to: descriptor, path: path)
    case .replace(let temporary, let descriptor, let registration):
      do throws(CommandFailure) {
        try Self.write(body, to: descriptor, path: path)
        guard fsync(descriptor) == 0 || errno == EINVAL else {
          throw CommandFailure(
            code: .ioError, message: "cannot write \(path): \(Self.reason(errno))")
        }
        // rename(2) replaces the target in one step; a reader sees the old file or the new.
        guard rename(temporary, resolved) == 0 else {
          throw Self.failure(path, Self.reason(errno))
        }
      } catch {
        discard()
        throw error
      }
      close(descriptor)
      registration.map(Interruption.forget)
      state = .finished
    }
  }

  /// Removes the temporary file, if any; the target stays as it was. Idempotent.
  func discard() {
    guard case .replace(let temporary, let descriptor, let registration) = state else {
      state = .finished
      return
    }
    close(descriptor)
    unlink(temporary)
    registration.map(Interruption.forget)
    state = .finished
  }

  // MARK: - Steps

  private static func write(
    _ body: (_ write: (UnsafeRawBufferPointer) throws -> Void) throws -> Void,
    to descriptor: Int32, path: String
  ) throws(CommandFailure) {
    do {
      try body { bytes in
        guard let error = Descriptor.writeAll(descriptor, bytes) else { return }
        throw CommandFailure(code: .ioError, message: "cannot write \(path): \(reason(error))")
      }
    } catch let failure as CommandFailure {
      throw failure
    } catch {
      throw CommandFailure(code: .ioError, message: "cannot write \(path): \(error)")
    }
  }

  /// Creates `.<name>.<random>.tmp` in the directory of `target`, exclusively.
  private static func createTemporary(
    beside target: String, for path: String, mode: mode_t?
  ) throws(CommandFailure) -> State {
    let (directory, name) = split(target)
    var info = stat()
    guard stat(directory, &info) == 0 else {
      let error = errno
      throw failure(
        path, error == ENOENT
          ? "the directory \(directory) does not exist"
          : "the directory \(directory) cannot be used (\(reason(error)))")
    }
    guard info.st_mode & S_IFMT == S_IFDIR else {
      throw failure(path, "\(directory) is not a directory")
    }
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<16 {
      let suffix = String(generator.next() as UInt64, radix: 36)
      let temporary = (directory == "/" ? "" : directory) + "/.\(name).\(suffix).tmp"
      // Register first, so that a signal between open and registration cannot leave it.
      let registration = Interruption.removeOnInterrupt(temporary)
      let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o666)
      if descriptor >= 0 {
        if let mode { fchmod(descriptor, mode) }
        return .replace(temporary: temporary, descriptor: descriptor, registration: registration)
      }
      let error = errno
      registration.map(Interruption.forget)
      guard error == EEXIST else {
        throw failure(
          path, error == EACCES || error == EPERM || error == EROFS
            ? "no permission to create files in the directory \(directory)"
              + " (\(reason(error)))"
            : "cannot create a file in the directory \(directory) (\(reason(error)))")
      }
    }
    throw failure(path, "cannot create a temporary file in the directory \(directory)")
  }

  /// `path` with symbolic links of its last component followed, to the end of a chain; a
  /// link that points nowhere gives the name it points to (a new file is created there).
  private static func followLinks(_ path: String) throws(CommandFailure) -> String {
    var current = path
    for _ in 0..<40 {
      var info = stat()
      guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
      var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      let count = readlink(current, &buffer, buffer.count - 1)
      guard count > 0 else { throw failure(path, reason(errno)) }
      let target = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      current = target.hasPrefix("/") ? target : split(current).directory + "/" + target
    }
    throw failure(path, "too many symbolic links")
  }

  /// The directory and the last component of a path ("." for a bare name).
  static func split(_ path: String) -> (directory: String, name: String) {
    var trimmed = Substring(path)
    while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
    guard let slash = trimmed.lastIndex(of: "/") else { return (".", String(trimmed)) }
    let directory = trimmed[..<slash]
    let name = String(trimmed[trimmed.index(after: slash)...])
    return (directory.isEmpty ? "/" : String(directory), name)
  }

  private static func failure(_ path: String, _ why: String) -> CommandFailure {
    CommandFailure(code: .cannotCreate, message: "cannot write \(path): \(why)")
  }

  static func reason(_ error: Int32) -> String {
    String(cString: strerror(error))
  }
}
