import { spawn } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import { llmAgentFactory } from "../src/agents/llm/llm-agent.ts";
import { findPreset } from "../src/core/presets.ts";
import { loadSplit } from "../src/dataset/loader.ts";
import { runEpisode } from "../src/env/episode.ts";
import { startMockServer } from "../src/mock/server.ts";
import { type BenchResult, median } from "./stats.ts";

/**
 * Harness throughput against a slow model: `lanes` episodes run concurrently through the openai
 * SDK against the mock server answering every request after `latencyMs`. With no overhead each lane
 * completes one request per `latencyMs`, so the ideal rate is lanes / latency (64 / 0.2 s = 320
 * requests/s). Each lane runs episodes back to back; the rate is measured over a window after a
 * warm-up, so start-up and the ragged end of the last episodes do not count. The server runs as
 * `asynctool mock-server` in its own process, as a model provider would; `inProcess` puts it in
 * this process instead (one event loop then serves both sides).
 */
export async function benchMockThroughput(
  options: {
    lanes?: number;
    latencyMs?: number;
    windowMs?: number;
    warmupMs?: number;
    repeats?: number;
    inProcess?: boolean;
  } = {},
): Promise<BenchResult[]> {
  const lanes = options.lanes ?? 64;
  const latencyMs = options.latencyMs ?? 200;
  const windowMs = options.windowMs ?? 3000;
  const warmupMs = options.warmupMs ?? 1000;
  const repeats = options.repeats ?? 3;
  const scenarios = loadSplit("examples");
  const condition = findPreset("async-realistic");
  if (!condition) throw new Error("bench: preset async-realistic missing");
  const ideal = lanes / (latencyMs / 1000);

  const ratios: number[] = [];
  const rates: number[] = [];
  const cpuPerRequest: number[] = [];
  for (let repeat = 0; repeat < repeats; repeat++) {
    const server = options.inProcess
      ? await startMockServer({ scenarios, policy: "oracle", latencyMs })
      : await serverProcess(latencyMs);
    let completed = 0;
    const agent = llmAgentFactory({
      modelId: "openai-compatible:mock-oracle",
      baseUrl: server.url,
      env: {},
      onResponse: () => {
        completed += 1;
      },
    });
    const deadline = performance.now() + warmupMs + windowMs + latencyMs;
    const lane = async (index: number) => {
      for (let episode = 0; performance.now() < deadline; episode++) {
        const scenario = scenarios[(index + episode) % scenarios.length];
        if (!scenario) return;
        await runEpisode({ scenario, condition, agent });
      }
    };
    const running = Promise.all(Array.from({ length: lanes }, (_, index) => lane(index)));
    try {
      await sleep(warmupMs);
      const before = completed;
      const start = performance.now();
      const cpu = process.cpuUsage();
      await sleep(windowMs);
      const used = process.cpuUsage(cpu);
      const requests = completed - before;
      const rate = requests / ((performance.now() - start) / 1000);
      cpuPerRequest.push((used.user + used.system) / 1000 / Math.max(1, requests));
      await running;
      rates.push(rate);
      ratios.push(rate / ideal);
    } finally {
      await server.close();
    }
  }
  const spread = (values: number[]) => ({
    median: median(values),
    min: Math.min(...values),
    max: Math.max(...values),
  });
  const where = options.inProcess ? "server in this process" : "server in its own process";
  return [
    {
      name: `mock throughput: achieved / ideal request rate (${lanes} concurrent episodes, ${latencyMs} ms per response, ${where})`,
      ...spread(ratios),
      unit: "ratio",
      target: { atLeast: 0.85 },
    },
    {
      name: `mock throughput: requests per second (ideal ${ideal})`,
      ...spread(rates),
      unit: "requests/s",
    },
    {
      // Independent of other load on the machine: what one request costs this process.
      name: `mock throughput: harness CPU per request (${where})`,
      ...spread(cpuPerRequest),
      unit: "ms",
    },
  ];
}

/** `asynctool mock-server` as a child process; resolves once it prints its URL. */
async function serverProcess(latencyMs: number): Promise<{ url: string; close(): Promise<void> }> {
  const root = fileURLToPath(new URL("../", import.meta.url));
  const child = spawn(
    process.execPath,
    ["bin/asynctool.js", "mock-server", "--port", "0", "--policy", "oracle", "--latency", String(latencyMs)],
    { cwd: root, stdio: ["ignore", "pipe", "inherit"] },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let output = "";
    child.stdout.on("data", (part: Buffer) => {
      output += part.toString();
      const match = /listening on (\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`mock-server exited early (code ${code}): ${output}`)));
  });
  return {
    url,
    close: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// Standalone: node --import tsx bench/mock-throughput.bench.ts
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const result of await benchMockThroughput({ inProcess: process.argv.includes("--in-process") })) {
    process.stdout.write(
      `${result.name}: median ${result.median.toFixed(3)} ${result.unit} [${result.min.toFixed(3)}–${result.max.toFixed(3)}]\n`,
    );
  }
}
