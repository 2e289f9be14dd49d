#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import EffectSim
import Synchronization

/// The state behind `Console.standard`: which streams were closed at start, and the first
/// failure of stdout.
final class StandardStreams: Sendable {
  static let shared = StandardStreams()

  let failure: Mutex<String?>
  private let inputClosed: Bool

  private init() {
    var closed = [false, false, false]
    for descriptor in Int32(0)...2 where !Descriptor.isOpen(descriptor) {
      closed[Int(descriptor)] = true
      // open(2) returns the lowest free number: this one.
      _ = open("/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY)
    }
    failure = Mutex(closed[1] ? "standard output is closed" : nil)
    inputClosed = closed[0]
  }

  func writeOut(_ text: String) {
    guard failure.withLock({ $0 == nil }) else { return }
    let error = Array(text.utf8).withUnsafeBytes { Descriptor.writeAll(1, $0) }
    guard let error else { return }
    if error == EPIPE { Interruption.endByClosedPipe() }
    failure.withLock { $0 = $0 ?? OutputTarget.reason(error) }
  }

  /// Standard input to its end, or `nil` when it cannot be read; at most one byte more than
  /// a scenario may have, so that an endless stream is refused rather than read forever.
  func readInput() -> [UInt8]? {
    guard !inputClosed else { return nil }
    return Descriptor.readAll(0, limit: ScenarioLimits.fileBytes + 1)
  }
}
