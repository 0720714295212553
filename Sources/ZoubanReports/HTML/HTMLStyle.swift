/// The page's stylesheet, inline in `<style>`: fonts the office's computers already have, charts
/// coloured by class, and print rules that put each roll-call sheet on its own page.
enum HTMLStyle {
  static let css = """
    :root { --accent: #2f7d5a; --accent-soft: #eaf4ee; --line: #d3dad6; --muted: #5f6b66; --warn: #b45309; --bad: #b42318; }
    * { box-sizing: border-box; }
    body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", sans-serif;
      margin: 0 auto; max-width: 1240px; padding: 1.2em 2em 3em; color: #1f2623; line-height: 1.5; background: #fff; }
    header h1 { font-size: 1.7em; margin: 0.2em 0 0; }
    .term { color: var(--muted); margin: 0.1em 0 0.6em; }
    nav.toc { display: flex; flex-wrap: wrap; gap: 0.3em 1.2em; padding: 0.5em 0.8em; background: var(--accent-soft); border-radius: 6px; }
    nav.toc a { color: var(--accent); text-decoration: none; }
    h2 { font-size: 1.35em; margin: 1.8em 0 0.6em; padding-bottom: 0.2em; border-bottom: 2px solid var(--accent); }
    h3 { font-size: 1.08em; margin: 1.2em 0 0.4em; }
    .muted { color: var(--muted); font-size: 0.9em; }
    .alert { padding: 0.6em 1em; border-left: 4px solid var(--bad); background: #fdf1f0; }
    .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(210px, 1fr)); gap: 0.8em; }
    .card { border: 1px solid var(--line); border-radius: 8px; padding: 0.6em 0.9em; background: #fbfcfb; }
    .card .label { color: var(--muted); font-size: 0.88em; }
    .card .value { font-size: 1.55em; font-weight: 700; line-height: 1.3; }
    .card .note { color: var(--muted); font-size: 0.82em; }
    .card.good .value { color: var(--accent); } .card.warn .value { color: var(--warn); } .card.bad .value { color: var(--bad); }
    .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(460px, 1fr)); gap: 1em; align-items: start; }
    figure { margin: 0; border: 1px solid var(--line); border-radius: 8px; padding: 0.6em 0.8em; overflow-x: auto; }
    figure.wide { grid-column: 1 / -1; }
    figcaption { font-weight: 600; margin-bottom: 0.3em; }
    svg.chart { display: block; max-width: 100%; height: auto; font-size: 12px; font-family: inherit; }
    svg.chart text { fill: #1f2623; }
    svg.chart text.tick { fill: var(--muted); font-size: 11px; }
    svg.chart text.value { font-variant-numeric: tabular-nums; }
    svg.chart text.inside { fill: #fff; font-size: 11px; } svg.chart text.inside.dark { fill: #1f2623; }
    svg.chart text.off { fill: var(--bad); }
    svg.chart .bar { fill: #3a9a6c; } svg.chart .bar.other { fill: #8fb5d6; } svg.chart .bar.any { fill: #8fb5d6; }
    svg.chart .bar.miss { fill: #d9826f; } svg.chart .bar.stay { fill: #b9c2be; }
    svg.chart .grid { stroke: #e6ebe8; stroke-width: 1; } svg.chart .baseline { stroke: #9aa5a0; stroke-width: 1; }
    svg.chart g:hover rect { opacity: 0.8; }
    .scroll { overflow-x: auto; }
    table { border-collapse: collapse; margin: 0.3em 0 1em; font-size: 0.9em; }
    th, td { border: 1px solid var(--line); padding: 0.28em 0.55em; text-align: left; vertical-align: top; }
    thead th { background: var(--accent-soft); } thead th.short { white-space: nowrap; }
    tbody th { background: #f6f8f7; font-weight: 600; white-space: nowrap; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    td.num { white-space: nowrap; }
    .pct { display: inline-block; min-width: 3.4em; }
    tr.total td { font-weight: 700; background: #f6f8f7; }
    tr.off td { color: var(--muted); } td.status-off { color: var(--bad); }
    .meter { display: inline-block; width: 60px; height: 0.7em; margin-right: 0.5em; background: #edf1ef; vertical-align: middle; }
    .meter span { display: block; height: 100%; background: #3a9a6c; }
    table.grid td { min-width: 9em; }
    table.grid th.slot, table.grid thead th:first-child { position: sticky; left: 0; z-index: 1; }
    table.grid thead th { white-space: nowrap; }
    table.grid th.slot small, table.grid .entry small { display: block; color: var(--muted); font-weight: normal; font-size: 0.85em; }
    table.grid .entry b { font-weight: 600; }
    table.grid .entry + .entry { border-top: 1px dashed var(--line); margin-top: 0.3em; padding-top: 0.3em; }
    table.unplaced td:last-child { min-width: 24em; }
    details { margin: 0.35em 0; }
    summary { cursor: pointer; }
    details.roster { border: 1px solid var(--line); border-radius: 6px; padding: 0.3em 0.8em; }
    details.roster[open] { padding-bottom: 0.6em; }
    table.roster { min-width: 28em; }
    table.roster td.attend { width: 8em; }
    table.roster th { white-space: nowrap; }
    .print-only { display: none; }
    @media print {
      @page { size: A4; margin: 12mm; }
      body { max-width: none; padding: 0; font-size: 10.5pt; }
      .screen { display: none !important; }
      .print-only { display: block; }
      h2 { break-after: avoid; }
      h3 { break-after: avoid; }
      .card, figure, tr, .entry { break-inside: avoid; }
      thead { display: table-header-group; }
      .scroll, figure { overflow: visible; }
      .charts { display: block; } figure { margin-bottom: 0.8em; }
      @page grids { size: A4 landscape; margin: 10mm; }
      section.grids { page: grids; }
      table.grid { font-size: 7.5pt; width: 100%; } table.grid td { min-width: 0; padding: 0.2em 0.3em; }
      table.grid th.slot { position: static; }
      svg.chart, .meter, .bar { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
      details::details-content { content-visibility: visible; display: contents; }
      details.roster > summary { display: none; }
      details.roster { break-before: page; border: none; padding: 0; margin: 0; }
      .roster-head h3 { font-size: 1.4em; margin: 0.2em 0; }
      table.roster { width: 100%; font-size: 10.5pt; line-height: 1.3; }
      table.roster td { padding: 0.15em 0.6em; }
      table.roster td:first-child { width: 3em; } table.roster td.attend { width: 30%; }
    }

    """
}
