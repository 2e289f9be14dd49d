#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Foundation

/// Where a command writes, and what it knows of its terminal. Tests substitute buffers.
public struct Console: Sendable {
  public var writeOut: @Sendable (String) -> Void
  public var writeError: @Sendable (String) -> Void
  public var readInput: @Sendable () -> [UInt8]?
  public var stdoutIsTerminal: Bool
  public var stderrIsTerminal: Bool

  public init(
    writeOut: @escaping @Sendable (String) -> Void, writeError: @escaping @Sendable (String) -> Void,
    readInput: @escaping @Sendable () -> [UInt8]?, stdoutIsTerminal: Bool, stderrIsTerminal: Bool
  ) {
    self.writeOut = writeOut
    self.writeError = writeError
    self.readInput = readInput
    self.stdoutIsTerminal = stdoutIsTerminal
    self.stderrIsTerminal = stderrIsTerminal
  }

  /// The process's standard streams.
  public static var standard: Console {
    Console(
      writeOut: { FileHandle.standardOutput.write(Data($0.utf8)) },
      writeError: { FileHandle.standardError.write(Data($0.utf8)) },
      readInput: { [UInt8](FileHandle.standardInput.readDataToEndOfFile()) },
      stdoutIsTerminal: isatty(1) == 1, stderrIsTerminal: isatty(2) == 1)
  }
}
