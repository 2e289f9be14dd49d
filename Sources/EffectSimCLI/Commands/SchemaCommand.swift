import EffectSim

/// `effectsim schema`: the scenario format as a JSON Schema (draft 2020-12) on stdout.
///
/// Generated from the shapes the validator checks (`ScenarioFormat.jsonSchema()`), so an
/// editor that reads `scenarios/effectsim.schema.json` flags the same unknown keys, types and
/// enumerations as `effectsim validate`. Meaning beyond structure (references between
/// states, windows inside the horizon) is the validator's alone.
enum SchemaCommand {
  static func execute(_ arguments: ParsedArguments, console: Console) {
    console.writeOut(ScenarioFormat.jsonSchema().serialized())
  }
}
