import EffectSim
import Foundation
import Testing

@testable import EffectSimReport

@Suite("JSON renderer")
struct JSONRendererTests {
  let monteCarlo = Renderer.render(Fixtures.summary(.montecarlo), as: .json)
  let deterministic = Renderer.render(Fixtures.summary(.deterministic), as: .json)

  @Test func topLevelKeysFollowTheContractWithRunLast() {
    let keys = JSONReading.topLevelKeys(monteCarlo)
    #expect(
      keys == [
        "scenario", "settings", "years", "areas", "netImpact", "cumulativeNetImpact", "armCosts",
        "payback", "outcomes", "presentValue", "occupancy", "sensitivity", "run",
      ])
    #expect(monteCarlo.hasSuffix("}\n"))
  }

  @Test func parsesAndCarriesTheContractValues() throws {
    let json = try JSONReading.object(monteCarlo)
    let scenario = try #require(json["scenario"] as? [String: Any])
    #expect(scenario["name"] as? String == "IPS og misbrug")
    #expect(scenario["source"] as? String == "Københavns Kommune, budgetnotat 2018")
    #expect(JSONReading.double(scenario["start"]) == 2018)
    #expect(JSONReading.double(scenario["years"]) == 2)
    #expect(scenario["cycle"] as? String == "month")
    #expect(scenario["priceLevel"] as? String == "2018 p/l")

    let settings = try #require(json["settings"] as? [String: Any])
    #expect(settings["mode"] as? String == "montecarlo")
    #expect(JSONReading.double(settings["iterations"]) == 10_000)
    #expect(JSONReading.double(settings["seed"]) == 42)
    #expect(settings["pairing"] as? String == "coupled")

    #expect((json["years"] as? [Any])?.compactMap(JSONReading.double) == [2018, 2019])
    #expect(json["areas"] as? [String] == Fixtures.areas)
  }

  @Test func statisticObjectsHavePercentileKeysWithoutFractions() throws {
    let json = try JSONReading.object(monteCarlo)
    let netImpact = try #require(json["netImpact"] as? [String: Any])
    let total = try #require(netImpact["total"] as? [[String: Any]])
    #expect(total.count == 2)
    let first = total[0]
    #expect(Set(first.keys) == ["mean", "sd", "mcse", "percentiles"])
    #expect(JSONReading.double(first["mean"]) == 2_083_000)
    let percentiles = try #require(first["percentiles"] as? [String: Any])
    #expect(Set(percentiles.keys) == ["5", "50", "95"])
    #expect(JSONReading.double(percentiles["50"]) == 2_073_000)
    #expect(JSONReading.double(percentiles["5"]) == 1_573_000)
    #expect(monteCarlo.contains("\"mean\": 2083000,"))
  }

  @Test func byAreaFollowsTheSummaryAreaOrder() throws {
    let json = try JSONReading.object(monteCarlo)
    for key in ["netImpact", "cumulativeNetImpact"] {
      let series = try #require(json[key] as? [String: Any])
      let byArea = try #require(series["byArea"] as? [String: Any])
      #expect(Set(byArea.keys) == Set(Fixtures.areas))
    }
    let offsets = JSONReading.offsets(
      of: ["\"Indsats (EI)\": [", "\"Overførsler\": ["], in: monteCarlo)
    #expect(offsets[0] >= 0 && offsets[0] < offsets[1])
    let cumulative = try #require(json["cumulativeNetImpact"] as? [String: Any])
    let areas = try #require(cumulative["byArea"] as? [String: Any])
    let second = try #require((areas["Overførsler"] as? [[String: Any]])?.last)
    let percentiles = try #require(second["percentiles"] as? [String: Any])
    #expect(JSONReading.double(percentiles["50"]) == -3_096_000)
  }

  @Test func armCostsHaveTotalsPerArm() throws {
    let json = try JSONReading.object(monteCarlo)
    let armCosts = try #require(json["armCosts"] as? [String: Any])
    for arm in ["intervention", "control"] {
      let values = try #require((armCosts[arm] as? [String: Any])?["total"] as? [Any])
      #expect(values.count == 2)
    }
  }

  @Test func paybackCarriesProbabilitiesAndANullMedian() throws {
    let json = try JSONReading.object(monteCarlo)
    let payback = try #require((json["payback"] as? [[String: Any]])?.first)
    #expect(payback["name"] as? String == "Totaløkonomi")
    #expect(payback["areas"] as? String == "all")
    #expect(payback["discounted"] as? Bool == false)
    #expect(
      (payback["probabilityByYear"] as? [Any])?.compactMap(JSONReading.double) == [0.1, 0.45])
    #expect((payback["probabilityMCSE"] as? [Any])?.count == 2)
    #expect(JSONReading.double(payback["probabilityNotWithinHorizon"]) == 0.55)
    #expect(payback["medianYear"] is NSNull)
    #expect(JSONReading.double(payback["deterministicYear"]) == 2)
    #expect(monteCarlo.contains("\"medianYear\": null,"))
  }

  @Test func deterministicYearIsLeftOutWhenUnknown() throws {
    let json = try JSONReading.object(deterministic)
    let payback = try #require((json["payback"] as? [[String: Any]])?.first)
    #expect(payback["deterministicYear"] == nil)
    #expect(payback["medianYear"] is NSNull)
    let settings = try #require(json["settings"] as? [String: Any])
    #expect(settings["mode"] as? String == "deterministic")
  }

  @Test func paybackOverNamedAreasListsThem() throws {
    var summary = Fixtures.summary(.montecarlo)
    summary.payback[0].areas = ["Overførsler"]
    summary.payback[0].medianYear = 2
    let json = try JSONReading.object(Renderer.render(summary, as: .json))
    let payback = try #require((json["payback"] as? [[String: Any]])?.first)
    #expect(payback["areas"] as? [String] == ["Overførsler"])
    #expect(JSONReading.double(payback["medianYear"]) == 2)
  }

  @Test func outcomesPresentValueAndOccupancy() throws {
    let json = try JSONReading.object(deterministic)
    let outcome = try #require((json["outcomes"] as? [String: Any])?["employed"] as? [String: Any])
    #expect(Set(outcome.keys) == ["intervention", "control", "difference"])
    let difference = try #require(outcome["difference"] as? [String: Any])
    #expect(JSONReading.double(difference["mean"]) == 20.25)
    #expect(JSONReading.double(difference["sd"]) == 0)
    let percentiles = try #require(difference["percentiles"] as? [String: Any])
    #expect(JSONReading.double(percentiles["95"]) == 20.25)

    let presentValue = try #require(json["presentValue"] as? [String: Any])
    let netImpact = try #require(presentValue["netImpact"] as? [String: Any])
    #expect(JSONReading.double((netImpact["total"] as? [String: Any])?["mean"]) == 1_300_000)
    #expect(Set((netImpact["byArea"] as? [String: Any])?.keys ?? [:].keys) == Set(Fixtures.areas))
    let armCosts = try #require(presentValue["armCosts"] as? [String: Any])
    #expect(Set(armCosts.keys) == ["intervention", "control"])
    #expect((presentValue["outcomes"] as? [String: Any])?["employed"] != nil)

    let occupancy = try #require((json["occupancy"] as? [[String: Any]])?.first)
    #expect(JSONReading.double(occupancy["cycle"]) == 12)
    let intervention = try #require(occupancy["intervention"] as? [String: Any])
    #expect(JSONReading.double((intervention["benefit"] as? [String: Any])?["mean"]) == 0.4)
    #expect(Set((occupancy["control"] as? [String: Any])?.keys ?? [:].keys) == ["benefit", "job"])
  }

  @Test func runHoldsTheMachineFacts() throws {
    let json = try JSONReading.object(monteCarlo)
    let run = try #require(json["run"] as? [String: Any])
    #expect(
      Set(run.keys) == [
        "engineVersion", "threads", "seconds", "personCycles", "personCyclesPerSecond", "kernel",
        "driversSeconds",
      ])
    #expect(JSONReading.double(run["seconds"]) == 1.25)
    #expect(run["kernel"] as? String == "individual")
  }

  @Test func namesWithQuotesAndLineBreaksRoundTrip() throws {
    let name = "IPS \"pilot\"\nKøbenhavn \\ 2018\t\u{1}"
    let text = Renderer.render(Fixtures.summary(.montecarlo, name: name), as: .json)
    #expect(text.contains(#""name": "IPS \"pilot\"\nKøbenhavn \\ 2018\t\u0001","#))
    let scenario = try #require(try JSONReading.object(text)["scenario"] as? [String: Any])
    #expect(scenario["name"] as? String == name)
  }

  @Test func equalSummariesGiveEqualBytesAndOnlyRunDiffers() {
    #expect(Renderer.render(Fixtures.summary(.montecarlo), as: .json) == monteCarlo)
    var other = Fixtures.summary(.montecarlo)
    other.run = RunInfo(
      engineVersion: "9.9.9", threads: 1, seconds: 99, personCycles: 7200,
      personCyclesPerSecond: 72.7, kernel: "aggregated")
    let otherText = Renderer.render(other, as: .json)
    #expect(otherText != monteCarlo)
    func withoutRun(_ text: String) -> Substring {
      text[..<(text.range(of: "\n  \"run\": {")?.lowerBound ?? text.endIndex)]
    }
    #expect(withoutRun(otherText) == withoutRun(monteCarlo))
  }

  @Test func nonFiniteStatisticsBecomeNull() throws {
    var summary = Fixtures.summary(.montecarlo)
    summary.netImpact.total[0].sd = .nan
    summary.netImpact.total[0].mcse = .infinity
    let text = Renderer.render(summary, as: .json)
    let json = try JSONReading.object(text)
    let first = try #require(((json["netImpact"] as? [String: Any])?["total"] as? [Any])?.first)
    #expect((first as? [String: Any])?["sd"] is NSNull)
    #expect((first as? [String: Any])?["mcse"] is NSNull)
  }
}
