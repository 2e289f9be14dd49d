/// The individual kernel's kinds of person: when every person-scope parameter is `discrete`,
/// people differ only by which combination of values they drew (`PersonStrata`), so each
/// person draws a kind — one uniform per parameter, from the same named stream
/// (`IterationStreams.personParameter`) the per-person path uses — and every kind's transition
/// tables and charge rates are built once per iteration.
///
/// The kind is chosen draw for draw as `Distribution.sampleDiscrete` chooses the value: that
/// sampler subtracts the weights from the uniform one after the other, and each floating
/// subtraction is monotone in the uniform, so the 53-bit integers that pick option k or an
/// earlier one form a prefix `0..<threshold[k]`. The thresholds are found once, by bisection
/// over the same subtractions, and the person's option is the number of thresholds at or below
/// their integer: exactly the option the per-person path draws, with integer compares only.
/// (An alias table would pick in constant time but map uniforms to values differently, and so
/// change every number of a run; the lists in business cases are short.)
struct PersonKinds {
  /// Per discrete person-scope parameter, in `model.personDraws` order: its name key and where
  /// its options' thresholds sit in `thresholds` (positive-weight options only, as the strata).
  private let draws: [(nameKey: UInt64, start: Int, count: Int)]
  private let thresholds: [UInt64]
  /// Every kind's parameter values and probability; kind `k` is the mixed-radix number of the
  /// options drawn, the first parameter most significant, as `PersonStrata` lists them.
  let strata: PersonStrata

  var count: Int { strata.count }

  /// The kinds of `model`, or `nil` when a person-scope parameter is continuous or the
  /// combinations are too many to keep apart (`PersonStrata.limit`).
  init?(model: Model) {
    guard model.hasPersonScope, case .success(let strata) = PersonStrata.kinds(model) else {
      return nil
    }
    var draws: [(nameKey: UInt64, start: Int, count: Int)] = []
    var thresholds: [UInt64] = []
    if strata.split {
      for draw in model.personDraws {
        guard case .discrete(_, let weights) = draw.distribution else { return nil }
        let positive = weights.filter { $0 > 0 }
        draws.append((draw.nameKey, thresholds.count, positive.count))
        for k in positive.indices { thresholds.append(Self.threshold(positive, option: k)) }
      }
    }
    self.draws = draws
    self.thresholds = thresholds
    self.strata = strata
  }

  /// The kind of the person with `personKey`: 0 when people do not differ at all.
  @inline(__always)
  func kind(personKey: UInt64) -> Int {
    var kind = 0
    thresholds.withUnsafeBufferPointer { thresholds in
      for draw in draws {
        let x = Self.first53(key: SplitMix64.mix(personKey ^ draw.nameKey))
        var option = 0
        let last = draw.count - 1
        if last < 16 {
          while option < last && x >= thresholds[draw.start + option] { option += 1 }
        } else {
          // Bisection: the first option whose threshold exceeds x, or the last.
          var high = last
          while option < high {
            let middle = (option + high) / 2
            if x >= thresholds[draw.start + middle] { option = middle + 1 } else { high = middle }
          }
        }
        kind = kind * draw.count + option
      }
    }
    return kind
  }

  /// `Xoshiro256PlusPlus(key: key).next53()` — the first draw of the stream
  /// `IterationStreams.personParameter` makes — from the two SplitMix64 outputs it reads
  /// (the first and fourth of the seeding; the n-th is `mix(key + n · γ)`), without filling
  /// the whole state: half the mixing, the same number.
  @inline(__always)
  static func first53(key: UInt64) -> UInt64 {
    let gamma: UInt64 = 0x9E37_79B9_7F4A_7C15
    let s0 = SplitMix64.mix(key &+ gamma)
    let s3 = SplitMix64.mix(key &+ 4 &* gamma)
    let sum = s0 &+ s3
    return (((sum << 23) | (sum >> 41)) &+ s0) >> 11
  }

  /// The smallest 53-bit integer x for which `sampleDiscrete`'s subtractions, starting from
  /// `x · 2^-53`, do not go below zero by option `option` — so options `0...option` are drawn
  /// exactly below it. 2^53 when every uniform stops by then.
  static func threshold(_ weights: [Double], option: Int) -> UInt64 {
    var low: UInt64 = 0
    var high: UInt64 = 1 << 53
    while low < high {
      let middle = low + (high - low) / 2
      if stops(weights, option: option, x: middle) { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// Whether `sampleDiscrete`'s subtractions from `x · 2^-53` go below zero by `option`.
  static func stops(_ weights: [Double], option: Int, x: UInt64) -> Bool {
    var u = Double(x) * 0x1p-53
    for k in 0...option {
      u -= weights[k]
      if u < 0 { return true }
    }
    return false
  }
}
