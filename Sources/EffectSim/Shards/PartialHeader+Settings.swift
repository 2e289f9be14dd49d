/// The run settings a part records, besides the fixed fields (seed, iterations, kernel).
///
/// Every option of `effectsim run` that changes a number of the output has a key here, so
/// that the merge, which sees no command line of the run, summarises exactly as the run would
/// have: parts whose settings differ are refused, and the merge applies the recorded ones. A
/// new such option adds a key to `settings(_:_:)` and reads it back in `runSettings(file:)`.
extension PartialHeader {
  /// The settings of a run of `model` with `options`, in key order.
  /// - Parameter scenarioPath: the scenario file as typed to `run` (`nil` for standard
  ///   input): not a number, but the report's reproducing command names it, and a merged
  ///   report must read as the single run's.
  static func settings(
    _ model: Model, _ options: RunOptions, scenarioPath: String? = nil
  ) -> [Setting] {
    let levels = options.percentiles ?? model.percentiles
    // `--set NAME=VALUE` as typed: parsing the same text again gives the same override.
    let overrides = JSONValue.array(
      model.scenario.overrides.map { .string("\($0.parameter)=\($0.text)") })
    return [
      Setting(key: "overrides", value: ScenarioOverride.compact(overrides)),
      Setting(key: "pairing", value: model.pairing.rawValue),
      // Swift prints a Double with the fewest digits that read back to the same value.
      Setting(key: "percentiles", value: levels.map { "\($0)" }.joined(separator: ",")),
      Setting(key: Self.scenarioPathKey, value: scenarioPath ?? ""),
      Setting(key: "varianceSplit", value: options.varianceSplit ? "true" : "false"),
    ]
  }

  /// The key of the scenario path, the one setting parts of one run may differ in (shards
  /// started from other directories): it names the file, the SHA-256 decides what it is.
  static let scenarioPathKey = "scenarioPath"

  /// The scenario file as typed to the run that wrote this part; `nil` for standard input or
  /// a part without the setting.
  public var scenarioPath: String? {
    settings.first { $0.key == Self.scenarioPathKey }.flatMap { $0.value.isEmpty ? nil : $0.value }
  }

  /// The settings that change a number of the output: all but the scenario path.
  var numericSettings: [Setting] { settings.filter { $0.key != Self.scenarioPathKey } }

  /// The options and the `--set` overrides that reproduce the run this part came from
  /// (threads left to the caller).
  /// - Throws: `PartialFileError` for a setting this engine does not know or cannot read.
  func runSettings(
    file: String
  ) throws(PartialFileError) -> (options: RunOptions, overrides: [ScenarioOverride]) {
    var options = RunOptions(iterations: totalIterations, seed: seed, kernel: .init(kernel))
    var overrides: [ScenarioOverride] = []
    for setting in settings {
      switch setting.key {
      case "overrides":
        overrides = try Self.overrides(setting.value, file: file)
      case "pairing":
        // Fixed by the scenario; recorded so that a future option cannot change it unseen.
        guard Pairing(rawValue: setting.value) != nil else {
          throw PartialFileError(file: file, "damaged: pairing '\(setting.value)'")
        }
      case "percentiles":
        let levels = setting.value.isEmpty
          ? [] : setting.value.split(separator: ",", omittingEmptySubsequences: false)
            .map { Double(String($0)) }
        guard levels.allSatisfy({ $0.map { (0...100).contains($0) } ?? false })
        else { throw PartialFileError(file: file, "damaged: percentiles '\(setting.value)'") }
        options.percentiles = levels.compactMap { $0 }
      case Self.scenarioPathKey:
        break
      case "varianceSplit":
        guard let value = ["false": false, "true": true][setting.value] else {
          throw PartialFileError(file: file, "damaged: varianceSplit '\(setting.value)'")
        }
        options.varianceSplit = value
      default:
        throw PartialFileError(
          file: file,
          "run setting '\(setting.key)' is unknown to this effectsim (\(EffectSimVersion.string))")
      }
    }
    return (options, overrides)
  }

  /// The `--set` arguments recorded as a JSON array of `NAME=VALUE` strings.
  private static func overrides(
    _ text: String, file: String
  ) throws(PartialFileError) -> [ScenarioOverride] {
    let damaged = PartialFileError(file: file, "damaged: overrides '\(text)'")
    guard case .array(let elements)? = try? JSONParser.parse(text) else { throw damaged }
    var overrides: [ScenarioOverride] = []
    for element in elements {
      guard case .string(let argument) = element,
        let override = try? ScenarioOverride(parsing: argument)
      else { throw damaged }
      overrides.append(override)
    }
    return overrides
  }
}

extension KernelChoice {
  /// The choice that always picks `kernel`.
  init(_ kernel: Kernel) {
    switch kernel {
    case .individual: self = .individual
    case .aggregated: self = .aggregated
    case .jump: self = .jump
    }
  }
}
