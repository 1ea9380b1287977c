/** Virtual time in integer ticks. Injected into the environment so tests and wall-clock mode share one protocol. */
export interface Clock {
  now(): number;
  /** Move time forward to `t`. Moving backwards is a harness bug. */
  advanceTo(t: number): void;
}

export class VirtualClock implements Clock {
  #now: number;

  constructor(start = 0) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  advanceTo(t: number): void {
    if (!Number.isInteger(t)) throw new Error(`clock: time must be an integer tick, got ${t}`);
    if (t < this.#now) throw new Error(`clock: time cannot go back (from ${this.#now} to ${t})`);
    this.#now = t;
  }
}

/**
 * Wall-clock mode: the same virtual ticks, but advancing sleeps `msPerTick` per tick so an agent
 * is also measured against real elapsed time.
 */
export class SleepingClock implements Clock {
  readonly #inner = new VirtualClock();
  readonly #msPerTick: number;
  #pending: Promise<void> = Promise.resolve();

  constructor(msPerTick: number) {
    this.#msPerTick = msPerTick;
  }

  now(): number {
    return this.#inner.now();
  }

  advanceTo(t: number): void {
    const delta = t - this.#inner.now();
    this.#inner.advanceTo(t);
    if (delta > 0) this.#pending = new Promise((resolve) => setTimeout(resolve, delta * this.#msPerTick));
  }

  /** Resolves once the real time for the last advance has passed. */
  settled(): Promise<void> {
    return this.#pending;
  }
}
