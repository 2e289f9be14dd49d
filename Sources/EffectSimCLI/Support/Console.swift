#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where a command writes, and what it knows of its terminal. Tests substitute buffers.
public struct Console: Sendable {
  public var writeOut: @Sendable (String) -> Void
  public var writeError: @Sendable (String) -> Void
  public var readInput: @Sendable () -> [UInt8]?
  public var stdoutIsTerminal: Bool
  public var stderrIsTerminal: Bool
  /// Why writing to standard output failed, once it has (`nil` while all went well). Later
  /// writes are dropped; the command then ends with exit 74 and this message on stderr.
  public var outputFailure: @Sendable () -> String?

  public init(
    writeOut: @escaping @Sendable (String) -> Void,
    writeError: @escaping @Sendable (String) -> Void,
    readInput: @escaping @Sendable () -> [UInt8]?, stdoutIsTerminal: Bool, stderrIsTerminal: Bool,
    outputFailure: @escaping @Sendable () -> String? = { nil }
  ) {
    self.writeOut = writeOut
    self.writeError = writeError
    self.readInput = readInput
    self.stdoutIsTerminal = stdoutIsTerminal
    self.stderrIsTerminal = stderrIsTerminal
    self.outputFailure = outputFailure
  }

  /// The process's standard streams, written with plain `write(2)`:
  /// - a failed write to stdout is remembered (`outputFailure`), never a trap;
  /// - a closed pipe on stdout ends the process quietly, as SIGPIPE does by default, even
  ///   when the parent ignored SIGPIPE;
  /// - a failed write to stderr is ignored: there is nowhere left to say so;
  /// - a standard stream that was closed at start is replaced by /dev/null, so that no file
  ///   the command opens takes its number; a closed stdout still counts as a failure.
  public static var standard: Console {
    let streams = StandardStreams.shared
    return Console(
      writeOut: { streams.writeOut($0) },
      writeError: { text in
        _ = Array(text.utf8).withUnsafeBytes { Descriptor.writeAll(2, $0) }
      },
      readInput: { streams.readInput() },
      stdoutIsTerminal: isatty(1) == 1, stderrIsTerminal: isatty(2) == 1,
      outputFailure: { streams.failure.withLock { $0 } })
  }
}
