import EffectSim
import Foundation

/// The `--format html` output: one self-contained decision report.
///
/// Inline CSS and inline SVG, no JavaScript, nothing fetched, so the file opens on a closed
/// municipal network and prints on A4. The markup is XHTML-compatible (every element closed,
/// only XML's five entities), so any XML parser reads it. Sections, in order: title and the
/// run's facts; the verdict (a plain headline, then the precise sentences); the fan chart; the
/// payback curve; the histogram at the horizon; what drives the risk (Monte Carlo); the yearly
/// table; outcomes and calibration; the assumptions register; the method note.
///
/// A deterministic run shows what it is: the fan chart's single line, the payback year of
/// each definition instead of probabilities, no histogram, and a register whose distributions
/// are marked "not simulated".
///
/// Amounts in tables are thousands of kroner as in the business cases; charts use mio. kr.
/// Negative numbers carry the minus sign (U+2212) and ranges read "−397 til 42". Table cells
/// carry their values in full precision as `data-` attributes, so a reader's script (and the
/// tests) can check them against the JSON output.
enum HTMLRenderer {
  /// The whole report, ending with a newline.
  ///
  /// - Parameters:
  ///   - summary: the run; attach a deterministic reading first to draw the spreadsheet line.
  ///   - labels: the language of the words.
  ///   - generated: when the report was made, shown with the run's facts; left out when `nil`.
  ///   - scenarioPath: the scenario file, for the method note's command; "SCENARIO" when `nil`.
  static func render(
    _ summary: RunSummary, labels: Labels, generated: Date? = nil, scenarioPath: String? = nil
  ) -> String {
    let monteCarlo = summary.settings.mode == .montecarlo
    var html = documentStart(title: summary.scenario.name, labels: labels)
    html += header(summary, labels: labels, generated: generated)
    html += verdict(summary, labels: labels)
    html += figure(
      id: "fan", title: labels.fanChartTitle, svg: FanChart.render(summary, labels: labels),
      caption: fanCaption(summary, labels))
    if !summary.payback.isEmpty {
      html += monteCarlo ? payback(summary, labels: labels) : paybackYears(summary, labels: labels)
    }
    if monteCarlo, let histogram = HistogramChart.render(summary, labels: labels),
      let lastYear = summary.years.last
    {
      html += figure(
        id: "histogram", title: labels.histogramTitle(lastYear), svg: histogram,
        caption: labels.histogramCaption(summary.settings.iterations))
    }
    if DriversText.applies(summary) { html += drivers(summary, labels: labels) }
    html += yearlyTable(summary, labels: labels)
    html += outcomes(summary, labels: labels)
    html += register(summary, labels: labels)
    html += method(summary, labels: labels, scenarioPath: scenarioPath)
    html += "</body>\n</html>\n"
    return html
  }

  /// The document up to `<body>`: doctype, language, title and the stylesheet.
  static func documentStart(title: String, labels: Labels) -> String {
    var html = "<!DOCTYPE html>\n"
    html += "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"\(labels.language.rawValue)\">\n"
    html += "<head>\n<meta charset=\"utf-8\"/>\n"
    html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
    html += "<title>\(XMLText.escape(ReportText.singleLine(title)))</title>\n"
    return html + "<style>\n\(HTMLStyle.css)\n</style>\n</head>\n<body>\n"
  }

  /// The run's facts as a definition list, with the report's date when known.
  static func factList(_ facts: [(term: String, value: String)], labels: Labels, generated: Date?)
    -> String
  {
    var facts = facts
    if let generated { facts.append((labels.date, dateText(generated))) }
    var html = "<dl class=\"facts\">\n"
    for (term, value) in facts {
      html += "<dt>\(text(term))</dt><dd>\(text(value))</dd>\n"
    }
    return html + "</dl>\n"
  }

  // MARK: - Header, verdict, figures

  private static func header(_ summary: RunSummary, labels: Labels, generated: Date?) -> String {
    let scenario = summary.scenario
    var html = "<header id=\"facts\">\n<h1>\(text(scenario.name))</h1>\n"
    if let description = scenario.description {
      html += "<p class=\"description\">\(text(description))</p>\n"
    }
    html += factList(ReportText.facts(summary, labels), labels: labels, generated: generated)
    return html + "</header>\n"
  }

  private static func verdict(_ summary: RunSummary, labels: Labels) -> String {
    let sentences = Verdict.sentences(summary, labels: labels)
    guard !sentences.isEmpty else { return "" }
    var html = "<section id=\"verdict\">\n<h2>\(text(labels.verdict))</h2>\n"
    if let headline = Verdict.headline(summary, labels: labels) {
      html += "<p class=\"headline\">\(text(headline))</p>\n"
    }
    return html + "<p class=\"details\">" + text(sentences.joined(separator: " "))
      + "</p>\n</section>\n"
  }

  static func figure(id: String, title: String, svg: String, caption: String) -> String {
    "<section id=\"\(id)\">\n<h2>\(text(title))</h2>\n<figure>\n\(svg)"
      + "<figcaption>\(text(caption))</figcaption>\n</figure>\n</section>\n"
  }

  /// The fan chart's caption: what its bands and lines are, and which are missing and why.
  static func fanCaption(_ summary: RunSummary, _ labels: Labels) -> String {
    guard summary.settings.mode == .montecarlo else { return labels.fanCaptionDeterministic }
    var caption = labels.fanCaption
    let levels = Set(summary.settings.percentileLevels)
    let missing = [5.0, 25, 50, 75, 95].filter { !levels.contains($0) }
    if !missing.isEmpty {
      caption += " " + labels.levelsNotComputed(missing.map(AmountFormatting.level))
    }
    if summary.deterministic == nil { caption += " " + labels.noSpreadsheetLine }
    return caption
  }

  // MARK: - Payback

  /// The payback curve and its table. When every probability is below 5 %, the table comes
  /// first and the chart's axis ends at a round level above the largest probability: on a
  /// 0–100 % axis such a chart would be empty.
  private static func payback(_ summary: RunSummary, labels: Labels) -> String {
    let heading = "<h2>\(text(labels.paybackChartTitle))</h2>\n"
    let axis = PaybackChart.axisTop(summary)
    var caption = labels.paybackProbabilitySentence
    if let note = ReportText.paybackMCSENote(summary.payback, labels) { caption += " " + note }
    let figure = "<figure>\n\(PaybackChart.render(summary, labels: labels))"
      + "<figcaption>\(text(caption))</figcaption>\n</figure>\n"
    let open = "<section id=\"payback\">\n"
    guard axis < 1 else {
      return open + heading + figure + "<div class=\"keep\">\n"
        + paybackTable(summary, labels: labels) + "</div>\n</section>\n"
    }
    let top = AmountFormatting.percent(axis, decimals: 0)
    let note = "<p class=\"note\">\(text(labels.paybackAxisZoomed(top)))</p>\n"
    return open + "<div class=\"keep\">\n" + heading + note
      + paybackTable(summary, labels: labels) + "</div>\n" + figure + "</section>\n"
  }

  private static func paybackTable(_ summary: RunSummary, labels: Labels) -> String {
    let years = summary.years.enumerated().map { index, year in
      "\(labels.yearsShort(index + 1)) (\(year))"
    }
    var html = "<table class=\"payback\">\n"
    html += head(
      [labels.definition],
      numeric: years + [labels.notWithinHorizon, labels.medianYear, labels.deterministicYear])
    html += "<tbody>\n"
    for payback in summary.payback {
      html += "<tr data-payback=\"\(text(payback.name))\">"
      html += "<th>\(text(ReportText.paybackLabel(payback, summary.scenario, labels)))</th>"
      for (index, p) in payback.probabilityByYear.enumerated() {
        let mcse = index < payback.probabilityMCSE.count ? payback.probabilityMCSE[index] : 0
        html += "<td class=\"num\" data-value=\"\(JSONValue.format(p))\""
        html += " data-mcse=\"\(JSONValue.format(mcse))\">"
        html += "\(text(AmountFormatting.probability(p)))</td>"
      }
      let notWithin = payback.probabilityNotWithinHorizon
      html += "<td class=\"num\" data-value=\"\(JSONValue.format(notWithin))\">"
      html += "\(text(AmountFormatting.probability(notWithin)))</td>"
      html += "<td class=\"num\">"
      html += text(ReportText.paybackYear(payback.medianYear, years: summary.years, labels))
      html += "</td><td class=\"num\">"
      let known = payback.deterministicYear != nil || summary.deterministic != nil
      html += known
        ? text(ReportText.paybackYear(payback.deterministicYear, years: summary.years, labels))
        : AmountFormatting.notAvailable
      html += "</td></tr>\n"
    }
    return html + "</tbody>\n</table>\n"
  }

  /// A deterministic run's payback: the year of each definition, with no probabilities to
  /// draw (a curve of one future would only jump from 0 to 100 %).
  private static func paybackYears(_ summary: RunSummary, labels: Labels) -> String {
    let start = summary.years.first ?? summary.scenario.start
    var html = "<section id=\"payback\">\n<div class=\"keep\">\n"
    html += "<h2>\(text(labels.paybackYearTitle))</h2>\n"
    html += "<p class=\"note\">\(text(labels.paybackDeterministicSentence))</p>\n"
    html += "<table class=\"payback\">\n"
    html += head([labels.definition, labels.paidBackAfter]) + "<tbody>\n"
    for payback in summary.payback {
      let year = ReportText.deterministicYear(payback)
      html += "<tr data-payback=\"\(text(payback.name))\""
      html += year.map { " data-year=\"\($0)\"" } ?? ""
      html += "><th>\(text(ReportText.paybackLabel(payback, summary.scenario, labels)))</th>"
      html += "<td>\(text(ReportText.paybackSentence(year, start: start, labels)))</td></tr>\n"
    }
    return html + "</tbody>\n</table>\n</div>\n</section>\n"
  }

  // MARK: - Text

  /// A table head: label columns first, then right-aligned numeric ones. A heading may wrap,
  /// but never between a number and its percent sign ("≤ 10 %" stays on one line).
  static func head(_ labels: [String], numeric: [String] = [], after: [String] = []) -> String {
    func heading(_ label: String) -> String {
      text(label.replacingOccurrences(of: " %", with: "\u{00A0}%"))
    }
    var html = "<thead><tr>"
    for label in labels { html += "<th>\(heading(label))</th>" }
    for label in numeric { html += "<th class=\"num\">\(heading(label))</th>" }
    for label in after { html += "<th>\(heading(label))</th>" }
    return html + "</tr></thead>\n"
  }

  /// Scenario or label text for XML.
  static func text(_ value: String) -> String {
    XMLText.escape(value)
  }

  /// "2024-05-31 14:02 UTC+02:00": the local time the report was made, with its offset.
  static func dateText(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyy-MM-dd HH:mm xxx"
    return formatter.string(from: date)
  }
}
