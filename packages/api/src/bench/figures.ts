import { MB, type Platform, type ScenarioContext } from './bench.ts';

/** The API's peak memory under a scenario's load, against its idle memory, with the 300 MB goal. */
export function rssFigure(context: ScenarioContext, platform: Platform, rss: { value: number }[]) {
  const peak = Math.max(0, ...rss.map((sample) => sample.value)) / MB;
  context.figure({
    key: 'rss',
    label: 'API memory, peak RSS under this load',
    value: peak,
    unit: 'MB',
    baseline: { label: 'idle after start-up', value: platform.idleRss / MB },
    goal: { kind: 'at-most', value: 300 },
  });
  if (peak > 300)
    context.note(
      `memory: the API holds ${Math.round(platform.idleRss / MB)} MB idle (Node, the built API with its GraphQL schema, Prisma's WebAssembly query compiler, reference data); under load the heap grows up to the 256 MB cap of pnpm start and is collected there (see soak)`,
    );
}
