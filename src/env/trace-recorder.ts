import { type TraceEvent, type TraceEventInput, TraceEvent as TraceEventSchema } from "../core/trace.ts";

/** Appends events with sequence numbers; validates each one against the trace schema when asked to. */
export class TraceRecorder {
  readonly events: TraceEvent[] = [];
  readonly #validate: boolean;
  readonly #onEvent: ((event: TraceEvent) => void) | undefined;

  constructor(options: { validate?: boolean; onEvent?: (event: TraceEvent) => void } = {}) {
    this.#validate = options.validate ?? true;
    this.#onEvent = options.onEvent;
  }

  emit(input: TraceEventInput): TraceEvent {
    const candidate = { seq: this.events.length, ...input } as TraceEvent;
    const event = this.#validate ? TraceEventSchema.parse(candidate) : candidate;
    this.events.push(event);
    this.#onEvent?.(event);
    return event;
  }
}
