/// The formats `effectsim run --format` can write.
///
/// `table` is the default on a terminal; `json` and `csv` are for programs and keep full
/// precision; `markdown` is for pasting into a case document or an issue.
public enum OutputFormat: String, Sendable, CaseIterable {
  case table, markdown, csv, json
}
