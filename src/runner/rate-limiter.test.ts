import { describe, expect, it } from "vitest";
import { AdaptiveLimiter, type LimiterClock, limitedFetch, parseRetryAfter } from "./rate-limiter.ts";

class FakeClock implements LimiterClock {
  time = 0;
  timers: Array<{ at: number; callback: () => void; cancelled: boolean }> = [];
  now(): number {
    return this.time;
  }
  setTimer(callback: () => void, ms: number) {
    const timer = { at: this.time + ms, callback, cancelled: false };
    this.timers.push(timer);
    return { cancel: () => (timer.cancelled = true) };
  }
  advance(ms: number): void {
    this.time += ms;
    const due = this.timers.filter((timer) => !timer.cancelled && timer.at <= this.time);
    this.timers = this.timers.filter((timer) => !due.includes(timer));
    for (const timer of due) timer.callback();
  }
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("AdaptiveLimiter", () => {
  it("never lets more than the window run at once", async () => {
    const limiter = new AdaptiveLimiter({ maxInFlight: 2, clock: new FakeClock() });
    const granted: number[] = [];
    const releases: Array<() => void> = [];
    for (let i = 0; i < 4; i++)
      void limiter.acquire().then((release) => {
        granted.push(i);
        releases.push(release);
      });
    await tick();
    expect(granted).toEqual([0, 1]);
    releases[0]?.();
    releases[0]?.(); // a second release of the same slot is ignored
    await tick();
    expect(granted).toEqual([0, 1, 2]);
    expect(limiter.inFlight).toBe(2);
  });

  it("a 429 pauses everyone for retry-after and halves the window; successes grow it back", async () => {
    const clock = new FakeClock();
    const limiter = new AdaptiveLimiter({ maxInFlight: 8, clock });
    limiter.onRateLimited(500);
    expect(limiter.window).toBe(4);
    const granted: number[] = [];
    for (let i = 0; i < 6; i++) void limiter.acquire().then(() => granted.push(i));
    await tick();
    expect(granted).toEqual([]);
    clock.advance(499);
    await tick();
    expect(granted).toEqual([]);
    clock.advance(1);
    await tick();
    expect(granted).toEqual([0, 1, 2, 3]);
    for (let i = 0; i < 40; i++) limiter.onSuccess();
    expect(limiter.window).toBe(8);
    await tick();
    // The grown window lets the last two in; all six waited out the 500 ms pause.
    expect(granted).toEqual([0, 1, 2, 3, 4, 5]);
    expect(limiter.stats.waitedMs).toBe(3000);
  });

  it("without retry-after the pause doubles per consecutive 429 and stops at the cap", () => {
    const clock = new FakeClock();
    const limiter = new AdaptiveLimiter({ maxInFlight: 4, basePauseMs: 100, maxPauseMs: 350, clock });
    const pauses = [1, 2, 3, 4].map(() => {
      limiter.onRateLimited();
      const pause = limiter.pausedUntil - clock.time;
      clock.advance(pause);
      return pause;
    });
    expect(pauses).toEqual([100, 200, 350, 350]);
    expect(limiter.window).toBe(1);
  });

  it("an aborted wait leaves the queue", async () => {
    const limiter = new AdaptiveLimiter({ maxInFlight: 1, clock: new FakeClock() });
    const release = await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    controller.abort(new Error("stop"));
    await expect(waiting).rejects.toThrow("stop");
    release();
    expect(limiter.inFlight).toBe(0);
  });
});

describe("parseRetryAfter", () => {
  it.each([
    [{ "retry-after-ms": "250" }, 250],
    [{ "retry-after": "2" }, 2000],
    [{ "retry-after": "0.5" }, 500],
    [{ "retry-after": "Thu, 01 Jan 1970 00:00:03 GMT" }, 3000],
    [{ "retry-after": "soon" }, undefined],
    [{}, undefined],
  ])("%j → %s ms", (headers, expected) => {
    expect(parseRetryAfter(new Headers(headers), 0)).toBe(expected);
  });
});

describe("limitedFetch", () => {
  it("reports 429s to the limiter and successes too", async () => {
    const limiter = new AdaptiveLimiter({ maxInFlight: 4 });
    const statuses = [429, 200];
    const fake: typeof fetch = async () =>
      new Response("{}", { status: statuses.shift() ?? 200, headers: { "retry-after-ms": "0" } });
    const limited = limitedFetch(limiter, fake);
    expect((await limited("http://x")).status).toBe(429);
    expect(limiter.stats.rateLimited).toBe(1);
    expect(limiter.window).toBe(2);
    expect((await limited("http://x")).status).toBe(200);
    expect(limiter.inFlight).toBe(0);
    expect(limiter.window).toBe(2);
  });
});
