import type { z } from "zod";

/**
 * The one error taxonomy. Inside an episode, problems are data (trace events); these classes are
 * for the boundaries: bad input files, provider failures, harness bugs.
 */
export type ErrorKind =
  /** A data, config or scenario file is malformed. Not retryable. */
  | "bad-input"
  /** The provider failed (network, 5xx, 429, timeout). Retryable; never the model's fault. */
  | "infra"
  /** The provider refused our credentials or request shape (401/403/404). Stops the run. */
  | "fatal-config"
  /** A bug in asynctool itself. */
  | "harness";

export class AsynctoolError extends Error {
  readonly kind: ErrorKind;
  readonly retryable: boolean;

  constructor(kind: ErrorKind, message: string, options?: { cause?: unknown; retryable?: boolean }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AsynctoolError";
    this.kind = kind;
    this.retryable = options?.retryable ?? kind === "infra";
  }
}

/** A malformed file or value; the message names the source and the field path. */
export class BadInputError extends AsynctoolError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("bad-input", message, options);
    this.name = "BadInputError";
  }
}

/** A provider failure after our retries were exhausted, or one we decided not to retry. */
export class InfraError extends AsynctoolError {
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(
    message: string,
    options?: { cause?: unknown; retryable?: boolean; status?: number; retryAfterMs?: number },
  ) {
    super("infra", message, options);
    this.name = "InfraError";
    this.status = options?.status;
    this.retryAfterMs = options?.retryAfterMs;
  }
}

/** Render zod issues as `source: field.path: message` lines. */
export function describeZodError(error: z.ZodError, source: string): string {
  const lines = error.issues.map((issue) => {
    const path = issue.path.length === 0 ? "(root)" : issue.path.map(String).join(".");
    return `${source}: ${path}: ${issue.message}`;
  });
  return lines.join("\n");
}

/** Parse `value` with `schema`, throwing a BadInputError that names `source` and each field path. */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, source: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new BadInputError(describeZodError(result.error, source));
  return result.data;
}
