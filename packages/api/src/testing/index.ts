/**
 * `@proximitat/api/testing`: the API's surface for tests of other packages (the browser tests in
 * packages/e2e). Nothing else of this package is theirs to import; the architecture rule
 * `no-package-internals` (.dependency-cruiser.cjs) fails on anything past package.json `exports`.
 *
 * - `startTestApi` runs the real API (createApp, as main.ts does) on a free loopback port over a
 *   database and search indexes of the test file's own; a test drives it over HTTP, as a browser or
 *   client does (`url`, `graphql`), and may read or prepare rows through `db` (@proximitat/db).
 * - The fixtures store what a test needs first (companies, accounts, the ESG criteria, the work
 *   plan, an up-to-date search index) the way the platform's own import commands and seed do, so a
 *   test says what it needs and not how the API's modules store it.
 *
 * Tests inside this package import ./test-api.ts, ./accounts.ts and the modules directly.
 */
export {
  addEsgCriteria,
  addSampleCompanies,
  createAccount,
  importSeedPlan,
  indexCompanies,
  type NewAccount,
} from './fixtures.ts';
export { type GraphQLResponse, startTestApi, type TestApi } from './test-api.ts';
