import type { EpisodeKey } from "./plan.ts";

/**
 * Progress on stderr (stdout stays clean for tables and --json): a redrawn bar on a TTY, plain
 * lines otherwise, e.g. `[12/300] ex-cross-three × oracle × sync (t0): completed in 3.2s`.
 */
export interface Progress {
  start(total: number, alreadyStored: number): void;
  episodeStarted(key: EpisodeKey): void;
  episodeDone(key: EpisodeKey, outcome: string, wallMs: number): void;
  /** A one-off message (retries, warnings); always printed on its own line. */
  note(message: string): void;
  finish(): void;
}

export function episodeLabel(key: EpisodeKey): string {
  return `${key.scenario} × ${key.agent} × ${key.condition} (t${key.trial})`;
}

export interface ProgressSink {
  write(text: string): void;
  isTTY?: boolean | undefined;
  columns?: number | undefined;
}

export function createProgress(
  sink: ProgressSink = process.stderr,
  options: { quiet?: boolean; now?: () => number } = {},
): Progress {
  if (options.quiet) return silentProgress;
  return sink.isTTY ? new BarProgress(sink, options.now ?? Date.now) : new LineProgress(sink);
}

export const silentProgress: Progress = {
  start() {},
  episodeStarted() {},
  episodeDone() {},
  note() {},
  finish() {},
};

class LineProgress implements Progress {
  #done = 0;
  #total = 0;
  constructor(readonly sink: ProgressSink) {}

  start(total: number, alreadyStored: number): void {
    this.#total = total;
    this.#done = alreadyStored;
    if (alreadyStored > 0)
      this.sink.write(`${alreadyStored} of ${total} episodes already stored; running the rest\n`);
  }
  episodeStarted(): void {}
  episodeDone(key: EpisodeKey, outcome: string, wallMs: number): void {
    this.#done += 1;
    this.sink.write(
      `[${this.#done}/${this.#total}] ${episodeLabel(key)}: ${outcome} in ${seconds(wallMs)}\n`,
    );
  }
  note(message: string): void {
    this.sink.write(`${message}\n`);
  }
  finish(): void {}
}

class BarProgress implements Progress {
  #done = 0;
  #total = 0;
  #running = 0;
  #startedAt = 0;
  #last = "";
  constructor(
    readonly sink: ProgressSink,
    readonly now: () => number,
  ) {}

  start(total: number, alreadyStored: number): void {
    this.#total = total;
    this.#done = alreadyStored;
    this.#startedAt = this.now();
    this.#draw();
  }
  episodeStarted(): void {
    this.#running += 1;
    this.#draw();
  }
  episodeDone(key: EpisodeKey, outcome: string): void {
    this.#done += 1;
    this.#running = Math.max(0, this.#running - 1);
    this.#last = `${episodeLabel(key)}: ${outcome}`;
    this.#draw();
  }
  note(message: string): void {
    this.sink.write(`\r\x1b[2K${message}\n`);
    this.#draw();
  }
  finish(): void {
    this.#draw();
    this.sink.write("\n");
  }
  #draw(): void {
    const width = 24;
    const share = this.#total === 0 ? 1 : this.#done / this.#total;
    const filled = Math.round(share * width);
    const elapsed = this.now() - this.#startedAt;
    const bar = `[${"█".repeat(filled)}${"░".repeat(width - filled)}] ${this.#done}/${this.#total}`;
    const line = `${bar} · ${this.#running} running · ${seconds(elapsed)} · ${this.#last}`;
    const columns = this.sink.columns ?? 100;
    this.sink.write(`\r\x1b[2K${line.slice(0, Math.max(20, columns - 1))}`);
  }
}

function seconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)}s` : `${Math.round(ms / 1000)}s`;
}
