namespace GoMonorepoBuild.Reports;

/// <summary>
/// The report page's stylesheet: light and dark schemes (the reader's system setting) through variables, a table
/// that fits the window (long cells wrap; narrow windows drop the bar and saved-time columns), charts that shrink.
/// </summary>
static class ReportPageStyle
{
    public const string Css = """
        :root { color-scheme: light dark; --bg: #f6f7f9; --card: #fff; --fg: #1f2328; --muted: #57606a; --border: #d0d7de;
          --grid: #e1e5ea; --head: #24292f; --failed: #b42318; --built: #1e7a43; --cancelled: #8a6100; --skipped: #57606a; }
        @media (prefers-color-scheme: dark) {
          :root { --bg: #0d1117; --card: #161b22; --fg: #e6edf3; --muted: #9198a1; --border: #30363d; --grid: #2a3038;
            --head: #010409; --failed: #ff7b72; --built: #56d364; --cancelled: #e3b341; --skipped: #9198a1; }
        }
        * { box-sizing: border-box; }
        body { font: 14px/1.4 system-ui, sans-serif; margin: 0; background: var(--bg); color: var(--fg); }
        header { background: var(--head); color: #fff; padding: 10px 20px; }
        header h1 { margin: 0; font-size: 19px; }
        header p { margin: 2px 0 0; color: #c9d1d9; }
        main { padding: 10px 20px; max-width: 1600px; }
        h2 { font-size: 16px; margin: 14px 0 6px; }
        .top { display: flex; flex-wrap: wrap; gap: 12px; align-items: flex-start; }
        .totals { display: grid; grid-template-columns: repeat(4, minmax(90px, 1fr)); gap: 6px; margin: 0; flex: 1 1 380px; }
        .totals div { background: var(--card); border: 1px solid var(--border); border-radius: 6px; padding: 4px 10px; }
        .totals dt { font-size: 11px; text-transform: uppercase; color: var(--muted); }
        .totals dd { margin: 0; font-size: 18px; font-weight: 600; }
        .totals .failed dd { color: var(--failed); }
        .fleet { flex: 1 1 480px; margin: 0; background: var(--card); border: 1px solid var(--border); border-radius: 6px; padding: 4px; }
        .controls { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; margin: 10px 0 6px; }
        .controls input[type=search] { min-width: 16em; padding: 3px 6px; }
        #shown { color: var(--muted); }
        table { width: 100%; border-collapse: collapse; table-layout: fixed; background: var(--card); }
        th, td { border-bottom: 1px solid var(--border); padding: 3px 6px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
        th { font-size: 12px; color: var(--muted); }
        th button { all: unset; cursor: pointer; }
        th button:focus-visible { outline: 2px solid var(--fg); }
        th[aria-sort=ascending] button::after { content: " ▲"; } th[aria-sort=descending] button::after { content: " ▼"; }
        td.num { text-align: right; white-space: nowrap; }
        col.c-service { width: 14%; } col.c-status { width: 8%; } col.c-cached { width: 8%; } col.c-bar { width: 196px; }
        col.c-time { width: 7%; } col.c-saved { width: 7%; } col.c-missed { width: auto; } col.c-image { width: 7%; }
        .status { font-weight: 600; white-space: nowrap; }
        .status.failed { color: var(--failed); } .status.built { color: var(--built); }
        .status.cancelled { color: var(--cancelled); } .status.skipped { color: var(--skipped); }
        tr.failed td:first-child { box-shadow: inset 4px 0 var(--failed); }
        tr.cancelled td:first-child { box-shadow: inset 4px 0 var(--cancelled); }
        tbody.skipped { display: none; }
        table.expand-skipped tbody.skipped, table:has(#show-skipped:checked) tbody.skipped { display: table-row-group; }
        tbody.toggle td { color: var(--muted); background: var(--bg); }
        .missed code { font-size: 12px; }
        .muted, .reason { color: var(--muted); }
        svg { display: block; max-width: 100%; height: auto; font: 11px system-ui, sans-serif; }
        svg text { fill: var(--fg); } svg text.muted { fill: var(--muted); } svg text.axis-title { fill: var(--muted); font-style: italic; }
        svg text.chart-title { font-weight: 600; } svg text.on-bar { fill: #fff; font-size: 10px; font-weight: 600; }
        svg .grid { stroke: var(--grid); } svg .axis { stroke: var(--muted); }
        details.service { background: var(--card); border: 1px solid var(--border); border-radius: 6px; margin: 8px 0; padding: 4px 12px; content-visibility: auto; contain-intrinsic-size: auto 40px; }
        details.service > summary { cursor: pointer; font-weight: 600; padding: 4px 0; }
        details.service.failed { border-left: 5px solid var(--failed); }
        .figures { display: flex; flex-wrap: wrap; gap: 16px; margin: 6px 0; }
        .figures dt { font-size: 11px; text-transform: uppercase; color: var(--muted); }
        .figures dd { margin: 0; font-weight: 600; }
        .chain { margin: 4px 0; color: var(--muted); }
        figure.chart { margin: 8px 0; }
        pre { background: var(--bg); padding: 8px; overflow-x: auto; white-space: pre-wrap; overflow-wrap: anywhere; }
        @media (max-width: 900px) {
          main { padding: 8px 10px; }
          col.c-bar, col.c-saved, td.bar, th.bar, td.saved, th.saved { display: none; }
          col.c-service { width: 20%; } col.c-status { width: 12%; } col.c-cached { width: 12%; } col.c-time { width: 10%; } col.c-image { width: 10%; }
          .totals { flex-basis: 100%; } .totals dd { font-size: 15px; }
        }
        @media (max-width: 600px) {
          .totals { grid-template-columns: repeat(2, 1fr); }
          .controls input[type=search] { min-width: 0; width: 12em; }
          #overview, #overview tr { display: block; }
          #overview colgroup, #overview thead { display: none; }
          #overview tbody:not(.skipped), #overview.expand-skipped tbody.skipped, #overview:has(#show-skipped:checked) tbody.skipped { display: block; }
          #overview td { display: none; border: 0; padding: 2px 6px; }
          #overview td:nth-child(1), #overview td:nth-child(2), #overview tbody.toggle td { display: inline-block; }
          #overview td.missed { display: block; }
          #overview tr { border-bottom: 1px solid var(--border); }
        }
        """;
}
