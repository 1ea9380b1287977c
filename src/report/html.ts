import { readFileSync } from "node:fs";
import type { RenderedChart } from "./charts.ts";
import { escapeHtml, jsonForScript, scriptHash } from "./escape.ts";
import type { PageData } from "./page-data.ts";
import type { Table } from "./tables.ts";

/**
 * The self-contained report page: leaderboard and slice tables rendered here (escaped), charts as
 * static SVG, the episode data as an inert JSON block, and one small inline script (the viewer)
 * that draws timelines and transcripts with textContent. A Content-Security-Policy allows only
 * that script (by hash) and no remote anything, so the page works from file:// and nothing a
 * model wrote can run even if some escaping were missed.
 */
const VIEWER_DIR = new URL("./viewer/", import.meta.url);

function viewerFile(name: string): string {
  return readFileSync(new URL(name, VIEWER_DIR), "utf8");
}

/** The inline script: timeline drawing, then the browser (which starts itself), in one scope. */
export function viewerScript(): string {
  return `(() => {\n"use strict";\n${viewerFile("timeline.js")}\n${viewerFile("viewer.js")}\n})();`;
}

export function viewerStyle(): string {
  return `${viewerFile("viewer.css")}\n${viewerFile("timeline.css")}`;
}

export function contentSecurityPolicy(script: string): string {
  return [
    "default-src 'none'",
    `script-src ${scriptHash(script)}`,
    "style-src 'unsafe-inline'",
    "img-src data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/** A table with its caption; `folded` puts it in a closed <details> (long slice tables). */
export function tableHtml(table: Table, folded = false): string {
  const numeric = table.headers.map(
    (_, column) => table.rows.length > 0 && table.rows.every((row) => typeof row[column] === "number"),
  );
  const head = table.headers.map((header) => `<th scope="col">${escapeHtml(header)}</th>`).join("");
  const body = table.rows
    .map(
      (row) =>
        `<tr>${row.map((cell, column) => `<td${numeric[column] ? ' class="number"' : ""}>${escapeHtml(cell)}</td>`).join("")}</tr>`,
    )
    .join("\n");
  const element = `<div class="table-scroll"><table class="data" id="table-${escapeHtml(table.id)}"><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table></div>`;
  if (folded)
    return `<details class="folded"><summary class="table-caption">${escapeHtml(table.title)} (${table.rows.length} rows)</summary>\n${element}\n</details>`;
  return `<div class="table-caption">${escapeHtml(table.title)}</div>\n${element}`;
}

function chartHtml(chart: RenderedChart): string {
  return `<figure class="chart" id="chart-${escapeHtml(chart.id)}" data-chart="${escapeHtml(chart.id)}">
${chart.svg}
<figcaption><b>${escapeHtml(chart.title)}.</b> ${escapeHtml(chart.caption)}</figcaption>
</figure>`;
}

const LEGEND = `<template id="timeline-legend"><div class="legend">
<span><i class="status-ok"></i>call (issue → completion)</span>
<span><i class="status-error"></i>error result</span>
<span><i class="status-fault"></i>injected fault</span>
<span><i class="status-invalid"></i>invalid / rejected</span>
<span>┈ result waiting to be delivered</span>
<span><i class="idle"></i>waiting (wait)</span>
<span><i class="blocked"></i>blocked (sync turn)</span>
<span><i class="flag-v"></i>! dependency violation</span>
<span><i class="flag-c"></i>? tool confusion</span>
<span>* other flagged failure</span>
<span><i class="answer-correct"></i>answer correct</span>
<span><i class="answer-wrong"></i>answer wrong</span>
<span>┆ T_agent · ↻ reminder</span>
</div></template>`;

export interface PageParts {
  data: PageData;
  leaderboardTables: Table[];
  sliceTables: Table[];
  charts: RenderedChart[];
  warnings: string[];
}

export function renderHtml(parts: PageParts): string {
  const { data } = parts;
  const script = viewerScript();
  const tables = (list: Table[], fold: (table: Table) => boolean) =>
    list
      .filter((table) => table.rows.length > 0)
      .map((table) => tableHtml(table, fold(table)))
      .join("\n") || "<p class=note>No graded episodes.</p>";
  const warnings =
    parts.warnings.length === 0
      ? ""
      : `<details class="note"><summary>${parts.warnings.length} loading notes</summary><ul>${parts.warnings
          .map((warning) => `<li>${escapeHtml(warning)}</li>`)
          .join("")}</ul></details>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(script))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(data.title)}</title>
<style>
${viewerStyle()}
</style>
</head>
<body>
<header>
<h1>${escapeHtml(data.title)}</h1>
<p class="sources">${data.episodes.length} episodes from ${data.sources.map((source) => `<code>${escapeHtml(source)}</code>`).join(", ")}</p>
<nav><a href="#leaderboard">Leaderboard</a><a href="#charts">Charts</a><a href="#episodes">Episodes</a><a href="#slices">Slices</a></nav>
${warnings}
</header>
<main>
<section id="leaderboard"><h2>Leaderboard</h2>
<p class="note">Overall = share of scenarios where every task succeeded. AE = (T_seq − T_agent) / (T_seq − T_opt): 1 is as fast as the oracle, 0 no faster than working one call at a time. Async gap = Overall under the sync condition minus Overall here. Brackets: 95% bootstrap intervals.</p>
${tables(parts.leaderboardTables, (table) => table.id !== "leaderboard")}
</section>
<section id="charts"><h2>Charts</h2>
<div class="charts">${parts.charts.map(chartHtml).join("\n")}</div>
</section>
<section id="episodes"><h2>Episodes</h2>
<p class="note">Pick an episode to see its timeline (one row per task, each tool call a bar from issue to completion) and the transcript beside it. Click a bar to find its call in the transcript.</p>
<div id="filters"></div>
<div class="browser">
<div class="episode-list"><table class="data"><thead><tr><th>scenario</th><th>agent</th><th>condition</th><th title="scenario success">ok</th><th title="async efficiency">AE</th><th title="makespan (ticks)">T</th><th>failures</th></tr></thead><tbody id="episode-rows"></tbody></table></div>
<div id="episode-detail"><p class="note">No episode selected.</p></div>
</div>
</section>
<section id="slices"><h2>Slices</h2>
<p class="note">The same metrics by number of tasks per scenario, by domain and by plan pattern (a scenario counts in every domain and pattern it holds).</p>
${tables(parts.sliceTables, () => true)}
</section>
</main>
${LEGEND}
<script type="application/json" id="report-data">${jsonForScript(data)}</script>
<script>${script}</script>
</body>
</html>
`;
}
