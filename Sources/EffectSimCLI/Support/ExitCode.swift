/// The process's exit status, from sysexits(3), as DESIGN.md fixes them.
public struct ExitCode: RawRepresentable, Sendable, Equatable, Error {
  public var rawValue: Int32
  public init(rawValue: Int32) { self.rawValue = rawValue }

  public static let success = ExitCode(rawValue: 0)
  /// A command line that cannot be understood.
  public static let usage = ExitCode(rawValue: 64)
  /// An invalid scenario, or a run error caused by the scenario's numbers.
  public static let dataError = ExitCode(rawValue: 65)
  /// The scenario file does not exist or cannot be read.
  public static let noInput = ExitCode(rawValue: 66)
  /// An internal error: a bug in EffectSim.
  public static let software = ExitCode(rawValue: 70)
  /// The output file cannot be created (a missing or read-only directory, a directory named
  /// as the file).
  public static let cannotCreate = ExitCode(rawValue: 73)
  /// Reading or writing failed after the file was opened: standard output (a full disk, a
  /// closed stream), the output file, or a partial result file (`merge`).
  public static let ioError = ExitCode(rawValue: 74)
  /// Stopped by SIGINT (Ctrl-C): 128 + 2.
  public static let interrupted = ExitCode(rawValue: 130)
  /// Stopped by SIGTERM: 128 + 15.
  public static let terminated = ExitCode(rawValue: 143)
}

/// A failure that ends a command: what to tell the user and which exit status to return.
struct CommandFailure: Error {
  var code: ExitCode
  var message: String
}
