#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Synchronization

/// What SIGINT (Ctrl-C) and SIGTERM do: remove the temporary output files, then end the
/// process — its worker threads with it — with exit status 130 or 143 (128 + the signal).
///
/// The handler runs in signal context, where only async-signal-safe calls are allowed: it
/// reads one atomic word and calls `unlink(2)` and `_exit(2)`, nothing that locks or
/// allocates. Registered paths are copied into C strings that stay allocated for the life of
/// the process, and slots are never reused, so the handler can never read a path that is
/// being overwritten. 64 slots: a command writes one or a few files.
public enum Interruption {
  /// Installs the handlers of SIGINT and SIGTERM. Called once, by the executable, before any
  /// command runs and before any thread starts; a library user (tests) keeps the defaults.
  ///
  /// Both signals are unblocked on the calling thread, which threads started later inherit:
  /// a parent may hand down a mask that blocks them (a test runner's spawning thread does),
  /// and a blocked SIGTERM would wait forever. A SIGINT that was ignored at start stays
  /// ignored, as a shell's background job expects: Ctrl-C is meant for the foreground.
  public static func install() {
    _ = registry  // initialised here, never first inside the handler
    var action = sigaction()
    #if canImport(Glibc)
      action.__sigaction_handler.sa_handler = handle
    #else
      action.__sigaction_u.__sa_handler = handle
    #endif
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    var previous = sigaction()
    var unblock = sigset_t()
    sigemptyset(&unblock)
    for signal in [SIGINT, SIGTERM] {
      sigaction(signal, nil, &previous)
      #if canImport(Glibc)
        let ignored = unsafeBitCast(previous.__sigaction_handler.sa_handler, to: Int.self) == 1
      #else
        let ignored = unsafeBitCast(previous.__sigaction_u.__sa_handler, to: Int.self) == 1
      #endif
      if signal == SIGINT && ignored { continue }
      sigaction(signal, &action, nil)
      sigaddset(&unblock, signal)
    }
    pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
  }

  /// Asks the handler to remove `path` should the process be interrupted.
  /// - Returns: the registration to pass to `forget`, or `nil` when every slot is used (the
  ///   file is then not removed on interruption).
  static func removeOnInterrupt(_ path: String) -> Int? {
    registry.add(path)
  }

  /// Withdraws a registration: the file was renamed into place or removed.
  static func forget(_ registration: Int) {
    registry.remove(registration)
  }

  /// Ends the process as a write to a closed pipe does by default — killed by SIGPIPE, with
  /// no message — also when the parent ignored SIGPIPE and the write returned EPIPE instead.
  static func endByClosedPipe() -> Never {
    registry.removeAll()
    signal(SIGPIPE, SIG_DFL)
    var pipe = sigset_t()
    sigemptyset(&pipe)
    sigaddset(&pipe, SIGPIPE)
    pthread_sigmask(SIG_UNBLOCK, &pipe, nil)
    raise(SIGPIPE)
    _exit(128 + SIGPIPE)
  }

  private static let registry = Registry()

  private static let handle: @convention(c) (Int32) -> Void = { signal in
    registry.removeAll()
    _exit(128 + signal)
  }

  /// Paths as C strings in fixed slots, and one atomic bit per slot: registered or not.
  private final class Registry: Sendable {
    static let capacity = 64
    private let armed = Atomic<UInt64>(0)
    private let used = Mutex(0)
    // Written once per slot, before its bit is set with release ordering; read by the handler
    // only after loading the bits with acquire ordering.
    nonisolated(unsafe) private let paths: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>

    init() {
      paths = .allocate(capacity: Self.capacity)
      paths.initialize(repeating: nil, count: Self.capacity)
    }

    func add(_ path: String) -> Int? {
      let slot = used.withLock { used -> Int? in
        guard used < Self.capacity else { return nil }
        used += 1
        return used - 1
      }
      guard let slot else { return nil }
      paths[slot] = strdup(path)
      armed.bitwiseOr(1 << UInt64(slot), ordering: .releasing)
      return slot
    }

    func remove(_ slot: Int) {
      armed.bitwiseAnd(~(1 << UInt64(slot)), ordering: .releasing)
    }

    /// Async-signal-safe: one atomic load and `unlink` calls.
    func removeAll() {
      let bits = armed.load(ordering: .acquiring)
      for slot in 0..<Self.capacity where bits & (1 << UInt64(slot)) != 0 {
        if let path = paths[slot] { unlink(path) }
      }
    }
  }
}
