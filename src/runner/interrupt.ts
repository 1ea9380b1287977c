/**
 * Ctrl-C during a run: the first SIGINT (or SIGTERM) aborts the run's signal, so no new episode
 * starts and in-flight ones are abandoned unstored; finished episodes are already committed. A
 * second SIGINT quits at once, which is still safe because every episode is one transaction.
 */
export async function withInterruptHandler<T>(
  body: (signal: AbortSignal) => Promise<T>,
  stderr: { write(text: string): void } = process.stderr,
): Promise<T> {
  const controller = new AbortController();
  let interrupts = 0;
  const onSignal = (name: NodeJS.Signals) => {
    interrupts += 1;
    if (interrupts === 1) {
      stderr.write(
        `\n${name}: stopping; in-flight episodes are abandoned (press Ctrl-C again to quit now)\n`,
      );
      controller.abort(new Error(`interrupted by ${name}`));
    } else {
      process.exit(130);
    }
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    return await body(controller.signal);
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}
