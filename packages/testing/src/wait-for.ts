export interface WaitForOptions {
  /** How long to keep trying, in milliseconds (default 10 s). */
  timeout?: number;
  /** How long to wait between two tries, in milliseconds (default 50). */
  interval?: number;
  /** What is awaited, for the error on timeout ("the outbox to be empty"). */
  message?: string | (() => string);
}

/**
 * Waits until `condition` returns something truthy and returns that, trying again every `interval`
 * ms. A condition that throws counts as not met (its last error is in the timeout's message). Fails
 * after `timeout` ms with an error naming what was awaited: a test waits for what it needs to be
 * true, never for a fixed time that a slower machine would outlast.
 */
export async function waitFor<T>(
  condition: () => T | Promise<T>,
  options: WaitForOptions = {},
): Promise<NonNullable<T>> {
  const { timeout = 10_000, interval = 50 } = options;
  const started = Date.now();
  let lastError: unknown;
  for (let attempt = 1; ; attempt++) {
    try {
      const value = await condition();
      if (value) return value as NonNullable<T>;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    const elapsed = Date.now() - started;
    if (elapsed >= timeout) {
      const what = typeof options.message === 'function' ? options.message() : options.message;
      const cause = lastError === undefined ? '' : `; last error: ${describe(lastError)}`;
      throw new Error(
        `waitFor: timed out after ${elapsed} ms (${attempt} tries) waiting for ${what ?? 'the condition'}${cause}`,
        { cause: lastError },
      );
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(interval, Math.max(0, timeout - elapsed))));
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
