/// Which Monte Carlo kernel simulates the cohort.
///
/// Every kernel is exact for the model; they use the random numbers differently, so for one
/// seed they give different (equally valid) draws of the same distribution.
public enum KernelChoice: String, Sendable, CaseIterable {
  /// The faster exact kernel for the scenario, by `KernelCostModel`; never depends on the
  /// machine, so the output of a run stays reproducible.
  case auto
  /// Every person simulated cycle by cycle: handles every scenario.
  case individual
  /// People moved in groups by entry cycle, kind and joint state with exact multinomial draws:
  /// for large cohorts; not for continuous person-scope parameters.
  case aggregated
  /// Every person simulated from move to move (geometric waits): the per-cycle kernel's law
  /// with two draws per move instead of one per cycle; not for continuous person-scope
  /// parameters that change a transition or a charge.
  case jump
}

/// A kernel chosen for a run.
public enum Kernel: String, Sendable {
  case individual
  case aggregated
  case jump
}
