import EffectSim
import Foundation

// The hostile and extreme inputs of issue 11 (case 2 and case 6), each beyond a limit as the
// issue gave it and at the limit, through a built `effectsim`: `validate`, then `run -n 200`
// (where validation passed). Each step is a child process: wall time and its peak resident
// memory (wait4), killed after 30 s. Point --effectsim at another build for a before/after.
// The inputs are written by a child too (`--write INDEX FILE`): Linux counts the memory of
// the process a child was started from into the child's peak, so this one stays small.
// Run from the package root: swift run -c release HostileInputs
//   [--effectsim PATH (default .build/release/effectsim)] [--timeout SECONDS (default 30)]

let arguments = Dictionary(
  stride(from: 1, to: CommandLine.arguments.count - 1, by: 2).map {
    (String(CommandLine.arguments[$0].drop { $0 == "-" }), CommandLine.arguments[$0 + 1])
  }, uniquingKeysWith: { _, last in last })
let executable = arguments["effectsim"] ?? ".build/release/effectsim"
let timeout = Double(arguments["timeout"] ?? "") ?? 30

/// The small two-state case every input starts from.
func base() -> JSONValue {
  let text = """
    {"format": "effectsim/1", "name": "Small", "start": 2020, "years": 3,
     "parameters": {"share": {"beta": {"successes": 30, "trials": 50}}},
     "states": [
       {"id": "benefit", "costs": [{"area": "Overførsler", "perCycle": 9000}]},
       {"id": "job", "outcomes": {"employed": "1/cyclesPerYear"}}],
     "arms": {
       "intervention": {"transitions": [
         {"from": "benefit", "to": "job", "p": "reach(share, 18)", "cycles": [0, 18]}]},
       "control": {"transitions": [
         {"from": "benefit", "to": "job", "p": "reach(0.4, 18)", "cycles": [0, 18]}]}},
     "cohort": {"intake": [{"year": 2020, "count": 15, "spread": "even"}]},
     "lineItems": [{"label": "Team", "area": "Indsats", "byYear": {"2020": 400000}}]}
    """
  guard let document = try? JSONParser.parse(text) else { fatalError("the base does not parse") }
  return document
}

func edited(_ edit: (inout JSONValue) -> Void) -> JSONValue {
  var document = base()
  edit(&document)
  return document
}

/// `count` parameters: the base's one and a chain p0 ← p1 ← … of derived ones.
func chain(_ count: Int) -> JSONValue {
  edited { document in
    document["parameters"] = .object(
      document["parameters"]!.members + [("p0", .number(1))]
        + (1..<count - 1).map { ("p\($0)", .string("p\($0 - 1) + 1")) })
  }
}

func areas(_ count: Int) -> JSONValue {
  edited { document in
    var states = document["states"]!.elements
    states[0]["costs"] = .array(
      (0..<count).map { .object([("area", .string("A\($0)")), ("perCycle", .number(1))]) })
    document["states"] = .array(states)
  }
}

func lineItems(_ count: Int) -> JSONValue {
  edited { document in
    document["lineItems"] = .array(
      (0..<count).map {
        .object([
          ("label", .string("L\($0)")), ("area", .string("Indsats")),
          ("byYear", .object([("2020", .number(1)), ("2021", .number(2))])),
        ])
      })
  }
}

func outcomes(_ count: Int) -> JSONValue {
  edited { document in
    var states = document["states"]!.elements
    states[1]["outcomes"] = .object((0..<count).map { ("o\($0)", .number(1)) })
    document["states"] = .array(states)
  }
}

func minimum(arguments count: Int) -> JSONValue {
  edited { document in
    document["parameters"]!["m"] = .string(
      "min(" + Array(repeating: "share", count: count).joined(separator: ", ") + ")")
  }
}

func personDiscrete(_ count: Int) -> JSONValue {
  edited { document in
    document["parameters"]!["level"] = .object([
      (
        "discrete",
        .object([
          ("values", .array((0..<count).map { .number(Double($0)) })),
          ("weights", .array(Array(repeating: .number(1), count: count))),
        ])
      ),
      ("scope", .string("person")),
    ])
    var states = document["states"]!.elements
    states[0]["costs"] = .array([
      .object([("area", .string("Overførsler")), ("perCycle", .string("level"))])
    ])
    document["states"] = .array(states)
    document["cohort"]!["intake"] = .array([
      .object([("year", .number(2020)), ("count", .number(10))])
    ])
  }
}

/// `count` states in a ring of transitions, each open in its own window of five cycles.
func states(_ count: Int, years: Int) -> JSONValue {
  edited { document in
    document["years"] = .number(Double(years))
    let ids = ["benefit", "job"] + (2..<count).map { "s\($0)" }
    let cost = JSONValue.object([("area", .string("X")), ("perCycle", .number(1))])
    document["states"] = .array(
      ids.map { .object([("id", .string($0)), ("costs", .array([cost]))]) })
    let ring: [JSONValue] = (0..<count).map { index in
      .object([
        ("from", .string(ids[index])), ("to", .string(ids[(index + 1) % count])),
        ("p", .number(0.01)),
        ("cycles", .array([.number(Double(index)), .number(Double(index + 5))])),
      ])
    }
    for arm in ["intervention", "control"] {
      document["arms"]![arm]!["transitions"] = .array(ring)
    }
  }
}

func horizon(years: Int, cycle: String, occupancyAt: [Int] = []) -> JSONValue {
  edited { document in
    document["years"] = .number(Double(years))
    document["cycle"] = .string(cycle)
    document["cohort"]!["intake"] = .array([
      .object([("year", .number(2020)), ("count", .number(1))])
    ])
    if !occupancyAt.isEmpty {
      document["report"] = .object([
        ("occupancyAt", .array(occupancyAt.map { .number(Double($0)) }))
      ])
    }
  }
}

func national() -> JSONValue {
  edited { document in
    document["years"] = .number(30)
    document["cohort"]!["intake"] = .array(
      (0..<30).map {
        .object([
          ("year", .number(Double(2020 + $0))), ("count", .number(100_000)),
          ("spread", .string("even")),
        ])
      })
  }
}

let cases: [(String, () -> JSONValue)] = [
  ("chain of 20,000 derived parameters", { chain(20_000) }),
  ("chain of 10,000 derived parameters (limit)", { chain(10_000) }),
  ("100,000 areas", { areas(100_000) }),
  ("1,000 areas with the line items' (limit)", { areas(999) }),
  ("100,000 line items", { lineItems(100_000) }),
  ("10,000 line items (limit)", { lineItems(10_000) }),
  ("100,000 outcomes", { outcomes(100_000) }),
  ("1,000 outcomes (limit)", { outcomes(1_000) }),
  ("min() of 10^6 arguments", { minimum(arguments: 1_000_000) }),
  ("min() of 1,000 arguments (limit)", { minimum(arguments: 1_000) }),
  ("person discrete of 100,000 values, 10 persons", { personDiscrete(100_000) }),
  ("person discrete of 10,000 values (limit)", { personDiscrete(10_000) }),
  ("10,000 states", { states(10_000, years: 3) }),
  ("200 states, ring, 100 years (limit)", { states(200, years: 100) }),
  ("years 100,000,000", { horizon(years: 100_000_000, cycle: "month") }),
  ("10,000 yearly cycles, 1 person", { horizon(years: 10_000, cycle: "year") }),
  ("100 yearly cycles, 1 person (limit)", { horizon(years: 100, cycle: "year") }),
  ("occupancyAt 10,000 cycles, 1,000 years", {
    horizon(years: 1_000, cycle: "month", occupancyAt: Array(0..<10_000))
  }),
  ("occupancyAt 100 cycles, 100 years (limit)", {
    horizon(years: 100, cycle: "month", occupancyAt: Array(stride(from: 0, to: 1200, by: 12)))
  }),
  ("national: 100,000 citizens a year for 30 years", { national() }),
]

if let index = arguments["write"].flatMap(Int.init), CommandLine.arguments.count > 3 {
  try cases[index].1().serialized().write(
    toFile: CommandLine.arguments[3], atomically: true, encoding: .utf8)
  exit(0)
}

/// Runs `program` with `arguments`; seconds, peak resident kilobytes and how it ended.
func measure(
  _ arguments: [String], program: String = executable
) -> (seconds: Double, kilobytes: Int, ending: String) {
  let argv = ([program] + arguments).map { strdup($0) } + [nil]
  defer { argv.forEach { free($0) } }
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
  let start = Date()
  var pid: pid_t = 0
  guard posix_spawn(&pid, program, &actions, nil, argv, environ) == 0 else {
    fatalError("cannot start \(program); build it: swift build -c release")
  }
  var status: Int32 = 0
  var usage = rusage()
  var killed = false
  while wait4(pid, &status, WNOHANG, &usage) == 0 {
    if Date().timeIntervalSince(start) > timeout, !killed {
      kill(pid, SIGKILL)
      killed = true
    }
    usleep(5_000)
  }
  let seconds = Date().timeIntervalSince(start)
  let signal = status & 0x7f
  let ending =
    killed
    ? "killed after \(Int(timeout)) s"
    : signal == 0 ? "exit \((status >> 8) & 0xff)" : "died of signal \(signal)"
  return (seconds, usage.ru_maxrss, ending)
}

let directory = FileManager.default.temporaryDirectory
  .appendingPathComponent("effectsim-hostile-\(getpid())")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: directory) }

func cell(_ result: (seconds: Double, kilobytes: Int, ending: String)) -> String {
  String(format: "%.2f s, %d MB, ", result.seconds, result.kilobytes / 1024) + result.ending
}

print("| input | bytes | validate | run -n 200 |")
print("|---|---|---|---|")
let file = directory.appendingPathComponent("input.json")
for (index, (name, _)) in cases.enumerated() {
  FileHandle.standardError.write(Data("\(name)…\n".utf8))
  let written = measure(
    ["--write", String(index), file.path], program: CommandLine.arguments[0])
  guard written.ending == "exit 0" else { fatalError("cannot write the input: \(written)") }
  let bytes = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
  let validated = measure(["validate", file.path])
  let ran =
    validated.ending == "exit 0"
    ? cell(measure(["run", file.path, "-n", "200", "-q", "--format", "json"])) : "–"
  print("| \(name) | \(bytes) | \(cell(validated)) | \(ran) |")
}
