import Testing

@testable import EffectSim
@testable import EffectSimReport

/// A state's `label` is what readers see; the machine formats keep the id.
@Suite struct StateLabelTests {
  static var labelled: RunSummary {
    var summary = Fixtures.summary(.montecarlo)
    summary.scenario.stateLabels = ["benefit": "Kontanthjælp"]
    return summary
  }

  @Test(arguments: [OutputFormat.table, .markdown, .html])
  func readersSeeTheLabel(format: OutputFormat) {
    let text = Renderer.render(Self.labelled, as: format)
    #expect(text.contains("Kontanthjælp"))
    // The unlabelled state keeps its id.
    #expect(text.contains("job"))
  }

  @Test(arguments: [OutputFormat.json, .csv])
  func machineFormatsKeepTheId(format: OutputFormat) {
    let labelled = Renderer.render(Self.labelled, as: format)
    let plain = Renderer.render(Fixtures.summary(.montecarlo), as: format)
    #expect(!labelled.contains("Kontanthjælp"))
    #expect(labelled == plain)
  }

  @Test func labelsComeFromTheScenario() throws {
    let json = """
      {"format": "effectsim/1", "name": "labels", "start": 2020, "years": 2,
       "states": [{"id": "benefit", "label": "Kontanthjælp"}, {"id": "job"}],
       "arms": {"intervention": {"transitions": [{"from": "benefit", "to": "job", "p": 0.1}]},
                "control": {"transitions": [{"from": "benefit", "to": "job", "p": 0.05}]}},
       "cohort": {"intake": [{"year": 2020, "count": 10}]}}
      """
    let summary = try Simulation.deterministic(try Model.load(Array(json.utf8)))
    #expect(summary.scenario.stateLabels == ["benefit": "Kontanthjælp"])
    #expect(summary.scenario.stateName("job") == "job")
  }
}
