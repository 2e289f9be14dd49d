// swift-tools-version:6.1
import PackageDescription

let package = Package(
  name: "EffectSim",
  products: [
    .library(name: "EffectSim", targets: ["EffectSim"]),
    .executable(name: "effectsim", targets: ["effectsim"]),
  ],
  targets: [
    // MARK: - Public API

    /// Scenario language, expressions, random numbers, samplers, engine and statistics.
    .target(name: "EffectSim"),
    /// Renderers (table, markdown, csv, json): they see results, never engine internals.
    .target(name: "EffectSimReport", dependencies: ["EffectSim"]),

    // MARK: - Command line

    /// Argument parsing, commands and exit codes, kept in a library so tests can drive it.
    .target(name: "EffectSimCLI", dependencies: ["EffectSim", "EffectSimReport"]),
    .executableTarget(name: "effectsim", dependencies: ["EffectSimCLI"]),

    // MARK: - Benchmarks

    .target(name: "BenchmarkSupport", path: "Benchmarks/BenchmarkSupport"),
    .executableTarget(
      name: "Random", dependencies: ["EffectSim", "BenchmarkSupport"], path: "Benchmarks/Random"),
    .executableTarget(
      name: "Kernels", dependencies: ["EffectSim", "BenchmarkSupport"], path: "Benchmarks/Kernels"),
    .executableTarget(
      name: "EndToEnd", dependencies: ["EffectSim", "EffectSimCLI", "BenchmarkSupport"],
      path: "Benchmarks/EndToEnd"),
    .executableTarget(
      name: "Drivers", dependencies: ["EffectSim", "BenchmarkSupport"], path: "Benchmarks/Drivers"),
    .executableTarget(
      name: "HostileInputs", dependencies: ["EffectSim"], path: "Benchmarks/HostileInputs"),
    .executableTarget(
      name: "KernelChoice", dependencies: ["EffectSim"], path: "Benchmarks/KernelChoice"),

    // MARK: - Unit test bundles

    .testTarget(name: "EffectSimTests", dependencies: ["EffectSim"]),
    .testTarget(name: "EffectSimReportTests", dependencies: ["EffectSimReport"]),
    // The broken scenarios are read through #filePath, not bundled as resources.
    .testTarget(name: "EffectSimCLITests", dependencies: ["EffectSimCLI"], exclude: ["Fixtures"]),
  ]
)
