import Foundation

#if os(Linux)
  import Glibc
#endif

/// What a run pays before it simulates — launching the program, reading and compiling the
/// scenario — which `bench`, already running and with its scenario compiled, does not see in
/// its timed runs. On this machine that is about 0,01 s: a third of a 10.000-iteration run of a
/// small scenario, which the prediction missed by as much.
enum BenchStartUp {
  /// Seconds to launch this executable with `validate SCENARIO` (or `--version` for the
  /// reference workload, which has no file), the median of three launches; 0 where the
  /// executable cannot be launched again (then the prediction leaves start-up out).
  ///
  /// Launched with `posix_spawn` and `waitpid`: Foundation's `Process.waitUntilExit` polls a
  /// run loop and added 40 ms to a 13 ms launch.
  static func seconds(scenario: String?) -> Double {
    #if os(Linux)
      guard let executable = Bundle.main.executablePath else { return 0 }
      let arguments = [executable] + (scenario.map { ["validate", $0] } ?? ["--version"])
      var times: [Double] = []
      for _ in 0..<3 {
        guard let elapsed = launch(executable, arguments) else { return 0 }
        times.append(elapsed)
      }
      return times.sorted()[1]
    #else
      return 0
    #endif
  }

  #if os(Linux)
    /// Seconds from spawning `path` with `arguments` (output discarded) to its exit; `nil`
    /// when it cannot be spawned or does not exit with status 0.
    private static func launch(_ path: String, _ arguments: [String]) -> Double? {
      var actions = posix_spawn_file_actions_t()
      posix_spawn_file_actions_init(&actions)
      defer { posix_spawn_file_actions_destroy(&actions) }
      posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
      posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
      let argv = arguments.map { strdup($0) } + [nil]
      defer { argv.forEach { free($0) } }
      var pid: pid_t = 0
      let clock = ContinuousClock.now
      guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else { return nil }
      var status: Int32 = 0
      guard waitpid(pid, &status, 0) == pid, status == 0 else { return nil }
      let elapsed = clock.duration(to: .now).components
      return Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
    }
  #endif
}
