/// The report's one stylesheet, inline so the file stands alone on a closed network.
///
/// Screen: a single readable column. Print: A4 with margins, figures and table rows kept
/// whole across page breaks, headings kept with what follows them.
enum HTMLStyle {
  static let css = """
    @page { size: A4; margin: 15mm 14mm 16mm 14mm; }
    html { background: #ffffff; }
    body { font-family: Helvetica, Arial, sans-serif; color: #222222; line-height: 1.4;
      font-size: 14px; max-width: 960px; margin: 0 auto; padding: 16px 20px 40px 20px; }
    h1 { font-size: 24px; margin: 8px 0 4px 0; }
    h2 { font-size: 18px; margin: 30px 0 8px 0; padding-bottom: 3px;
      border-bottom: 1px solid #bbbbbb; break-after: avoid; page-break-after: avoid; }
    h3 { font-size: 15px; margin: 18px 0 6px 0; break-after: avoid; page-break-after: avoid; }
    p { margin: 6px 0; }
    .description { color: #444444; max-width: 820px; }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px;
      font-size: 13px; margin: 10px 0; }
    dl.facts dt { color: #555555; }
    dl.facts dd { margin: 0; }
    #verdict p { font-size: 15.5px; background: #f1f5fa; border-left: 4px solid #08306b;
      padding: 10px 14px; margin: 0; }
    figure { margin: 8px 0 4px 0; break-inside: avoid; page-break-inside: avoid; }
    figure svg { display: block; width: 100%; max-width: 720px; height: auto; }
    figcaption { font-size: 12px; color: #555555; max-width: 720px; }
    table { border-collapse: collapse; font-size: 13px; margin: 8px 0; }
    th, td { padding: 4px 8px; border-bottom: 1px solid #e2e2e2; vertical-align: top;
      text-align: left; }
    th { font-weight: bold; }
    thead th { border-bottom: 1.5px solid #888888; vertical-align: bottom; }
    .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .range { display: block; color: #666666; font-size: 11px; }
    tr.total td, tr.total th { font-weight: bold; border-top: 1.5px solid #555555; }
    tr { break-inside: avoid; page-break-inside: avoid; }
    table.register { table-layout: fixed; width: 100%; font-size: 11.5px; }
    table.register td { overflow-wrap: anywhere; }
    table.register col.c-name { width: 13%; }
    table.register col.c-distribution { width: 14%; }
    table.register col.c-scope { width: 7%; }
    table.register col.c-base { width: 7%; }
    table.register col.c-range { width: 11%; }
    table.register col.c-note { width: 32%; }
    table.register col.c-source { width: 16%; }
    .note { color: #555555; font-size: 12px; }
    table.drivers { font-size: 12.5px; }
    table.drivers th { white-space: nowrap; }
    #drivers p { max-width: 820px; }
    #method p { max-width: 820px; }
    code { font-family: Menlo, Consolas, monospace; font-size: 12px; }
    @media print {
      body { max-width: none; padding: 0; font-size: 10.5pt; }
      #verdict p { background: #ffffff; }
      h2 { margin-top: 18px; }
    }
    """
}
