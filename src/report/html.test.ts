import { beforeAll, describe, expect, it } from "vitest";
import { type BuiltReport, buildReport, reportPage } from "./build-report.ts";
import { scriptHash } from "./escape.ts";
import { tableHtml } from "./html.ts";
import { PageData } from "./page-data.ts";
import { fakeEpisode } from "./testing/fake-episode.ts";

const HOSTILE_AGENT = `<img src=x onerror="alert('agent')">`;
const HOSTILE_WARNING = "</details><script>alert('warning')</script>";
let built: BuiltReport;
let html: string;

beforeAll(async () => {
  built = await buildReport(
    {
      sources: ["run-<b>1</b>"],
      episodes: [
        fakeEpisode({ agent: HOSTILE_AGENT, condition: "sync", protocol: "sync", score: { taskCount: 2 } }),
        fakeEpisode({ agent: HOSTILE_AGENT, score: { ae: 0.5, taskCount: 2 } }),
        fakeEpisode({ agent: "plain", scenario: "s2", score: null }),
      ],
      scenarios: [],
      conditions: [],
      warnings: [HOSTILE_WARNING],
    },
    { title: "<script>alert('title')</script>" },
  );
  html = reportPage(built, { inline: true }).html;
});

function between(text: string, start: string, end: string): string {
  const from = text.indexOf(start);
  if (from < 0) throw new Error(`missing ${start}`);
  return text.slice(from + start.length, text.indexOf(end, from + start.length));
}

describe("report page", () => {
  it("has exactly one executable script, allowed by hash in the CSP", () => {
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    expect(scripts).toEqual(['<script type="application/json" id="report-data">', "<script>"]);
    const script = between(html, "<script>", "</script>");
    const policy = between(html, '<meta http-equiv="Content-Security-Policy" content="', '"').replaceAll(
      "&#39;",
      "'",
    );
    expect(policy).toContain(`script-src ${scriptHash(script)}`);
    expect(policy).toContain("default-src 'none'");
  });

  it("inlines its data as JSON that parses back to the page data", () => {
    const json = between(html, '<script type="application/json" id="report-data">', "</script>");
    const data = PageData.parse(JSON.parse(json));
    expect(data.episodes.map((item) => item.agent).sort()).toEqual([HOSTILE_AGENT, HOSTILE_AGENT, "plain"]);
    expect(data.details).toHaveLength(3);
  });

  it("escapes every text it writes: title, sources, agent names, warnings", () => {
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain("<b>1</b>");
    expect(html).toContain("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(&#39;agent&#39;)&quot;&gt;");
    expect(html).toContain("&lt;/details&gt;&lt;script&gt;alert(&#39;warning&#39;)");
  });

  it("loads nothing from elsewhere", () => {
    // Markup only: scripts set aside, attribute values blanked (escaped labels may mention src=).
    const markup = html.replace(/<script[^>]*>[\s\S]*?<\/script>/g, "");
    const tags = (markup.match(/<[A-Za-z][^>]*>/g) ?? []).map((tag) => tag.replace(/="[^"]*"/g, '=""'));
    expect(tags.length).toBeGreaterThan(50);
    expect(tags.filter((tag) => /^<(link|iframe|img|object|embed)|\ssrc=/i.test(tag))).toEqual([]);
    const hrefs = (markup.match(/<[A-Za-z][^>]*>/g) ?? []).flatMap((tag) => tag.match(/href="[^"]*"/g) ?? []);
    expect(hrefs.filter((href) => !href.startsWith('href="#'))).toEqual([]);
    expect(html).not.toMatch(/url\(\s*['"]?https?:|@import/i);
  });

  it("carries the leaderboard, the charts and the episode browser", () => {
    expect(html).toContain('id="table-leaderboard"');
    expect(
      between(html, '<table class="data" id="table-leaderboard">', "</table>").match(/<tr>/g),
    ).toHaveLength(4);
    expect(html.match(/<figure class="chart"/g)?.length).toBe(4);
    expect(html).toContain('id="episode-rows"');
  });
});

describe("tableHtml", () => {
  it("right-aligns numeric columns and escapes cells", () => {
    const table = { id: "t", title: "T<", headers: ["name", "n"], rows: [["<i>", 3]] };
    expect(tableHtml(table)).toContain('<td>&lt;i&gt;</td><td class="number">3</td>');
    expect(tableHtml(table, true)).toMatch(
      /^<details class="folded"><summary class="table-caption">T&lt; \(1 rows\)/,
    );
  });
});
