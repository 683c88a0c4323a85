import { MB, type Platform, type ScenarioContext } from './bench.ts';
import type { LoadResult } from './load-spec.ts';

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

/**
 * A load run's p50, p95 and p99 latency and its throughput, each against another run of the same
 * requests (`baseline` names it in the report); the p95 with the goal of at most `p95Ratio` times
 * the other's. `labelSuffix` ends each figure's label (", degraded").
 */
export function latencyFigures(
  context: ScenarioContext,
  run: LoadResult,
  against: LoadResult,
  options: { baseline: string; p95Ratio: number; labelSuffix?: string },
) {
  const suffix = options.labelSuffix ?? '';
  const baseline = (value: number) => ({ label: options.baseline, value });
  for (const key of ['p50', 'p95', 'p99'] as const)
    context.figure({
      key,
      label: `${key} latency${suffix}`,
      value: run.latency[key],
      unit: 'ms',
      baseline: baseline(against.latency[key]),
      ...(key === 'p95' ? { goal: { kind: 'ratio-at-most', value: options.p95Ratio } } : {}),
    });
  context.figure({
    key: 'throughput',
    label: `throughput${suffix}`,
    value: run.throughput,
    unit: 'req/s',
    baseline: baseline(against.throughput),
  });
}

/** The p95 latency of each label of `labels` that both runs sent, against the other run's (`baseline`). */
export function labelP95Figures(
  context: ScenarioContext,
  labels: readonly string[],
  run: LoadResult,
  against: LoadResult,
  baseline: string,
) {
  for (const label of labels) {
    const mine = run.byLabel[label];
    const theirs = against.byLabel[label];
    if (mine && theirs)
      context.figure({
        key: `p95 ${label}`,
        label: `p95, ${label}`,
        value: mine.latency.p95,
        unit: 'ms',
        baseline: { label: baseline, value: theirs.latency.p95 },
      });
  }
}
