/// The report's one stylesheet, inline so the file stands alone on a closed network.
///
/// Screen: a single readable column that still fits a 700 px window. Print: A4 with margins;
/// figures, small tables (`.keep`) and each parameter of the register kept whole across page
/// breaks, table headers repeated on a new page, headings kept with what follows them.
/// Words never break inside (no `overflow-wrap: anywhere`): a column that needs room gets it
/// from the automatic table layout, and only a single word wider than its whole cell (a long
/// parameter name on a narrow page) may break.
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
    dl.facts dd { margin: 0; overflow-wrap: break-word; min-width: 0; }
    #verdict { background: #f1f5fa; border-left: 4px solid #08306b; padding: 10px 14px; }
    #verdict h2 { margin-top: 0; border-bottom: none; }
    #verdict p { margin: 6px 0 0 0; }
    #verdict p.headline { font-size: 17px; font-weight: bold; margin: 0; }
    #verdict p.details { font-size: 14.5px; }
    figure { margin: 8px 0 4px 0; break-inside: avoid; page-break-inside: avoid; }
    figure svg { display: block; width: 100%; max-width: 720px; height: auto; }
    figcaption { font-size: 12px; color: #555555; max-width: 720px; }
    .keep { break-inside: avoid; page-break-inside: avoid; max-width: 100%; overflow-x: auto; }
    table { border-collapse: collapse; font-size: 13px; margin: 8px 0; }
    thead { display: table-header-group; }
    th, td { padding: 4px 8px; border-bottom: 1px solid #e2e2e2; vertical-align: top;
      text-align: left; }
    th { font-weight: bold; }
    thead th { border-bottom: 1.5px solid #888888; vertical-align: bottom; }
    thead th.num { white-space: normal; }
    .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .range { display: block; color: #666666; font-size: 11px; }
    tr.total td, tr.total th { font-weight: bold; border-top: 1.5px solid #555555; }
    tr, tbody.parameter { break-inside: avoid; page-break-inside: avoid; }
    table.yearly th, table.payback th { hyphens: manual; }
    table.register { width: 100%; font-size: 12px; }
    table.register td { border-bottom: none; }
    table.register tbody.parameter { border-bottom: 1px solid #d6d6d6; }
    table.register td code { overflow-wrap: break-word; }
    table.register tr.about td { padding-top: 0; color: #444444; font-size: 11.5px; }
    table.register .about-source { color: #666666; }
    .note { color: #555555; font-size: 12px; }
    table.drivers { font-size: 12.5px; }
    table.drivers th { white-space: nowrap; }
    table.drivers thead th { white-space: normal; }
    table.drivers th, table.drivers td { padding: 4px 6px; }
    #drivers p { max-width: 820px; }
    #method p { max-width: 820px; }
    code { font-family: Menlo, Consolas, monospace; font-size: 12px; }
    @media (max-width: 760px) {
      body { padding: 10px 8px 30px 8px; font-size: 13px; }
      table { font-size: 12px; }
      th, td { padding: 3px 5px; }
      .range { font-size: 10.5px; }
      table.drivers { font-size: 11.5px; }
      table.drivers th, table.drivers td { padding: 3px 4px; }
    }
    @media print {
      body { max-width: none; padding: 0; font-size: 10.5pt; }
      #verdict { background: #ffffff; }
      h2 { margin-top: 18px; }
      .keep { overflow: visible; }
      figure svg { max-width: 165mm; }
    }
    """
}
