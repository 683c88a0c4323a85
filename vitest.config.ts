import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // One graphql module for everything: Vite would pick graphql's ESM build for our code while
    // Node loads its CommonJS build for Apollo and Pothos, and graphql refuses to mix the two.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql', { paths: ['packages/api'] }) }],
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/tests/**/*.test.ts'],
    globalSetup: ['./packages/testing/src/global-setup.ts'],
    reporters: ['default', './packages/testing/src/summary-reporter.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    teardownTimeout: 60_000,
  },
});
