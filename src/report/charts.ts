import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import type { GroupRow } from "../grading/aggregate.ts";
import { FAILURE_KINDS } from "../grading/failure-types.ts";
import type { Leaderboard, LeaderboardRow } from "./leaderboard.ts";
import { FAILURE_LABELS } from "./tables.ts";

/**
 * The report's charts: Vega-Lite specs built from the leaderboard (pure, inline data only, so
 * nothing is fetched), rendered to static SVG in Node with Vega's headless view. The page ships
 * the SVG, not Vega.
 */
export interface ChartSpec {
  id: string;
  title: string;
  /** What the chart shows, for the page and as the SVG's accessible description. */
  caption: string;
  spec: TopLevelSpec;
}

export interface RenderedChart {
  id: string;
  title: string;
  caption: string;
  svg: string;
}

const SIZE = { width: 360, height: 220 };
const CONFIG = { font: "system-ui, sans-serif", axis: { labelLimit: 170 }, legend: { labelLimit: 200 } };

function base(title: string) {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title,
    config: CONFIG,
    ...SIZE,
  } as const;
}

/**
 * Chart labels for agents: the provider prefix (`openai-compatible:`) is dropped when the short
 * names stay distinct, so axis and legend labels keep the part that tells models apart.
 */
export function agentLabels(agents: readonly string[]): (agent: string) => string {
  const unique = [...new Set(agents)];
  const short = (agent: string) => agent.replace(/^[a-z-]+:(?=.)/, "");
  const distinct = new Set(unique.map(short)).size === unique.length;
  return distinct ? short : (agent) => agent;
}

/** Overall per model, one bar per condition side by side, with 95% intervals. */
export function syncAsyncSpec(rows: readonly LeaderboardRow[]): ChartSpec | null {
  const label = agentLabels(rows.map((row) => row.agent));
  const values = rows
    .filter((row) => row.overall.mean !== null)
    .map((row) => ({
      agent: label(row.agent),
      condition: `${row.condition} (${row.protocol})`,
      overall: row.overall.mean,
      low: row.overall.low,
      high: row.overall.high,
    }));
  if (values.length === 0) return null;
  const x = { field: "agent", type: "nominal", title: null, axis: { labelAngle: -20 } } as const;
  const xOffset = { field: "condition", type: "nominal" } as const;
  return {
    id: "sync-async",
    title: "Sync vs async per model",
    caption:
      "Overall (scenario success rate) per model under each condition; whiskers are 95% bootstrap intervals.",
    spec: {
      ...base("Overall by model and condition"),
      data: { values },
      encoding: { x, xOffset },
      layer: [
        {
          mark: "bar",
          encoding: {
            y: { field: "overall", type: "quantitative", title: "Overall", scale: { domain: [0, 1] } },
            color: { field: "condition", type: "nominal", title: "condition" },
          },
        },
        {
          mark: { type: "rule", color: "#333" },
          encoding: { y: { field: "low", type: "quantitative" }, y2: { field: "high" } },
        },
      ],
    } as TopLevelSpec,
  };
}

/** Each agent × condition as a point: AE across, Overall up. Only rows where AE is defined. */
export function overallVersusAeSpec(rows: readonly LeaderboardRow[]): ChartSpec | null {
  const label = agentLabels(rows.map((row) => row.agent));
  const values = rows
    .filter((row) => row.asyncEfficiency.mean !== null && row.overall.mean !== null)
    .map((row) => ({
      agent: label(row.agent),
      condition: row.condition,
      ae: row.asyncEfficiency.mean,
      overall: row.overall.mean,
    }));
  if (values.length === 0) return null;
  // Padded domains so points at AE 0 or 1 and Overall 0 or 1 are not cut by the frame.
  const lowestAe = Math.min(0, ...values.map((value) => value.ae ?? 0));
  return {
    id: "overall-ae",
    title: "Overall against async efficiency",
    caption:
      "Correctness against speed: AE 1 = as fast as the oracle, 0 = no faster than working sequentially, below 0 = slower.",
    spec: {
      ...base("Overall against AE"),
      data: { values },
      mark: { type: "point", filled: true, size: 90, opacity: 0.8 },
      encoding: {
        x: {
          field: "ae",
          type: "quantitative",
          title: "async efficiency (AE)",
          scale: { domain: [lowestAe - 0.05, 1.05], nice: false },
        },
        y: {
          field: "overall",
          type: "quantitative",
          title: "Overall",
          scale: { domain: [-0.05, 1.05], nice: false },
        },
        color: { field: "agent", type: "nominal" },
        shape: { field: "condition", type: "nominal" },
      },
    } as TopLevelSpec,
  };
}

/** Heat map: share of episodes with each failure kind, per agent × condition. */
export function failureSpec(rows: readonly LeaderboardRow[]): ChartSpec | null {
  const label = agentLabels(rows.map((row) => row.agent));
  const values = rows.flatMap((row) =>
    FAILURE_KINDS.map((kind) => ({
      run: `${label(row.agent)} · ${row.condition}`,
      kind: FAILURE_LABELS[kind],
      share: row.failures[kind],
      label: row.failures[kind] > 0 ? `${Math.round(row.failures[kind] * 100)}%` : "",
    })),
  );
  if (rows.length === 0) return null;
  const y = { field: "run", type: "nominal", title: null, sort: null, axis: { labelLimit: 280 } } as const;
  const x = { field: "kind", type: "nominal", title: null, sort: null, axis: { labelAngle: -35 } } as const;
  return {
    id: "failures",
    title: "Failure breakdown",
    caption: "Share of episodes with at least one failure of each kind (DESIGN §6.8).",
    spec: {
      ...base("Failure breakdown"),
      width: 420,
      height: { step: 22 },
      data: { values },
      encoding: { x, y },
      layer: [
        {
          mark: "rect",
          encoding: {
            color: {
              field: "share",
              type: "quantitative",
              title: "share",
              scale: { domain: [0, 1], scheme: "orangered" },
            },
          },
        },
        { mark: { type: "text", fontSize: 10 }, encoding: { text: { field: "label" } } },
      ],
    } as TopLevelSpec,
  };
}

/** Overall by number of tasks in the scenario, one line per agent × condition. */
export function taskCountSpec(rows: readonly GroupRow[]): ChartSpec | null {
  const label = agentLabels(rows.map((row) => row.agent));
  const values = rows
    .filter((row) => row.overall.mean !== null)
    .map((row) => ({
      tasks: Number(row.group),
      agent: label(row.agent),
      condition: row.condition,
      overall: row.overall.mean,
    }));
  if (values.length === 0) return null;
  return {
    id: "task-count",
    title: "Score by task count",
    caption: "Overall as more tasks run at once; a steep drop means the agent loses track under load.",
    spec: {
      ...base("Overall by task count"),
      data: { values },
      mark: { type: "line", point: true },
      encoding: {
        x: { field: "tasks", type: "ordinal", title: "tasks per scenario", axis: { labelAngle: 0 } },
        y: { field: "overall", type: "quantitative", title: "Overall", scale: { domain: [0, 1] } },
        color: { field: "agent", type: "nominal" },
        strokeDash: { field: "condition", type: "nominal" },
      },
    } as TopLevelSpec,
  };
}

export function chartSpecs(leaderboard: Leaderboard): ChartSpec[] {
  return [
    syncAsyncSpec(leaderboard.rows),
    overallVersusAeSpec(leaderboard.rows),
    failureSpec(leaderboard.rows),
    taskCountSpec(leaderboard.slices.taskCount),
  ].filter((chart): chart is ChartSpec => chart !== null);
}

/** Render one spec to an SVG string (no DOM, no network: data is inline). */
export async function renderChartSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none" });
  try {
    return assertStaticSvg(await view.toSVG());
  } finally {
    view.finalize();
  }
}

export async function renderCharts(leaderboard: Leaderboard): Promise<RenderedChart[]> {
  const charts: RenderedChart[] = [];
  for (const chart of chartSpecs(leaderboard))
    charts.push({
      id: chart.id,
      title: chart.title,
      caption: chart.caption,
      svg: await renderChartSvg(chart.spec),
    });
  return charts;
}

/**
 * Vega escapes every text it writes; this is a second line of defence before the SVG is pasted
 * into the page. Every tag is read with its attributes (values may hold escaped labels, which is
 * fine): no script or foreign content, no event handler attribute, no link.
 */
export function assertStaticSvg(svg: string): string {
  const refuse = () => {
    throw new Error("chart SVG contains active content; refusing to inline it");
  };
  if (!svg.startsWith("<svg")) refuse();
  for (const [, name = "", attributes = ""] of svg.matchAll(/<\/?([A-Za-z][\w:-]*)([^>]*)>/g)) {
    if (/^(script|foreignObject|iframe|object|embed)$/i.test(name)) refuse();
    for (const [, attribute = ""] of attributes.matchAll(/([^\s=/]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/g)) {
      // The charts never link anywhere, so any href is suspect.
      if (/^on|href$/i.test(attribute)) refuse();
    }
  }
  return svg;
}
