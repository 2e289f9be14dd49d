import Foundation
import Testing

/// Runs the built `effectsim` executable in a child process, for what only a real process
/// shows: its standard streams, signals and exit status.
enum ChildProcess {
  /// The `effectsim` executable built beside the test bundle (`swift build --build-tests`
  /// builds both into the same directory).
  static let executable: URL? = {
    let candidates = [
      URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath(),
      Bundle.main.bundleURL, Bundle.main.executableURL,
    ].compactMap { $0?.deletingLastPathComponent() }
    for directory in candidates {
      for up in 0...3 {
        var url = directory
        for _ in 0..<up { url.deleteLastPathComponent() }
        let candidate = url.appendingPathComponent("effectsim")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      }
    }
    return nil
  }()

  /// Starts the executable with `arguments`, SIGINT and SIGTERM at their default actions and
  /// unblocked — whatever this process inherited (a background job ignores SIGINT) — and
  /// stdout and stderr on /dev/null.
  static func spawn(_ arguments: [String]) throws -> pid_t {
    let executable = try #require(executable, "build the effectsim executable first")
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var signals = sigset_t()
    sigemptyset(&signals)
    sigaddset(&signals, SIGINT)
    sigaddset(&signals, SIGTERM)
    posix_spawnattr_setsigdefault(&attributes, &signals)
    var none = sigset_t()
    sigemptyset(&none)
    posix_spawnattr_setsigmask(&attributes, &none)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let error = posix_spawn(&pid, executable.path, &actions, &attributes, argv, environ)
    try #require(error == 0, "posix_spawn: \(String(cString: strerror(error)))")
    return pid
  }

  /// Waits up to `seconds` for `pid`; its exit status, or minus the signal that killed it
  /// (a process killed by SIGINT is not one that exited with 130).
  /// A child still running then is killed (SIGKILL) and `nil` returned, so that a test that
  /// fails cannot leave it behind or hang.
  static func wait(_ pid: pid_t, seconds: Double = 30) -> Int32? {
    var status: Int32 = 0
    let deadline = Date().addingTimeInterval(seconds)
    while true {
      let done = waitpid(pid, &status, WNOHANG)
      if done == pid { break }
      if done < 0 && errno != EINTR { return nil }
      if Date() > deadline {
        kill(pid, SIGKILL)
        _ = waitpid(pid, &status, 0)
        return nil
      }
      usleep(10_000)
    }
    let signal = status & 0x7f
    return signal == 0 ? (status >> 8) & 0xff : -signal
  }

  struct Finished {
    var status: Int32
    var out: String
    var err: String
  }

  /// Runs `script` with `/bin/sh -c`, `$E` naming the executable, in `directory`.
  static func shell(_ script: String, in directory: URL) throws -> Finished {
    let executable = try #require(executable, "build the effectsim executable first")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", script]
    process.currentDirectoryURL = directory
    process.environment = ProcessInfo.processInfo.environment.merging(
      ["E": executable.path, "SWIFT_BACKTRACE": "enable=no"], uniquingKeysWith: { _, new in new })
    let out = directory.appendingPathComponent(".stdout-\(UUID().uuidString)")
    let err = directory.appendingPathComponent(".stderr-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    _ = FileManager.default.createFile(atPath: err.path, contents: nil)
    defer {
      try? FileManager.default.removeItem(at: out)
      try? FileManager.default.removeItem(at: err)
    }
    process.standardOutput = try FileHandle(forWritingTo: out)
    process.standardError = try FileHandle(forWritingTo: err)
    try process.run()
    process.waitUntilExit()
    return Finished(
      status: process.terminationStatus,
      out: try String(contentsOf: out, encoding: .utf8),
      err: try String(contentsOf: err, encoding: .utf8))
  }
}
