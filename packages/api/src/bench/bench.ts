import type { Db } from '@proximitat/db';
import type { Search } from '@proximitat/search';
import type { LoadResult, LoadSpec } from './load-spec.ts';
import type { ServerProcess } from './processes.ts';

/**
 * A benchmark scenario: `<name>.bench.ts` next to the code it measures exports `scenarios`.
 * `pnpm bench [scenario...]` runs them against the prepared platform and reports every figure
 * beside a baseline measured in the same run, as a ratio, because these machines are noisy.
 */
export interface Scenario {
  name: string;
  /** One sentence for the report: what is measured against what. */
  summary: string;
  run(context: ScenarioContext): Promise<void>;
}

/** A goal: on the ratio to the baseline, or on the value itself (in its unit). */
export type Goal =
  | { kind: 'ratio-at-most'; value: number }
  | { kind: 'ratio-at-least'; value: number }
  | { kind: 'at-most'; value: number };

export type Unit =
  | 'ms'
  | 'req/s'
  | 'MB'
  | 's'
  | 'KB'
  | 'rows/s'
  | 'docs/s'
  | 'statements'
  | '%/min'
  | 'count';

export interface Figure {
  /** Stable across scales, so the report can show how a figure grows. */
  key: string;
  label: string;
  value: number;
  unit: Unit;
  baseline?: { label: string; value: number };
  goal?: Goal;
}

export interface BenchDatabase {
  url: string;
  /** Migrated, empty. */
  db: Db;
  drop(): Promise<void>;
}

/** The platform prepared at the run's scale: data, search index and the API in production mode. */
export interface Platform {
  databaseUrl: string;
  db: Db;
  search: Search;
  meili: { url: string; key: string | undefined; indexPrefix: string };
  /** One API process (`pnpm start` in production mode), started once per scale. */
  api: ServerProcess;
  /** The API's resident memory after start-up, before any load, in bytes. */
  idleRss: number;
  companies: number;
  /** Seconds the full reindex of this scale's companies took while preparing. */
  reindexSeconds: number;
  /** Bearer tokens of accounts made for the benchmark. */
  tokens: { officer: string; staff: string };
  /** A shortlist of the officer's, for writes. */
  shortlistId: string;
  /** Published companies spread over the directory: slugs and ids. */
  sample: { id: string; slug: string }[];
}

export interface LoadOptions extends Omit<LoadSpec, 'durationMs' | 'warmupMs' | 'connections'> {
  /** Defaults: 8 connections; 15 s after 3 s of warm-up (quick: 2 s after 0.5 s). */
  connections?: number;
  durationMs?: number;
  warmupMs?: number;
}

export interface ScenarioContext {
  /** A quick run (CI): small data, a few seconds a scenario; its timings mean nothing. */
  quick: boolean;
  /** Companies in the directory for this run. */
  scale: number;
  platform(): Promise<Platform>;
  freshDatabase(): Promise<BenchDatabase>;
  /** The Meilisearch server; scenarios that make indexes give them a prefix of their own. */
  meili: { url: string; key: string | undefined };
  /** Load from a separate process; memory of `target` sampled meanwhile. Errors count against the scenario. */
  load(
    options: LoadOptions,
    target?: Pick<ServerProcess, 'rss'>,
  ): Promise<LoadResult & { rss: { atMs: number; value: number }[] }>;
  /** Runs a phase, printing its name and how long it took. */
  step<T>(label: string, work: () => Promise<T>): Promise<T>;
  progress(done: number, total: number): void;
  figure(figure: Figure): void;
  /** A sentence for the report: why a goal is missed, what a figure means. */
  note(text: string): void;
}

export const MB = 1024 * 1024;
