/**
 * Runs `work` and answers no sooner than `floorMs` after it began, so that the time of an answer
 * does not tell whether an address has an account (the paths for known and unknown addresses do
 * different database work). The floor sits well above what either path takes on this machine.
 */
export async function atConstantTime<T>(floorMs: number, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  const left = floorMs - (performance.now() - started);
  if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
  return result;
}
