import Testing

@testable import EffectSimCLI

@Suite("ArgumentParser")
struct ArgumentParserTests {
  typealias Fixtures = ParsingFixtures

  @Test(
    "Values by --name value, --name=value and -x value",
    arguments: [
      ["model.json", "--iterations", "500", "--format", "json"],
      ["--iterations=500", "model.json", "--format=json"],
      ["-n", "500", "-f", "json", "model.json"],
    ])
  func valueSpellings(arguments: [String]) throws {
    let parsed = try ArgumentParser.parse(arguments, for: Fixtures.run)
    #expect(parsed.positionals == ["model.json"])
    #expect(parsed.value("iterations") == "500")
    #expect(parsed.value("format") == "json")
    #expect(parsed.value("seed") == nil)
    #expect(!parsed.helpRequested)
  }

  @Test("Flags, long and short; a repeated flag is harmless")
  func flags() throws {
    let parsed = try ArgumentParser.parse(
      ["-q", "a.json", "--deterministic", "--quiet"], for: Fixtures.run)
    #expect(parsed.flag("quiet") && parsed.flag("deterministic"))
    #expect(!parsed.flag("iterations"))
  }

  @Test("An '=' value may contain '=' and start with '-'")
  func inlineValues() throws {
    let parsed = try ArgumentParser.parse(
      ["a.json", "--output=x=y.csv", "--seed=-3"], for: Fixtures.run)
    #expect(parsed.value("output") == "x=y.csv")
    #expect(parsed.value("seed") == "-3")
  }

  @Test("'--' ends options; a lone '-' is a positional")
  func separatorAndStdin() throws {
    let stdin = try ArgumentParser.parse(["-", "--quiet"], for: Fixtures.run)
    #expect(stdin.positionals == ["-"] && stdin.flag("quiet"))
    let dashed = try ArgumentParser.parse(["--quiet", "--", "--weird.json"], for: Fixtures.run)
    #expect(dashed.positionals == ["--weird.json"] && dashed.flag("quiet"))
    let files = try ArgumentParser.parse(["a", "--", "-b", "-"], for: Fixtures.validate)
    #expect(files.positionals == ["a", "-b", "-"])
  }

  @Test("'-' and negative numbers are values; other dashed words are not")
  func valueLookahead() throws {
    let output = try ArgumentParser.parse(["a.json", "--output", "-"], for: Fixtures.run)
    #expect(output.value("output") == "-")
    let negative = try ArgumentParser.parse(["a.json", "--scale", "-2.5"], for: Fixtures.run)
    #expect(negative.value("scale") == "-2.5")
    #expect(
      Fixtures.message(["a.json", "--output", "--quiet"]) == "--output needs a value: --output FILE"
    )
  }

  @Test(
    "Unknown options suggest the closest name",
    arguments: [
      (
        ["a.json", "--iteratons", "5"],
        "unknown option '--iteratons' — did you mean '--iterations'?"
      ),
      (
        ["a.json", "--itreations=5"], "unknown option '--itreations' — did you mean '--iterations'?"
      ),
      (
        ["a.json", "-iterations", "5"],
        "unknown option '-iterations' — did you mean '--iterations'?"
      ),
      (["a.json", "--Seed", "5"], "unknown option '--Seed' — did you mean '--seed'?"),
      (["a.json", "--hlep"], "unknown option '--hlep' — did you mean '--help'?"),
      (["a.json", "--colour"], "unknown option '--colour'"),
      (["a.json", "-x"], "unknown option '-x'"),
      (["a.json", "-qn"], "unknown option '-qn'"),
    ])
  func unknownOption(arguments: [String], expected: String) {
    #expect(Fixtures.message(arguments) == expected)
  }

  @Test("A command without options says so")
  func noOptions() {
    #expect(
      Fixtures.message(["a.json", "--fast"], for: Fixtures.validate)
        == "unknown option '--fast'; 'validate' takes no options")
  }

  @Test(
    "A missing value names the option",
    arguments: [
      (["a.json", "--seed"], "--seed needs a value: --seed S"),
      (["a.json", "-s"], "--seed needs a value: --seed S"),
      (["a.json", "--seed="], "--seed needs a value: --seed S"),
      (["--format", "--quiet", "a.json"], "--format needs a value: --format FORMAT"),
    ])
  func missingValue(arguments: [String], expected: String) {
    #expect(Fixtures.message(arguments) == expected)
  }

  @Test("An option with a value given twice is an error, whatever the spelling")
  func givenTwice() {
    #expect(Fixtures.message(["a.json", "--seed", "1", "--seed", "1"]) == "--seed given twice")
    #expect(Fixtures.message(["a.json", "-s", "1", "--seed=2"]) == "--seed given twice")
  }

  @Test("A repeatable option keeps every value in order, and its help says so")
  func repeatable() throws {
    var spec = Fixtures.run
    spec.options.append(
      OptionSpec(name: "set", valueName: "NAME=VALUE", help: "override", repeatable: true))
    let parsed = try ArgumentParser.parse(
      ["a.json", "--set", "a=1", "--set=b=x * 2", "--seed", "3", "--set", "a=2"], for: spec)
    #expect(parsed.values("set") == ["a=1", "b=x * 2", "a=2"])
    #expect(parsed.value("seed") == "3")
    #expect(try ArgumentParser.parse(["a.json"], for: spec).values("set").isEmpty)
    #expect(spec.usage().contains("[--set NAME=VALUE]..."))
    #expect(spec.help().contains("may be repeated"))
  }

  @Test("A flag takes no value")
  func flagWithValue() {
    #expect(
      Fixtures.message(["a.json", "--quiet=yes"])
        == "--quiet is a flag and takes no value, got '--quiet=yes'")
  }

  @Test(
    "Enumerated values are checked, with a suggestion",
    arguments: [
      ("jsn", "--format: unknown value 'jsn' — did you mean 'json'? (table, markdown, csv, json)"),
      (
        "JSON", "--format: unknown value 'JSON' — did you mean 'json'? (table, markdown, csv, json)"
      ),
      ("xml", "--format: unknown value 'xml' (table, markdown, csv, json)"),
      ("", "--format needs a value: --format FORMAT"),
    ])
  func enumeratedValues(value: String, expected: String) throws {
    #expect(Fixtures.message(["a.json", "--format=\(value)"]) == expected)
    let parsed = try ArgumentParser.parse(["a.json", "--format", "markdown"], for: Fixtures.run)
    #expect(parsed.value("format") == "markdown")
  }

  @Test(
    "The number of positionals is checked",
    arguments: [
      ([], ParsingFixtures.run, "missing argument SCENARIO (scenario file (JSON), or - for stdin)"),
      (
        ["--quiet"], ParsingFixtures.run,
        "missing argument SCENARIO (scenario file (JSON), or - for stdin)"
      ),
      (["a.json", "b.json"], ParsingFixtures.run, "unexpected argument 'b.json'"),
      ([], ParsingFixtures.validate, "missing argument SCENARIO (scenario files)"),
      (["run", "validate"], ParsingFixtures.help, "unexpected argument 'validate'"),
    ])
  func positionalCount(arguments: [String], spec: CommandSpec, expected: String) {
    #expect(Fixtures.message(arguments, for: spec) == expected)
  }

  @Test("Repeating and optional positionals accept their counts")
  func positionalCountsAccepted() throws {
    let many = try ArgumentParser.parse(["a", "b", "c"], for: Fixtures.validate)
    #expect(many.positionals == ["a", "b", "c"])
    #expect(try ArgumentParser.parse([], for: Fixtures.help).positionals.isEmpty)
    #expect(try ArgumentParser.parse(["run"], for: Fixtures.help).positionals == ["run"])
    let none = CommandSpec(name: "version", summary: "")
    #expect(
      Fixtures.message(["x"], for: none)
        == "unexpected argument 'x': 'version' takes no arguments")
  }

  @Test("--help and -h win over everything before '--'")
  func helpRequest() throws {
    for arguments in [["--help"], ["-h", "--bogus"], ["--seed", "1", "--seed", "2", "--help"]] {
      let parsed = try ArgumentParser.parse(arguments, for: Fixtures.run)
      #expect(parsed.helpRequested, "\(arguments)")
    }
    let afterSeparator = try ArgumentParser.parse(["--", "--help"], for: Fixtures.validate)
    #expect(!afterSeparator.helpRequested && afterSeparator.positionals == ["--help"])
  }

  @Test("Errors carry the command's usage line")
  func errorsCarryUsage() {
    do {
      _ = try ArgumentParser.parse(["--nope"], for: Fixtures.run)
      Issue.record("expected a usage error")
    } catch {
      #expect(error.usage == Fixtures.run.usage())
      #expect(error.description.hasPrefix("unknown option '--nope'\nUsage: effectsim run SCENARIO"))
    }
  }
}
