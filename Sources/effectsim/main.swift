import EffectSimCLI

#if canImport(Glibc)
  import Glibc
#endif

// The executable stays thin: everything else lives in EffectSimCLI, where tests can reach it.
// Ctrl-C and SIGTERM remove a half-written output file and exit 130 / 143.
Interruption.install()
let code = EffectSimCommand.main(Array(CommandLine.arguments.dropFirst()), console: .standard)
exit(code.rawValue)
