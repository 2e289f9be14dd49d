import Synchronization

/// Counts the bytes of per-iteration buffers held at once, and the most ever held, so that a
/// test can hold the risk-driver analysis to its memory bound.
///
/// Every buffer of the analysis whose size grows with the iterations takes a `Hold` for its
/// bytes and keeps it exactly as long as it keeps the buffer: the count falls when the buffer
/// and its hold go together. A column source can take holds too (for the columns it lends),
/// so the peak is what the analysis and its source hold together.
final class MemoryGauge: Sendable {
  private let state = Mutex<(current: Int, peak: Int)>((0, 0))

  /// Bytes held now.
  var current: Int { state.withLock { $0.current } }
  /// The most bytes held at once so far.
  var peak: Int { state.withLock { $0.peak } }

  /// Counts `bytes` until the returned hold is released.
  func hold(_ bytes: Int) -> Hold {
    state.withLock { state in
      state.current += bytes
      state.peak = max(state.peak, state.current)
    }
    return Hold(gauge: self, bytes: bytes)
  }

  fileprivate func release(_ bytes: Int) {
    state.withLock { $0.current -= bytes }
  }

  /// Bytes counted while this object lives.
  final class Hold: Sendable {
    private let gauge: MemoryGauge
    private let bytes: Int

    fileprivate init(gauge: MemoryGauge, bytes: Int) {
      self.gauge = gauge
      self.bytes = bytes
    }

    deinit { gauge.release(bytes) }
  }
}

extension Optional where Wrapped == MemoryGauge {
  /// A hold on the gauge, when there is one.
  func hold(_ bytes: Int) -> MemoryGauge.Hold? { self?.hold(bytes) }
}
