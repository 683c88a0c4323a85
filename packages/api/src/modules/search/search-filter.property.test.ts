import type { SearchRequest } from '@proximitat/search';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSampleCompanies } from '../../sample-data/sample-import.ts';
import { startTestApi, type TestApi } from '../../testing/test-api.ts';
import { loadPlaces } from '../directory/places.ts';
import { deliverOutbox } from './search-index.ts';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
  await importSampleCompanies(api.db, await loadPlaces(api.db), 30, 'filter-properties');
  await api.search.ensureCompaniesIndex();
  while ((await api.db.searchOutbox.count()) > 0) await deliverOutbox(api.db, api.search);
});
afterAll(async () => api?.close());

/** Strings that try to be filter syntax: quotes, brackets, OR, backslashes, operators. */
const hostile = fc
  .tuple(
    fc.string({ maxLength: 12 }),
    fc.constantFrom(
      '"',
      "'",
      '\\',
      '\\"',
      '] OR sectors EXISTS [',
      '" OR 1=1 OR "',
      ')',
      '(',
      ' TO ',
      ' != ',
      '*',
    ),
    fc.string({ maxLength: 12 }),
  )
  .map(([before, attack, after]) => `${before}${attack}${after}`);

const request = (lists: Partial<SearchRequest>): SearchRequest => ({
  query: '',
  sectors: null,
  legalForms: null,
  districts: null,
  neighbourhoods: null,
  cpv: null,
  certifications: [],
  socialClauses: [],
  reservedContractEligible: null,
  homologated: null,
  minEsgScore: null,
  employeesMin: null,
  employeesMax: null,
  near: null,
  sort: 'NAME',
  offset: 0,
  limit: 1,
  locale: 'CA',
  queryCpv: null,
  companyIds: null,
  impossible: false,
  ...lists,
});

describe('search filters (properties)', () => {
  it('keep any value as data: Meilisearch accepts the filter and nothing matches', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          'sectors',
          'legalForms',
          'districts',
          'neighbourhoods',
          'certifications',
          'socialClauses',
        ),
        fc.array(hostile, { minLength: 1, maxLength: 4 }),
        async (field, values) => {
          const result = await api.search.searchCompanies(request({ [field]: values }));
          expect(result.totalCount).toBe(0);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('answer any filter values through the API with data or a clear error, never a failure', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          sectors: fc.array(fc.oneof(hostile, fc.constantFrom('NETEJA', 'CURES')), { maxLength: 3 }),
          districts: fc.array(fc.oneof(hostile, fc.constantFrom('01', '10')), { maxLength: 3 }),
          cpv: fc.array(fc.oneof(hostile, fc.stringMatching(/^\d{2,8}$/)), { maxLength: 3 }),
          socialClauses: fc.array(hostile, { maxLength: 2 }),
        }),
        fc.option(fc.string({ maxLength: 60 })),
        async (filter, query) => {
          const response = await api.graphql<{ searchCompanies: { totalCount: number } }>(
            'query ($query: String, $filter: CompanyFilter) { searchCompanies(query: $query, filter: $filter, first: 1) { totalCount } }',
            { query, filter },
          );
          expect(response.status).toBeLessThan(500);
          for (const error of response.errors ?? []) {
            expect(['LIMIT_EXCEEDED', 'VALIDATION', 'BAD_USER_INPUT']).toContain(error.extensions?.code);
          }
          if (!response.errors) expect(response.data?.searchCompanies.totalCount).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 60 },
    );
  });
});
