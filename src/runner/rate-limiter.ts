/**
 * A shared per-provider request limiter. The adapter's retry policy handles one request; this
 * makes every episode talking to the same provider slow down together: a 429 pauses the whole
 * provider (for `retry-after` when the server says, else an exponential pause) and halves the
 * number of requests allowed in flight; each success adds back a little (AIMD, like TCP).
 */
export interface LimiterClock {
  now(): number;
  setTimer(callback: () => void, ms: number): { cancel(): void };
}

export const REAL_CLOCK: LimiterClock = {
  now: () => Date.now(),
  setTimer(callback, ms) {
    const timer = setTimeout(callback, ms);
    timer.unref?.();
    return { cancel: () => clearTimeout(timer) };
  },
};

export interface LimiterOptions {
  /** Requests in flight at most (and where the window starts). */
  maxInFlight: number;
  minInFlight?: number;
  /** Pause after a 429 that names no retry-after, doubled per consecutive 429. */
  basePauseMs?: number;
  maxPauseMs?: number;
  clock?: LimiterClock;
}

export interface LimiterStats {
  rateLimited: number;
  granted: number;
  /** Total time requests spent waiting for a slot or a pause. */
  waitedMs: number;
}

export class AdaptiveLimiter {
  readonly #max: number;
  readonly #min: number;
  readonly #basePause: number;
  readonly #maxPause: number;
  readonly #clock: LimiterClock;
  #window: number;
  #inFlight = 0;
  #pausedUntil = 0;
  #consecutive429 = 0;
  #timer: { cancel(): void } | undefined;
  readonly #queue: Array<{ grant: () => void; since: number }> = [];
  readonly stats: LimiterStats = { rateLimited: 0, granted: 0, waitedMs: 0 };

  constructor(options: LimiterOptions) {
    this.#max = Math.max(1, options.maxInFlight);
    this.#min = Math.min(this.#max, Math.max(1, options.minInFlight ?? 1));
    this.#basePause = options.basePauseMs ?? 1000;
    this.#maxPause = options.maxPauseMs ?? 60_000;
    this.#clock = options.clock ?? REAL_CLOCK;
    this.#window = this.#max;
  }

  get window(): number {
    return Math.floor(this.#window);
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  get pausedUntil(): number {
    return this.#pausedUntil;
  }

  /** Wait for a slot; returns the function that gives it back. */
  acquire(signal?: AbortSignal): Promise<() => void> {
    signal?.throwIfAborted();
    return new Promise((resolve, reject) => {
      const entry = {
        since: this.#clock.now(),
        grant: () => {
          signal?.removeEventListener("abort", onAbort);
          this.#inFlight += 1;
          this.stats.granted += 1;
          this.stats.waitedMs += this.#clock.now() - entry.since;
          let released = false;
          resolve(() => {
            if (released) return;
            released = true;
            this.#inFlight -= 1;
            this.#pump();
          });
        },
      };
      const onAbort = () => {
        const index = this.#queue.indexOf(entry);
        if (index >= 0) this.#queue.splice(index, 1);
        reject(signal?.reason);
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.#queue.push(entry);
      this.#pump();
    });
  }

  /** A 429 (or any "slow down"): pause every request to this provider and shrink the window. */
  onRateLimited(retryAfterMs?: number): void {
    this.stats.rateLimited += 1;
    this.#consecutive429 += 1;
    const pause =
      retryAfterMs !== undefined && retryAfterMs >= 0
        ? Math.min(retryAfterMs, this.#maxPause)
        : Math.min(this.#basePause * 2 ** (this.#consecutive429 - 1), this.#maxPause);
    this.#pausedUntil = Math.max(this.#pausedUntil, this.#clock.now() + pause);
    this.#window = Math.max(this.#min, this.#window / 2);
  }

  onSuccess(): void {
    this.#consecutive429 = 0;
    this.#window = Math.min(this.#max, this.#window + 1 / this.#window);
    this.#pump();
  }

  #pump(): void {
    const now = this.#clock.now();
    if (now < this.#pausedUntil) {
      if (this.#queue.length > 0 && !this.#timer) {
        this.#timer = this.#clock.setTimer(() => {
          this.#timer = undefined;
          this.#pump();
        }, this.#pausedUntil - now);
      }
      return;
    }
    while (this.#queue.length > 0 && this.#inFlight < this.window) this.#queue.shift()?.grant();
  }
}

/** `retry-after-ms` (OpenAI), `retry-after` in seconds or as an HTTP date → milliseconds. */
export function parseRetryAfter(headers: Headers, now: number = Date.now()): number | undefined {
  const ms = headers.get("retry-after-ms");
  if (ms !== null && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const value = headers.get("retry-after");
  if (value === null) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Math.max(0, Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * A `fetch` that goes through the limiter: every HTTP attempt (the adapter's own retries
 * included) takes a slot, and every 429 the provider sends slows the whole provider down.
 */
export function limitedFetch(limiter: AdaptiveLimiter, inner: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const release = await limiter.acquire(init?.signal ?? undefined);
    try {
      const response = await inner(input, init);
      if (response.status === 429) limiter.onRateLimited(parseRetryAfter(response.headers));
      else if (response.status < 500) limiter.onSuccess();
      return response;
    } finally {
      release();
    }
  };
}
