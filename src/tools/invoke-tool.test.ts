import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineTool, invokeTool, ToolError } from "./tool.ts";

interface State {
  items: string[];
}
const tool = defineTool({
  name: "probe",
  description: "test tool",
  parameters: { mode: z.enum(["live", "fail", "crash"]) },
  latency: "instant",
  mutates: false,
  run: (state: State, args) => {
    if (args.mode === "fail") throw new ToolError("no such item");
    if (args.mode === "crash") throw new TypeError("boom");
    return { items: state.items, when: undefined };
  },
});

describe("invokeTool", () => {
  it("detaches the result from the live state and drops what JSON cannot carry", () => {
    const state: State = { items: ["a"] };
    const outcome = invokeTool(tool, state, { mode: "live" }, { time: 0 });
    state.items.push("b");
    expect(outcome).toEqual({ ok: true, result: { items: ["a"] } });
  });

  it("turns a ToolError into an error outcome", () => {
    expect(invokeTool(tool, { items: [] }, { mode: "fail" }, { time: 0 })).toEqual({
      ok: false,
      error: "no such item",
    });
  });

  it("lets other exceptions through, naming the tool and arguments", () => {
    expect(() => invokeTool(tool, { items: [] }, { mode: "crash" }, { time: 0 })).toThrow(
      'tool probe crashed on {"mode":"crash"}: boom',
    );
  });
});
