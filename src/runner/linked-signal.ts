/**
 * A child AbortSignal that follows `parent` until disposed. The openai SDK adds an abort listener
 * to the signal of every request and never removes it; handing it a short-lived child signal per
 * request keeps a long run's signal from collecting one listener per request ever made.
 */
export function linkedSignal(parent: AbortSignal | undefined): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  if (!parent) return { signal: controller.signal, dispose() {} };
  const forward = () => controller.abort(parent.reason);
  if (parent.aborted) forward();
  else parent.addEventListener("abort", forward, { once: true });
  return { signal: controller.signal, dispose: () => parent.removeEventListener("abort", forward) };
}
