import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { linkedSignal } from "./linked-signal.ts";

describe("linkedSignal", () => {
  it("follows the parent until disposed and leaves no listener behind", () => {
    const parent = new AbortController();
    const first = linkedSignal(parent.signal);
    const second = linkedSignal(parent.signal);
    expect(getEventListeners(parent.signal, "abort")).toHaveLength(2);
    first.dispose();
    expect(getEventListeners(parent.signal, "abort")).toHaveLength(1);
    parent.abort(new Error("stop"));
    expect(first.signal.aborted).toBe(false);
    expect(second.signal.aborted).toBe(true);
    expect((second.signal.reason as Error).message).toBe("stop");
    expect(linkedSignal(parent.signal).signal.aborted).toBe(true);
    expect(linkedSignal(undefined).signal.aborted).toBe(false);
  });
});
