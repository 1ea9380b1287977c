// Episode timeline drawn as SVG from the compact page data (see page-data.ts: EpisodeDetail).
// Concatenated with viewer.js into the page's one inline script. Every text that may come from
// a model goes in through textContent; attributes only ever get numbers and fixed class names.

const SVG_NS = "http://www.w3.org/2000/svg";
const TIMELINE = { label: 110, lane: 14, rowGap: 10, top: 30, bottom: 26 };

function svgNode(tag, attributes, parent) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (parent) parent.appendChild(node);
  return node;
}

function svgTitle(parent, text) {
  const title = document.createElementNS(SVG_NS, "title");
  title.textContent = text;
  parent.appendChild(title);
}

function svgText(parent, attributes, text) {
  const node = svgNode("text", attributes, parent);
  node.textContent = text;
  return node;
}

// The time a call occupies on its row: issue to delivery (or completion, or the end).
function callSpan(call, endTime) {
  const finish =
    call.deliveredAt ?? call.completedAt ?? (call.status === "pending" ? endTime : call.issuedAt);
  return [call.issuedAt, Math.max(finish, call.issuedAt + 0.35)];
}

// Greedy lanes so overlapping calls of one task stack instead of hiding each other.
function assignLanes(calls, endTime) {
  const lanes = [];
  const laneOf = new Map();
  const ordered = [...calls].sort((a, b) => a.issuedAt - b.issuedAt);
  for (const call of ordered) {
    const [from, to] = callSpan(call, endTime);
    let lane = lanes.findIndex((busyUntil) => busyUntil <= from);
    if (lane === -1) {
      lane = lanes.length;
      lanes.push(to);
    } else lanes[lane] = to;
    laneOf.set(call, lane);
  }
  return { count: Math.max(1, lanes.length), laneOf };
}

function tickStep(maxTime) {
  for (const step of [1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000]) if (maxTime / step <= 12) return step;
  return Math.ceil(maxTime / 12);
}

function callTooltip(call, task) {
  const parts = [`${call.tool} (${call.requestId}${call.callId ? ` → ${call.callId}` : ""})`];
  parts.push(`task: ${task}${call.step ? `, gold step ${call.step}` : ""}`);
  parts.push(`issued t=${call.issuedAt}`);
  if (call.completedAt !== null) parts.push(`completed t=${call.completedAt} (${call.status})`);
  else parts.push(`status: ${call.status}`);
  if (call.deliveredAt !== null) parts.push(`delivered t=${call.deliveredAt}`);
  for (const flag of call.flags) parts.push(`⚑ ${data.failureLabels[flag] ?? flag}`);
  return parts.join("\n");
}

const FLAG_MARKS = { dependencyViolation: "!", toolConfusion: "?" };

/** Build the timeline SVG to fit `availableWidth`; `onCall(requestId)` is called when a bar is clicked. */
// biome-ignore lint/correctness/noUnusedVariables: called by viewer.js, which shares this script's scope.
function renderTimeline(detail, onCall, availableWidth) {
  const plotWidth = Math.max(240, Math.min(1200, (availableWidth || 770) - TIMELINE.label - 20));
  const rows = detail.tasks.map((task) => ({ label: `${task.id} ${task.domain}`, task }));
  const otherRow = detail.tasks.length;
  if (detail.calls.some((call) => call.row === otherRow) || rows.length === 0)
    rows.push({ label: "no task", task: null });
  const endTime = Math.max(
    1,
    detail.end ? detail.end.t : 0,
    ...detail.calls.map((call) => callSpan(call, detail.end ? detail.end.t : 0)[1]),
    ...detail.idle.map((span) => span.to),
    ...detail.answers.map((answer) => answer.t),
  );
  const scale = plotWidth / endTime;
  const x = (time) => TIMELINE.label + time * scale;
  const layouts = rows.map((_, index) =>
    assignLanes(
      detail.calls.filter((call) => call.row === index),
      endTime,
    ),
  );
  const rowTops = [];
  let y = TIMELINE.top;
  for (const layout of layouts) {
    rowTops.push(y);
    y += layout.count * TIMELINE.lane + TIMELINE.rowGap;
  }
  const height = y + TIMELINE.bottom;
  const width = TIMELINE.label + plotWidth + 20;
  const svg = svgNode("svg", {
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    class: "timeline",
    role: "img",
  });
  svgTitle(svg, "Timeline: one row per task, each tool call a bar from issue to completion");

  rows.forEach((_, index) => {
    const bandHeight = layouts[index].count * TIMELINE.lane + 4;
    svgNode(
      "rect",
      { x: 0, y: rowTops[index] - 2, width, height: bandHeight, class: `row-band row-${index % 2}` },
      svg,
    );
  });
  for (const span of detail.idle) {
    const rect = svgNode(
      "rect",
      {
        x: x(span.from),
        y: TIMELINE.top - 6,
        width: Math.max(1, (span.to - span.from) * scale),
        height: height - TIMELINE.top - TIMELINE.bottom + 6,
        class: `idle idle-${span.kind}`,
      },
      svg,
    );
    svgTitle(rect, `${span.kind === "wait" ? "waiting" : "blocked"} t=${span.from}–${span.to}`);
  }

  const step = tickStep(endTime);
  const axisY = height - TIMELINE.bottom + 4;
  svgNode("line", { x1: x(0), x2: x(endTime), y1: axisY, y2: axisY, class: "axis" }, svg);
  for (let time = 0; time <= endTime; time += step) {
    svgNode("line", { x1: x(time), x2: x(time), y1: TIMELINE.top - 6, y2: axisY, class: "grid" }, svg);
    svgText(svg, { x: x(time), y: axisY + 14, class: "tick", "text-anchor": "middle" }, String(time));
  }
  svgText(svg, { x: 4, y: axisY + 14, class: "tick" }, "t (ticks)");
  for (const turn of detail.turns)
    svgNode("line", { x1: x(turn), x2: x(turn), y1: 8, y2: 16, class: "turn-tick" }, svg);
  svgText(svg, { x: 4, y: 16, class: "tick" }, "turns");
  for (const time of detail.reminders) {
    const mark = svgText(svg, { x: x(time), y: 26, class: "reminder", "text-anchor": "middle" }, "↻");
    svgTitle(mark, `reminder at t=${time}`);
  }
  if (detail.end) {
    const line = svgNode(
      "line",
      { x1: x(detail.end.makespan), x2: x(detail.end.makespan), y1: 8, y2: axisY, class: "makespan" },
      svg,
    );
    svgTitle(line, `T_agent = ${detail.end.makespan} (${detail.end.reason})`);
  }

  rows.forEach((row, index) => {
    const top = rowTops[index];
    const laneCount = layouts[index].count;
    const rowHeight = laneCount * TIMELINE.lane;
    const group = svgNode("g", { class: "task-row", "data-task": row.task ? row.task.id : "none" }, svg);
    const status = row.task
      ? row.task.success === true
        ? " ✓"
        : row.task.success === false
          ? " ✗"
          : ""
      : "";
    const label = svgText(
      group,
      { x: 4, y: top + Math.min(rowHeight, 2 * TIMELINE.lane) / 2 + 4, class: "row-label" },
      "",
    );
    label.textContent = `${row.label}${status}`;
    if (row.task) svgTitle(label, `${row.task.id}: ${text(row.task.instruction)}`);
    for (const call of detail.calls.filter((candidate) => candidate.row === index)) {
      const lane = layouts[index].laneOf.get(call);
      const barY = top + lane * TIMELINE.lane + 2;
      const finish = call.completedAt ?? (call.status === "pending" ? endTime : call.issuedAt);
      const flagClasses = call.flags.map((flag) => ` flag-${flag}`).join("");
      const bar = svgNode(
        "rect",
        {
          x: x(call.issuedAt),
          y: barY,
          width: Math.max(4, (finish - call.issuedAt) * scale),
          height: TIMELINE.lane - 4,
          rx: 2,
          class: `bar status-${call.status}${flagClasses}`,
          "data-request-id": call.requestId,
          tabindex: 0,
        },
        group,
      );
      svgTitle(bar, callTooltip(call, row.task ? row.task.id : "none"));
      bar.addEventListener("click", () => onCall(call.requestId));
      if (call.deliveredAt !== null && call.completedAt !== null && call.deliveredAt > call.completedAt) {
        const middle = barY + (TIMELINE.lane - 4) / 2;
        svgNode(
          "line",
          { x1: x(call.completedAt), x2: x(call.deliveredAt), y1: middle, y2: middle, class: "delivery" },
          group,
        );
      }
      const marks = call.flags.map((flag) => FLAG_MARKS[flag] ?? "*").join("");
      if (marks)
        svgText(
          group,
          { x: x(call.issuedAt) - 2, y: barY + 9, class: "flag-mark", "text-anchor": "end" },
          marks,
        );
    }
    for (const answer of detail.answers.filter((candidate) => candidate.row === index)) {
      const cx = x(answer.t);
      const cy = top + Math.min(rowHeight, TIMELINE.lane) / 2 + 1;
      const verdict = answer.correct === true ? "correct" : answer.correct === false ? "wrong" : "unknown";
      const diamond = svgNode(
        "path",
        {
          d: `M${cx} ${cy - 7}L${cx + 7} ${cy}L${cx} ${cy + 7}L${cx - 7} ${cy}Z`,
          class: `answer answer-${verdict}`,
        },
        group,
      );
      diamond.setAttribute("data-request-id", answer.requestId);
      svgTitle(
        diamond,
        `${row.task ? row.task.id : "?"} answered at t=${answer.t}: ${answer.answer} (${verdict})`,
      );
      diamond.addEventListener("click", () => onCall(answer.requestId));
    }
  });
  return svg;
}
