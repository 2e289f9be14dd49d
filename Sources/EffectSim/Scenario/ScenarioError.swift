/// One problem in a scenario, with the JSON path where it sits.
///
/// Paths read like the file: `arms.control.transitions[2].p`, `parameters.ipsJobShare.beta.sd`.
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
  /// JSON path of the offending value; empty for the document as a whole.
  public var path: String
  public var message: String

  public init(path: String, message: String) {
    self.path = path
    self.message = message
  }

  public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

/// Every problem found in one scenario file, in document order.
public struct ScenarioErrors: Error, Sendable, CustomStringConvertible {
  public var errors: [ScenarioError]

  public init(_ errors: [ScenarioError]) {
    self.errors = errors
  }

  public var description: String { errors.map(\.description).joined(separator: "\n") }
}

extension String {
  /// Appends an object key to a JSON path, quoting keys that are not plain identifiers.
  func jsonPath(_ key: String) -> String {
    let plain = key.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0 == "_" ||
      ($0.value >= 48 && $0.value <= 57) || $0 == "-" || $0 == "$" }
    let component = plain && !key.isEmpty ? key : "[\"\(key)\"]"
    if isEmpty { return component }
    return component.hasPrefix("[") ? self + component : self + "." + component
  }

  /// Appends an array index to a JSON path.
  func jsonPath(_ index: Int) -> String { self + "[\(index)]" }
}
