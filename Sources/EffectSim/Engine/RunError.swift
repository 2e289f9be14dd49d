/// A problem that shows only when the scenario's numbers are evaluated: a probability outside
/// [0, 1], transitions that sum above 1, a division by zero. Names the place and the iteration.
public struct RunError: Error, Sendable, Equatable, CustomStringConvertible {
  /// JSON path of the expression or object involved.
  public var path: String
  public var message: String
  /// The Monte Carlo iteration (0-based); `nil` in deterministic mode.
  public var iteration: Int?

  public init(path: String, message: String, iteration: Int?) {
    self.path = path
    self.message = message
    self.iteration = iteration
  }

  public var description: String {
    let place = path.isEmpty ? "" : "\(path): "
    let when = iteration.map { " (iteration \($0))" } ?? " (deterministic run)"
    return place + message + when
  }
}
