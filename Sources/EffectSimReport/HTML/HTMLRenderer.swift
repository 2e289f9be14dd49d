import EffectSim
import Foundation

/// The `--format html` output: one self-contained decision report.
///
/// Inline CSS and inline SVG, no JavaScript, nothing fetched, so the file opens on a closed
/// municipal network and prints on A4. The markup is XHTML-compatible (every element closed,
/// only XML's five entities), so any XML parser reads it. Sections, in order: title and the
/// run's facts; the verdict; the fan chart; the payback curve; the histogram at the horizon;
/// what drives the risk (Monte Carlo); the yearly table; outcomes and calibration; the
/// assumptions register; the method note.
///
/// Amounts in tables are thousands of kroner as in the business cases; charts use mio. kr.
/// Table cells carry their values in full precision as `data-` attributes, so a reader's
/// script (and the tests) can check them against the JSON output.
enum HTMLRenderer {
  /// The whole report, ending with a newline.
  ///
  /// - Parameters:
  ///   - summary: the run; attach a deterministic reading first to draw the spreadsheet line.
  ///   - labels: the language of the words.
  ///   - generated: when the report was made, shown with the run's facts; left out when `nil`.
  static func render(_ summary: RunSummary, labels: Labels, generated: Date? = nil) -> String {
    var html = documentStart(title: summary.scenario.name, labels: labels)
    html += header(summary, labels: labels, generated: generated)
    html += verdict(summary, labels: labels)
    html += figure(
      id: "fan", title: labels.fanChartTitle, svg: FanChart.render(summary, labels: labels),
      caption: fanCaption(summary, labels))
    if !summary.payback.isEmpty { html += payback(summary, labels: labels) }
    if let histogram = HistogramChart.render(summary, labels: labels),
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
    html += method(summary, labels: labels)
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
    return "<section id=\"verdict\">\n<h2>\(text(labels.verdict))</h2>\n<p>"
      + text(sentences.joined(separator: " ")) + "</p>\n</section>\n"
  }

  static func figure(id: String, title: String, svg: String, caption: String) -> String {
    "<section id=\"\(id)\">\n<h2>\(text(title))</h2>\n<figure>\n\(svg)"
      + "<figcaption>\(text(caption))</figcaption>\n</figure>\n</section>\n"
  }

  private static func fanCaption(_ summary: RunSummary, _ labels: Labels) -> String {
    var caption = labels.fanCaption
    if summary.settings.mode == .montecarlo {
      let levels = Set(summary.settings.percentileLevels)
      let missing = [5.0, 25, 50, 75, 95].filter { !levels.contains($0) }
      if !missing.isEmpty {
        caption += " " + labels.levelsNotComputed(missing.map(AmountFormatting.level))
      }
      if summary.deterministic == nil { caption += " " + labels.noSpreadsheetLine }
    }
    return caption
  }

  // MARK: - Payback

  private static func payback(_ summary: RunSummary, labels: Labels) -> String {
    var html = "<section id=\"payback\">\n<h2>\(text(labels.paybackChartTitle))</h2>\n"
    html += "<figure>\n\(PaybackChart.render(summary, labels: labels))"
    var caption = labels.paybackProbabilitySentence
    if let note = ReportText.paybackMCSENote(summary.payback, labels) { caption += " " + note }
    html += "<figcaption>\(text(caption))</figcaption>\n</figure>\n"
    let start = summary.years.first ?? summary.scenario.start
    let years = summary.years.enumerated().map { index, year in
      "\(labels.yearsShort(index + 1)) (\(year))"
    }
    html += "<table class=\"payback\">\n"
    html += head(
      [labels.definition],
      numeric: years + [labels.notWithinHorizon, labels.medianYear, labels.deterministicYear])
    html += "<tbody>\n"
    for payback in summary.payback {
      html += "<tr><th>\(text(ReportText.paybackLabel(payback, labels)))</th>"
      for (index, p) in payback.probabilityByYear.enumerated() {
        let mcse = index < payback.probabilityMCSE.count ? payback.probabilityMCSE[index] : 0
        html += "<td class=\"num\" data-value=\"\(JSONValue.format(p))\""
        html += " data-mcse=\"\(JSONValue.format(mcse))\">\(AmountFormatting.percent(p))</td>"
      }
      let notWithin = payback.probabilityNotWithinHorizon
      html += "<td class=\"num\" data-value=\"\(JSONValue.format(notWithin))\">"
      html += "\(AmountFormatting.percent(notWithin))</td>"
      html += "<td class=\"num\">"
      html += text(ReportText.paybackYear(payback.medianYear, start: start, none: labels.none))
      html += "</td><td class=\"num\">"
      let deterministic =
        summary.settings.mode == .deterministic ? payback.medianYear : payback.deterministicYear
      let known = summary.settings.mode == .deterministic || payback.deterministicYear != nil
        || summary.deterministic != nil
      html += known
        ? text(ReportText.paybackYear(deterministic, start: start, none: labels.never))
        : AmountFormatting.notAvailable
      html += "</td></tr>\n"
    }
    return html + "</tbody>\n</table>\n</section>\n"
  }

  // MARK: - Text

  /// A table head: label columns first, then right-aligned numeric ones.
  static func head(_ labels: [String], numeric: [String] = [], after: [String] = []) -> String {
    var html = "<thead><tr>"
    for label in labels { html += "<th>\(text(label))</th>" }
    for label in numeric { html += "<th class=\"num\">\(text(label))</th>" }
    for label in after { html += "<th>\(text(label))</th>" }
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
