/// Reading and editing a document by key and index, for code that walks JSON whose shape it
/// does not trust (limits, tests that build hostile scenarios).
extension JSONValue {
  /// The member `key` of an object; `nil` for a missing key or a value that is not an object.
  /// Setting a member of an object replaces it in place or appends it; setting `nil` removes
  /// it; setting on anything but an object does nothing.
  /// - Complexity: O(*n*) in the object's members.
  public subscript(key: String) -> JSONValue? {
    get {
      guard case .object(let members) = self else { return nil }
      return members.first { $0.key == key }?.value
    }
    set {
      guard case .object(var members) = self else { return }
      let index = members.firstIndex { $0.key == key }
      switch (index, newValue) {
      case (let index?, let value?): members[index].value = value
      case (let index?, nil): members.remove(at: index)
      case (nil, let value?): members.append((key, value))
      case (nil, nil): break
      }
      self = .object(members)
    }
  }

  /// The elements of an array; empty for anything else.
  public var elements: [JSONValue] {
    guard case .array(let elements) = self else { return [] }
    return elements
  }

  /// The members of an object in the author's order; empty for anything else.
  public var members: [(key: String, value: JSONValue)] {
    guard case .object(let members) = self else { return [] }
    return members
  }
}
