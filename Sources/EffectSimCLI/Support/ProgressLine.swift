import Foundation
import Synchronization

/// A one-line progress display on stderr: iterations done, rate, time left. Redrawn at most
/// ten times a second; only used when stderr is a terminal.
final class ProgressLine: Sendable {
  /// The count the run is heading for; a run to a stated precision raises it checkpoint by
  /// checkpoint (`retarget(_:)`).
  private let total: Atomic<Int>
  private let console: Console
  private let start = ContinuousClock.now
  private let lastDraw = Mutex<ContinuousClock.Instant?>(nil)

  init(total: Int, console: Console) {
    self.total = Atomic(total)
    self.console = console
  }

  /// Sets the count the run is now heading for.
  func retarget(_ target: Int) {
    total.store(target, ordering: .relaxed)
  }

  func update(_ done: Int) {
    let total = total.load(ordering: .relaxed)
    let now = ContinuousClock.now
    let draw = lastDraw.withLock { last -> Bool in
      if let last, now - last < .milliseconds(100), done < total { return false }
      last = now
      return true
    }
    guard draw else { return }
    let elapsed = Double((now - start).components.seconds)
      + Double((now - start).components.attoseconds) * 1e-18
    let rate = elapsed > 0 ? Double(done) / elapsed : 0
    let left = rate > 0 ? Double(total - done) / rate : 0
    let percent = total > 0 ? 100 * done / total : 100
    console.writeError(String(
      format: "\r%3d%%  %d/%d iterations  %.0f it/s  %.1f s left   ", percent, done, total, rate,
      left))
  }

  func finish() {
    console.writeError("\r" + String(repeating: " ", count: 70) + "\r")
  }
}
