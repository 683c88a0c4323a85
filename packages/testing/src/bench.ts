import type { Db } from '@proximitat/db';

/**
 * A benchmark: `<name>.bench.ts` next to the code it measures, exporting `bench`. `pnpm bench
 * <name>` runs it with the platform's services and prints its figures, always as ratios against a
 * baseline measured in the same run, so they compare across machines.
 */
export interface BenchDatabase {
  url: string;
  /** Migrated, empty. */
  db: Db;
  drop(): Promise<void>;
}

export interface BenchContext {
  /** --rows N, when given. */
  rows: number | undefined;
  freshDatabase(): Promise<BenchDatabase>;
  /** The platform's Meilisearch; benchmarks use an index prefix of their own and delete it. */
  meili: { url: string; key: string | undefined };
  /** Runs a phase, printing its name and how long it took. */
  step<T>(label: string, work: () => Promise<T>): Promise<T>;
  report: {
    progress(done: number, total: number): void;
    result(lines: [string, string | number][]): void;
  };
}

export type Bench = (context: BenchContext) => Promise<void>;
