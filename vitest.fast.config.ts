import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

/**
 * The fast tier (`vitest run --config vitest.fast.config.ts`): the unit and API tests, against the
 * same real PostgreSQL and Meilisearch, with no build and no browser. `pnpm test` (vitest.config.ts)
 * stays the full suite; what it runs beyond this tier is listed here, each with why it is left out.
 */
export const SLOW_TESTS: Record<string, string> = {
  'packages/e2e/**': 'browser tests: a built web client and Chromium',
  'packages/api/src/main.test.ts': 'the production start: needs `pnpm build`, starts real services',
  'packages/api/src/production-command.test.ts': 'reads the built entry point: needs `pnpm build`',
  'packages/api/src/reliability/hostile-requests.test.ts':
    'hostile load against the production build: needs `pnpm build`',
  'packages/api/src/reliability/killed-processes.test.ts':
    'fault injection: imports, a reindex and the production API killed mid-way',
  'packages/api/src/reliability/postgres-restart.test.ts':
    'fault injection: a PostgreSQL of its own stopped and restarted under load',
  'packages/api/src/modules/search/search-outage.test.ts':
    'fault injection: a Meilisearch of its own killed during bursts of writes',
  'packages/api/src/bench/bench.test.ts': 'the benchmark harness end to end (`pnpm bench --quick`)',
};

export default mergeConfig(
  base,
  defineConfig({
    test: {
      name: 'fast',
      exclude: [...configDefaults.exclude, ...Object.keys(SLOW_TESTS)],
    },
  }),
);
