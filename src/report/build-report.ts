import { buildPageData } from "./build-page-data.ts";
import { type RenderedChart, renderCharts } from "./charts.ts";
import { renderHtml } from "./html.ts";
import { buildLeaderboard, type Leaderboard, SLICE_DIMENSIONS } from "./leaderboard.ts";
import type { EpisodeDetail, PageData } from "./page-data.ts";
import type { ReportInput } from "./report-episode.ts";
import { failureTable, leaderboardTable, sliceTable } from "./tables.ts";

/** Everything `report` and `view` show, built once from loaded runs. */
export interface BuiltReport {
  input: ReportInput;
  leaderboard: Leaderboard;
  charts: RenderedChart[];
  title: string;
}

export interface BuildOptions {
  title?: string;
  /** Seed of the bootstrap intervals. */
  seed?: number;
}

export async function buildReport(input: ReportInput, options: BuildOptions = {}): Promise<BuiltReport> {
  const leaderboard = buildLeaderboard(
    input.episodes,
    options.seed === undefined ? {} : { seed: options.seed },
  );
  return {
    input,
    leaderboard,
    charts: await renderCharts(leaderboard),
    title: options.title ?? defaultTitle(input),
  };
}

function defaultTitle(input: ReportInput): string {
  const sources = input.sources.length === 1 ? `run ${input.sources[0]}` : `${input.sources.length} runs`;
  return `asynctool report — ${sources}`;
}

/**
 * The page: with `inline` every timeline is in the file (report.html); without, the viewer
 * fetches `episodes/<index>.json` (asynctool view), which keeps big runs quick to open.
 */
export function reportPage(
  built: BuiltReport,
  options: { inline: boolean },
): { html: string; data: PageData; details: EpisodeDetail[] } {
  const { data, details } = buildPageData(built.input, { title: built.title, inlineDetails: options.inline });
  const html = renderHtml({
    data,
    leaderboardTables: [leaderboardTable(built.leaderboard.rows), failureTable(built.leaderboard.rows)],
    sliceTables: SLICE_DIMENSIONS.map((dimension) =>
      sliceTable(dimension, built.leaderboard.slices[dimension]),
    ),
    charts: built.charts,
    warnings: built.input.warnings,
  });
  return { html, data, details };
}

/** `asynctool report --json`: the leaderboard rows, every async gap, and the slices. */
export function reportJson(built: BuiltReport) {
  return {
    sources: built.input.sources,
    episodes: built.input.episodes.length,
    leaderboard: built.leaderboard.rows,
    gaps: built.leaderboard.gaps,
    slices: built.leaderboard.slices,
    warnings: built.input.warnings,
  };
}
