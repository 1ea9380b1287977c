import { z } from "zod";
import { createCatalog } from "../../tools/catalog.ts";
import { defineDomain } from "../../tools/domain.ts";
import { defineTool, ToolError } from "../../tools/tool.ts";

/** A tiny domain for environment tests: named counters, a slow pure function, one capacity-1 tool. */
interface CounterState {
  counters: Record<string, number>;
}

export const counterDomain = defineDomain<CounterState>({
  name: "counter",
  description: "Named integer counters (test domain).",
  config: z.object({ counters: z.record(z.string(), z.number()).default({}) }),
  tools: [
    defineTool({
      name: "counter_get",
      description: "Read a counter.",
      parameters: { name: z.string() },
      latency: "fast",
      mutates: false,
      resources: (args) => [`counter:${args.name}`],
      run: (state: CounterState, args) => {
        const value = state.counters[args.name];
        if (value === undefined) throw new ToolError(`no counter named ${args.name}`);
        return { value };
      },
    }),
    defineTool({
      name: "counter_add",
      description: "Add to a counter and return the new value.",
      parameters: { name: z.string(), amount: z.number().int() },
      latency: "medium",
      mutates: true,
      resources: (args) => [`counter:${args.name}`],
      run: (state: CounterState, args) => {
        const value = (state.counters[args.name] ?? 0) + args.amount;
        state.counters[args.name] = value;
        return { value };
      },
    }),
    defineTool({
      name: "slow_double",
      description: "Double a number, slowly.",
      parameters: { x: z.number() },
      latency: "slow",
      mutates: false,
      run: (_state: CounterState, args) => ({ value: args.x * 2 }),
    }),
    defineTool({
      name: "single_lane",
      description: "Echo a value; serves one call at a time.",
      parameters: { value: z.number() },
      latency: "medium",
      capacity: 1,
      mutates: false,
      run: (_state: CounterState, args) => ({ value: args.value }),
    }),
  ],
});

export const counterCatalog = createCatalog([counterDomain]);
