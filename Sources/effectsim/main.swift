import EffectSimCLI

#if canImport(Glibc)
  import Glibc
#endif

// The executable stays thin: everything else lives in EffectSimCLI, where tests can reach it.
let code = EffectSimCommand.main(Array(CommandLine.arguments.dropFirst()), console: .standard)
exit(code.rawValue)
