import { AsynctoolError, InfraError } from "../../core/errors.ts";
import { keyedRng } from "../../core/rng.ts";

/**
 * Our own retry policy (the SDKs' retries are off): exponential backoff with seeded jitter,
 * `retry-after` honoured, retries on 429, 5xx, network errors and timeouts; never on 400/401/403/404.
 * 401/403/404 are configuration errors that stop the run; their messages never quote the provider
 * (providers echo keys) and every other message has the key removed.
 */
export interface RetryPolicy {
  /** Attempts including the first one. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Longest `retry-after` we honour; a longer one fails the request (the runner may retry the episode). */
  readonly maxRetryAfterMs: number;
  /** Seeds the jitter: the same seed and request give the same delays. */
  readonly seed: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 300_000,
  seed: 0,
};

export type Failure =
  | { action: "retry"; reason: string; status?: number; retryAfterMs?: number }
  | { action: "fatal"; status: number }
  | { action: "fail"; reason: string; status?: number }
  | { action: "abort" };

const NETWORK_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
]);
const CONNECTION_ERRORS = new Set(["APIConnectionError", "APIConnectionTimeoutError"]);
const SDK_API_ERRORS = new Set(["APIError", "ApiError"]);

/** Decide what to do with an error thrown by a transport attempt. */
export function classifyFailure(error: unknown, signal?: AbortSignal): Failure {
  if (signal?.aborted) return { action: "abort" };
  if (error instanceof InfraError) {
    return error.retryable
      ? { action: "retry", reason: error.message }
      : { action: "fail", reason: error.message };
  }
  if (!(error instanceof Error)) return { action: "fail", reason: String(error) };
  const status = (error as { status?: unknown }).status;
  if (typeof status === "number") {
    if (status === 401 || status === 403 || status === 404) return { action: "fatal", status };
    if (status === 408 || status === 409 || status === 429 || status >= 500) {
      const retryAfterMs = retryAfter(error);
      return {
        action: "retry",
        reason: `HTTP ${status}`,
        status,
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      };
    }
    return { action: "fail", reason: `HTTP ${status}: ${error.message}`, status };
  }
  // SDK error classes do not always set `name`; their constructor names are stable.
  const kind = CONNECTION_ERRORS.has(error.constructor.name) ? error.constructor.name : error.name;
  if (CONNECTION_ERRORS.has(kind) || kind === "TimeoutError" || kind === "AbortError") {
    return { action: "retry", reason: kind === "APIConnectionError" ? "connection error" : "timeout" };
  }
  const code = errorCode(error) ?? errorCode(error.cause);
  if (code && NETWORK_CODES.has(code)) return { action: "retry", reason: `network error ${code}` };
  if (error instanceof TypeError && error.message === "fetch failed")
    return { action: "retry", reason: "network error" };
  // An SDK error without a status is an error event inside a stream: the provider's, so retried.
  if (SDK_API_ERRORS.has(error.name) || SDK_API_ERRORS.has(error.constructor.name))
    return { action: "retry", reason: `stream error: ${error.message}` };
  return { action: "fail", reason: error.message };
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === "string" ? code : undefined;
}

/** `retry-after-ms`, `retry-after` (seconds or an HTTP date), or Gemini's `retryDelay` in the error body. */
export function retryAfter(error: unknown, now: number = Date.now()): number | undefined {
  const headers = (error as { headers?: unknown }).headers;
  const ms = header(headers, "retry-after-ms");
  if (ms !== undefined && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const value = header(headers, "retry-after");
  if (value !== undefined) {
    const seconds = Number(value);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(value);
    if (Number.isFinite(date)) return Math.max(0, date - now);
  }
  const message = error instanceof Error ? error.message : "";
  const delay = /"retryDelay"\s*:\s*"(\d+(?:\.\d+)?)s"/.exec(message);
  if (delay?.[1] !== undefined) return Number(delay[1]) * 1000;
  return undefined;
}

function header(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== "object") return undefined;
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name) ?? undefined;
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === "string" ? value : undefined;
}

/** The wait before attempt `attempt + 1` (attempt counts from 1). */
export function backoffDelay(
  policy: RetryPolicy,
  failure: { retryAfterMs?: number },
  attempt: number,
  key: string,
): number {
  if (failure.retryAfterMs !== undefined) return failure.retryAfterMs;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  // "Equal jitter": half fixed, half seeded-random, so synchronised clients spread out.
  const rng = keyedRng("llm-retry", policy.seed, key, attempt);
  return Math.round(ceiling / 2 + (ceiling / 2) * rng.next());
}

const KEY_PATTERNS = [/sk-[A-Za-z0-9_*-]{6,}/g, /AIza[0-9A-Za-z_-]{10,}/g];

/** Remove secrets (and anything shaped like a provider key) from a message. */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) if (secret && secret.length >= 4) out = out.split(secret).join("[redacted]");
  for (const pattern of KEY_PATTERNS) out = out.replace(pattern, "[redacted]");
  return out;
}

export interface RetryContext {
  policy: RetryPolicy;
  /** Who is called, for messages: e.g. "anthropic:claude-sonnet-4-20250514". */
  label: string;
  /** Where the key comes from, named in the 401/403 message. */
  keyHint: string;
  /** Distinguishes requests for the jitter stream; computed only when a retry needs it. */
  requestKey: () => string;
  secrets: readonly (string | undefined)[];
  signal?: AbortSignal | undefined;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  onRetry?: (info: RetryInfo) => void;
}

/** What a retry listener learns: `status` is the HTTP status when there was one (429 = rate limited). */
export interface RetryInfo {
  attempt: number;
  delayMs: number;
  reason: string;
  status?: number;
}

/** Run `attempt` under the policy; the result and how many attempts it took. */
export async function withRetries<T>(
  attempt: (attemptNumber: number) => Promise<T>,
  context: RetryContext,
): Promise<{ value: T; attempts: number }> {
  const sleep = context.sleep ?? abortableSleep;
  for (let attemptNumber = 1; ; attemptNumber++) {
    try {
      return { value: await attempt(attemptNumber), attempts: attemptNumber };
    } catch (error) {
      const failure = classifyFailure(error, context.signal);
      if (failure.action === "abort")
        throw new InfraError(`${context.label}: request aborted`, { retryable: true });
      if (failure.action === "fatal") throw fatalError(context, failure.status);
      const reason = redact(failure.reason, context.secrets);
      const status = "status" in failure ? failure.status : undefined;
      if (failure.action === "fail") {
        throw new InfraError(`${context.label}: request failed: ${reason}`, {
          retryable: false,
          ...(status === undefined ? {} : { status }),
        });
      }
      const tooLong = (failure.retryAfterMs ?? 0) > context.policy.maxRetryAfterMs;
      if (attemptNumber >= context.policy.maxAttempts || tooLong) {
        const why = tooLong
          ? `retry-after ${failure.retryAfterMs} ms is too long`
          : `${attemptNumber} attempts`;
        throw new InfraError(`${context.label}: ${reason} (gave up after ${why})`, {
          retryable: true,
          ...(status === undefined ? {} : { status }),
          ...(failure.retryAfterMs === undefined ? {} : { retryAfterMs: failure.retryAfterMs }),
        });
      }
      const delayMs = backoffDelay(context.policy, failure, attemptNumber, context.requestKey());
      context.onRetry?.({
        attempt: attemptNumber,
        delayMs,
        reason,
        ...(status === undefined ? {} : { status }),
      });
      await sleep(delayMs, context.signal);
      if (context.signal?.aborted)
        throw new InfraError(`${context.label}: request aborted`, { retryable: true });
    }
  }
}

function fatalError(context: RetryContext, status: number): AsynctoolError {
  const what =
    status === 404
      ? `model or endpoint not found (HTTP 404): check the model name and the base URL`
      : `the provider refused the credentials (HTTP ${status}): check ${context.keyHint}`;
  return new AsynctoolError("fatal-config", `${context.label}: ${what}`, { retryable: false });
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal?.aborted) {
      resolve();
      return;
    }
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}
