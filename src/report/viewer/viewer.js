// The report's episode browser: filters, the episode list, and for the chosen episode its
// timeline (timeline.js) and transcript. Data comes from the inlined JSON block; every text is
// untrusted (model output) and is only ever written with textContent.

const data = JSON.parse(document.getElementById("report-data").textContent);
const state = { filtered: [], selected: -1, cache: new Map(), callNodes: new Map() };

function text(value) {
  if (value === null || value === undefined) return "";
  return typeof value === "number" ? (data.strings[value] ?? "") : String(value);
}

function node(tag, className, content) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (content !== undefined) element.textContent = content;
  return element;
}

// "openai-compatible:mock-oracle" → "mock-oracle" in the narrow list (the full name is the cell's tooltip).
function shortAgent(agent) {
  return agent.replace(/^[a-z-]+:(?=.)/, "");
}

function formatShare(value) {
  return value === null || value === undefined ? "–" : value.toFixed(2);
}

const FILTERS = [
  { id: "agent", label: "model", values: (item) => [item.agent] },
  { id: "condition", label: "condition", values: (item) => [item.condition] },
  {
    id: "success",
    label: "success",
    values: (item) => [item.success === null ? "ungraded" : item.success ? "success" : "failure"],
  },
  {
    id: "failure",
    label: "failure type",
    values: (item) => item.failureKinds,
    name: (kind) => data.failureLabels[kind] ?? kind,
  },
  { id: "domain", label: "domain", values: (item) => item.domains },
];

function buildFilters() {
  const bar = document.getElementById("filters");
  const params = new URLSearchParams(location.search);
  for (const filter of FILTERS) {
    const values = [...new Set(data.episodes.flatMap(filter.values))].sort();
    const label = node("label", "filter");
    label.append(node("span", "filter-name", filter.label));
    const select = node("select");
    select.id = `filter-${filter.id}`;
    select.dataset.filter = filter.id;
    const all = node("option", "", "all");
    all.value = "";
    select.append(all);
    for (const value of values) {
      const option = node("option", "", filter.name ? filter.name(value) : value);
      option.value = value;
      select.append(option);
    }
    const wanted = params.get(filter.id);
    if (wanted !== null && values.includes(wanted)) select.value = wanted;
    select.addEventListener("change", renderList);
    label.append(select);
    bar.append(label);
  }
  bar.append(node("span", "filter-count"));
}

function matchesFilters(item) {
  return FILTERS.every((filter) => {
    const wanted = document.getElementById(`filter-${filter.id}`).value;
    return wanted === "" || filter.values(item).includes(wanted);
  });
}

function renderList() {
  const body = document.getElementById("episode-rows");
  body.replaceChildren();
  state.filtered = [];
  data.episodes.forEach((item, index) => {
    if (!matchesFilters(item)) return;
    state.filtered.push(index);
    const row = node("tr", index === state.selected ? "episode selected" : "episode");
    row.dataset.index = String(index);
    row.tabIndex = 0;
    const verdict = item.success === null ? "–" : item.success ? "✓" : "✗";
    const failures = item.failureKinds.map((kind) => data.failureLabels[kind] ?? kind).join(", ");
    const cells = [
      item.trial === 0 ? item.scenario : `${item.scenario} #${item.trial}`,
      shortAgent(item.agent),
      item.condition,
      verdict,
      formatShare(item.asyncEfficiency),
      item.makespan === null ? "–" : String(item.makespan),
      failures || "–",
    ];
    cells.forEach((value, column) => {
      const cell = node("td", column === 3 ? `verdict ${item.success ? "ok" : "bad"}` : "", value);
      cell.title = column === 1 ? item.agent : value;
      row.append(cell);
    });
    row.addEventListener("click", () => selectEpisode(index));
    row.addEventListener("keydown", (event) => {
      if (event.key === "Enter") selectEpisode(index);
    });
    body.append(row);
  });
  document.querySelector("#filters .filter-count").textContent =
    `${state.filtered.length} of ${data.episodes.length} episodes`;
}

async function detailOf(index) {
  if (data.details) return data.details[index];
  if (!state.cache.has(index)) {
    const response = await fetch(`${data.detailsUrl}${index}.json`);
    if (!response.ok) throw new Error(`episode ${index}: HTTP ${response.status}`);
    state.cache.set(index, await response.json());
  }
  return state.cache.get(index);
}

async function selectEpisode(index) {
  state.selected = index;
  for (const row of document.querySelectorAll("#episode-rows tr")) {
    row.classList.toggle("selected", row.dataset.index === String(index));
  }
  history.replaceState(null, "", `${location.pathname}${location.search}#episode=${index}`);
  const pane = document.getElementById("episode-detail");
  pane.dataset.index = String(index);
  try {
    renderDetail(data.episodes[index], await detailOf(index));
  } catch (error) {
    pane.replaceChildren(node("p", "error", String(error)));
  }
}

function renderDetail(item, detail) {
  const pane = document.getElementById("episode-detail");
  pane.replaceChildren();
  const verdict = item.success === null ? "ungraded" : item.success ? "success" : "failed";
  pane.append(node("h3", "", `${item.scenario} · ${item.agent} · ${item.condition} · trial ${item.trial}`));
  const facts = [
    verdict,
    `${item.protocol}`,
    `makespan ${item.makespan ?? "–"}`,
    `${item.turns ?? "–"} turns`,
    `end: ${item.reason}`,
    `calls put on tasks by ${detail.attribution === "grader" ? "the grader's attribution" : detail.attribution === "gold-plan" ? "the gold plan's tools" : "nothing (no scenario)"}`,
  ];
  pane.append(node("p", `facts ${item.success ? "ok" : "bad"}`, facts.join(" · ")));

  const layout = node("div", "detail-layout");
  const left = node("div", "detail-left");
  const right = node("div", "detail-right");
  layout.append(left, right);
  pane.append(layout);

  const tasks = node("ol", "task-list");
  for (const task of detail.tasks) {
    const entry = node("li", task.success === false ? "bad" : task.success ? "ok" : "");
    entry.append(node("b", "", `${task.id} `), node("span", "", text(task.instruction)));
    tasks.append(entry);
  }
  left.append(tasks);
  const figure = node("div", "timeline-box");
  left.append(figure);
  figure.append(renderTimeline(detail, highlightCall, figure.clientWidth));
  left.append(document.getElementById("timeline-legend").content.cloneNode(true));
  if (detail.failures.length > 0) {
    left.append(node("h4", "", "Failures"));
    const list = node("ul", "failure-list");
    for (const failure of detail.failures) {
      const entry = node("li");
      entry.append(
        node("b", "", `${data.failureLabels[failure.kind] ?? failure.kind}: `),
        node("span", "", failure.detail),
      );
      list.append(entry);
    }
    left.append(list);
  }
  right.append(node("h4", "", "Transcript"));
  right.append(renderTranscript(detail.transcript));
}

function renderTranscript(messages) {
  const list = node("div", "transcript");
  state.callNodes = new Map();
  for (const message of messages) {
    const block = node("div", `message role-${message.role}`);
    const head = node("div", "message-head", `${message.role}${message.name ? ` · ${message.name}` : ""}`);
    head.append(node("span", "message-time", `turn ${message.turn} · t=${message.t}`));
    block.append(head);
    const content = text(message.content);
    if (content !== "" && message.role === "system") {
      // The system prompt is the same in every episode: folded so the conversation shows first.
      const fold = node("details", "message-fold");
      fold.append(node("summary", "", "system prompt"), node("pre", "message-content", content));
      block.append(fold);
    } else if (content !== "") block.append(node("pre", "message-content", content));
    for (const call of message.toolCalls ?? []) {
      const line = node("pre", "tool-call", `${call.name}(${text(call.arguments)})`);
      line.prepend(node("span", "call-id", `${call.id} `));
      state.callNodes.set(call.id, line);
      block.append(line);
    }
    list.append(block);
  }
  return list;
}

function highlightCall(requestId) {
  for (const line of document.querySelectorAll(".tool-call.highlight")) line.classList.remove("highlight");
  const line = state.callNodes.get(requestId);
  if (!line) return;
  line.classList.add("highlight");
  line.scrollIntoView({ block: "nearest" });
}

async function start() {
  buildFilters();
  renderList();
  const wanted = /^#episode=(\d+)$/.exec(location.hash);
  const index = wanted ? Number(wanted[1]) : state.filtered[0];
  if (index !== undefined && index < data.episodes.length) await selectEpisode(index);
  // Tests and the benchmark wait for this mark: the list and the first timeline are on screen.
  document.body.dataset.ready = "true";
}

start();
