/// The fixed workload behind the kernel benchmarks and `effectsim bench` without a scenario:
/// a number that can be compared between machines because the model never changes.
public enum ReferenceWorkload {
  /// One arm's transitions: the effect during the first 18 months, relapse and exits after.
  private static func transitions(effect: String) -> String {
    """
    [{"from": "benefit", "to": "job", "p": "0.8 * reach(\(effect), 18)", "cycles": [0, 18]},
     {"from": "benefit", "to": "education", "p": "0.2 * reach(\(effect), 18)", "cycles": [0, 18]},
     {"from": "benefit", "to": "flexjob", "p": 0.002, "cycles": [18]},
     {"from": "benefit", "to": "pension", "p": 0.003, "cycles": [18]},
     {"from": "job", "to": "benefit", "p": "perCycle(relapse)", "cycles": [18]},
     {"from": "education", "to": "benefit", "p": "perCycle(relapse)", "cycles": [18]},
     {"from": "benefit", "to": "dropout", "p": 0.004}]
    """
  }

  /// Six states (benefit, job, education, flexjob, pension, dropout), monthly, 10 years, two
  /// transition windows ([0, 18) and [18, ...)), Beta and PERT parameters at iteration scope,
  /// `persons` entering in 2020 (`spread` "start" or "even"), as scenario JSON.
  public static func sixStates(persons: Int, pairing: String, spread: String = "start") -> String {
    """
    {"format": "effectsim/1",
     "name": "reference workload: six states, \(persons) persons, \(pairing)",
     "start": 2020, "years": 10, "pairing": "\(pairing)",
     "parameters": {"ips": {"beta": {"successes": 144, "trials": 240}},
                    "sau": {"beta": {"successes": 112, "trials": 240}},
                    "relapse": {"pert": {"min": 0.15, "mode": 0.3, "max": 0.5}}},
     "states": [
       {"id": "benefit", "costs": [{"area": "Overførsler", "perCycle": 11500}]},
       {"id": "job"}, {"id": "education"},
       {"id": "flexjob", "costs": [{"area": "Overførsler", "perCycle": 9000}]},
       {"id": "pension", "costs": [{"area": "Overførsler", "perCycle": 15000}]},
       {"id": "dropout", "costs": [{"area": "Overførsler", "perCycle": 11500}]}],
     "arms": {
       "intervention": {"transitions": \(transitions(effect: "ips"))},
       "control": {"transitions": \(transitions(effect: "sau"))}},
     "cohort": {"intake": [{"year": 2020, "count": \(persons), "spread": "\(spread)"}]}}
    """
  }
}
