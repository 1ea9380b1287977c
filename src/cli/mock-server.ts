import { Command, InvalidArgumentError, Option } from "commander";
import { loadSplit } from "../dataset/loader.ts";
import { type FaultRule, parseFaultHeader } from "../mock/faults.ts";
import { POLICIES, type PolicyName } from "../mock/policy-replay.ts";
import { startMockServer } from "../mock/server.ts";
import { nonNegativeInteger } from "./options.ts";

interface MockServerCommandOptions {
  port: number;
  host: string;
  policy: PolicyName;
  latency: number;
  split: string;
  fault?: FaultRule[];
}

/** Parses each --fault as it is read, so commander reports a bad one like any bad option. */
function collectFaults(spec: string, previous: FaultRule[] = []): FaultRule[] {
  try {
    return [...previous, ...parseFaultHeader(spec)];
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message.replace(/^x-mock-fault: /, ""));
  }
}

export function mockServerCommand(): Command {
  return new Command("mock-server")
    .description(
      "Serve a scripted OpenAI-compatible model over HTTP: a reference agent's decisions played back as chat " +
        "completions (tool calls, parallel calls, streaming), with configurable latency and injected faults.",
    )
    .option("--port <port>", "port to listen on (0 picks a free one)", nonNegativeInteger, 8765)
    .option("--host <host>", "interface to listen on", "127.0.0.1")
    .addOption(
      new Option("--policy <name>", "policy for model names that do not pick one (mock-<policy> always does)")
        .choices([...POLICIES])
        .default("oracle"),
    )
    .option("--latency <ms>", "delay before every completion, in milliseconds", nonNegativeInteger, 0)
    .option(
      "--split <name|file>",
      "scenarios the conversations come from (shipped split or a .json/.jsonl file)",
      "examples",
    )
    .option(
      "--fault <spec>",
      "inject faults, repeatable: KIND[;times=N][;retry-after=S][;turn=N][;scenario=ID][;p=P] with KIND one of rate-limit, server-error, broken-body, bad-arguments, unknown-tool",
      collectFaults,
    )
    .addHelpText(
      "after",
      "\nModels: mock-oracle, mock-sequential, mock-eager, mock-forgetful (GET /v1/models).\n" +
        "Requests may also carry an x-mock-fault header (same syntax as --fault) and an x-asynctool-scenario header.\n\n" +
        "Examples:\n  asynctool mock-server --port 8765 --policy oracle --latency 200\n" +
        "  asynctool run --model openai-compatible:mock-eager --base-url http://127.0.0.1:8765/v1",
    )
    .action(async (options: MockServerCommandOptions) => {
      const faults = options.fault ?? [];
      const scenarios = loadSplit(options.split);
      const server = await startMockServer({
        port: options.port,
        host: options.host,
        policy: options.policy,
        latencyMs: options.latency,
        faults,
        scenarios,
      });
      process.stdout.write(
        `mock server listening on ${server.url} (default policy ${options.policy}, ${scenarios.length} scenarios from ${options.split}, latency ${options.latency} ms${faults.length > 0 ? `, ${faults.length} fault rule(s)` : ""})\n`,
      );
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off("SIGINT", stop);
          process.off("SIGTERM", stop);
          resolve();
        };
        process.on("SIGINT", stop);
        process.on("SIGTERM", stop);
      });
      const stats = server.stats();
      await server.close();
      process.stdout.write(
        `mock server stopped: ${stats.requests} requests, ${stats.completions} completions, ${stats.rateLimited} rate-limited, ${stats.serverErrors} server errors\n`,
      );
    });
}
