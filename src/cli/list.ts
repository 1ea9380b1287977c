import { Command } from "commander";
import { describeLatency, LATENCY_CLASSES } from "../core/latency.ts";
import { CONDITION_PRESETS } from "../core/presets.ts";
import { loadSplit } from "../dataset/loader.ts";
import { DOMAINS, REGISTRY } from "../tools/registry.ts";
import { toolJsonSchema } from "../tools/tool.ts";
import { formatTable } from "./format-table.ts";

function print(json: boolean | undefined, value: unknown, human: () => string): void {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
}

export function listCommand(): Command {
  const list = new Command("list").description("List conditions, domains, tools or scenarios.");
  list
    .command("conditions")
    .description("condition presets: protocol, latency per class, contention, faults")
    .option("--json", "print JSON")
    .action((options: { json?: boolean }) => {
      print(options.json, { conditions: CONDITION_PRESETS }, () =>
        formatTable(
          ["name", "protocol", ...LATENCY_CLASSES, "extras", "description"],
          CONDITION_PRESETS.map((condition) => [
            condition.name,
            condition.protocol,
            ...LATENCY_CLASSES.map((latencyClass) => describeLatency(condition.latency[latencyClass])),
            [
              condition.contention ? `contention:${condition.contention.mode}` : "",
              condition.faults ? `faults:${condition.faults.probability}` : "",
            ]
              .filter(Boolean)
              .join(" "),
            condition.description,
          ]),
        ),
      );
    });
  list
    .command("domains")
    .description("tool domains and their tool counts")
    .option("--json", "print JSON")
    .action((options: { json?: boolean }) => {
      const domains = DOMAINS.map((domain) => ({
        name: domain.name,
        description: domain.description,
        tools: domain.tools.length,
      }));
      print(options.json, { domains }, () =>
        formatTable(
          ["domain", "tools", "description"],
          domains.map((domain) => [domain.name, domain.tools, domain.description]),
        ),
      );
    });
  list
    .command("tools")
    .description("every tool with its domain, latency class and JSON Schema")
    .option("-d, --domain <name>", "only this domain")
    .option("--json", "print JSON")
    .action((options: { json?: boolean; domain?: string }) => {
      if (options.domain) REGISTRY.getDomain(options.domain);
      const tools = REGISTRY.allTools()
        .filter(({ domain }) => options.domain === undefined || domain.name === options.domain)
        .map(({ tool, domain }) => ({
          name: tool.name,
          domain: domain.name,
          latency: tool.latency,
          mutates: tool.mutates,
          ...(tool.capacity === undefined ? {} : { capacity: tool.capacity }),
          description: tool.description,
          parameters: toolJsonSchema(tool),
        }));
      print(options.json, { tools }, () =>
        formatTable(
          ["tool", "domain", "latency", "writes", "description"],
          tools.map((tool) => [
            tool.name,
            tool.domain,
            tool.latency,
            tool.mutates ? "yes" : "",
            tool.description,
          ]),
        ),
      );
    });
  list
    .command("scenarios")
    .description("scenarios of a split")
    .option("--split <name|file>", "split name or scenarios file", "examples")
    .option("--json", "print JSON")
    .action((options: { json?: boolean; split: string }) => {
      const scenarios = loadSplit(options.split).map((scenario) => ({
        id: scenario.id,
        tasks: scenario.tasks.length,
        domains: [...new Set(scenario.tasks.map((task) => task.domain))],
        steps: scenario.tasks.reduce((sum, task) => sum + task.plan.length, 0),
        patterns: [...new Set(scenario.tasks.flatMap((task) => task.tags))],
        composition: scenario.composition,
        description: scenario.description ?? "",
      }));
      print(options.json, { split: options.split, scenarios }, () =>
        formatTable(
          ["scenario", "tasks", "steps", "domains", "patterns", "composition"],
          scenarios.map((s) => [
            s.id,
            s.tasks,
            s.steps,
            s.domains.join(","),
            s.patterns.join(","),
            s.composition,
          ]),
        ),
      );
    });
  return list;
}
