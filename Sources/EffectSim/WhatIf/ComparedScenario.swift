/// One scenario of a comparison, compiled.
public struct ComparedScenario: Sendable {
  /// How reports name the scenario and where it came from.
  public struct Info: Sendable, Equatable {
    public var name: String
    /// The file as given on the command line.
    public var file: String
    /// Every override in effect for it (`--set` and the variant's), in the order applied.
    public var overrides: [ScenarioOverride]

    public init(name: String, file: String, overrides: [ScenarioOverride]) {
      self.name = name
      self.file = file
      self.overrides = overrides
    }
  }

  public var info: Info
  public var model: Model

  public init(info: Info, model: Model) {
    self.info = info
    self.model = model
  }
}
