import { createSearch } from '@proximitat/search';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../limits/limits.ts';
import { importSampleCompanies } from '../../sample-data/sample-import.ts';
import { startTestApi, type TestApi } from '../../testing/test-api.ts';
import { loadPlaces } from '../directory/places.ts';
import { deliverOutbox } from './search-index.ts';
import { SEARCH_LIMITS } from './search-request.ts';

/**
 * searchCompanyPoints, the map's points of a search's whole result set: bounded whatever an
 * anonymous caller asks. More companies than the cap are published, so that the cap is reached.
 */
const POINTS_CAP = SEARCH_LIMITS.mapPoints;
const COMPANIES = POINTS_CAP + 150;

const POINTS = `query ($query: String, $filter: CompanyFilter, $near: GeoPointInput, $sort: CompanySort) {
  searchCompanyPoints(query: $query, filter: $filter, near: $near, sort: $sort) {
    totalCount capped cap degraded points { id slug name lat lng }
  }
}`;
const SEARCH = `query ($query: String, $filter: CompanyFilter, $near: GeoPointInput, $sort: CompanySort) {
  searchCompanies(query: $query, filter: $filter, near: $near, sort: $sort, first: 100) {
    totalCount edges { node { id address { location { lat lng } } } }
  }
}`;

interface Points {
  totalCount: number;
  capped: boolean;
  cap: number;
  degraded: boolean;
  points: { id: string; slug: string; name: string; lat: number; lng: number }[];
}

let live: TestApi;
let down: TestApi;

beforeAll(async () => {
  live = await startTestApi();
  down = await startTestApi({}, { search: createSearch('http://127.0.0.1:9', 'key', 'points_down_') });
  await Promise.all(
    [live, down].map(async (api) =>
      importSampleCompanies(api.db, await loadPlaces(api.db), COMPANIES, 'points-test'),
    ),
  );
  await live.search.ensureCompaniesIndex();
  while ((await live.db.searchOutbox.count()) > 0)
    await deliverOutbox(live.db, live.search, { batchSize: 2000 });
}, 600_000);
afterAll(async () => {
  await live?.close();
  await down?.close();
});

describe.each([
  ['Meilisearch', () => live, false],
  ['the PostgreSQL fallback', () => down, true],
] as const)('searchCompanyPoints with %s', (_name, api, degraded) => {
  async function points(variables: Record<string, unknown>): Promise<Points> {
    const response = await api().graphql<{ searchCompanyPoints: Points }>(POINTS, variables);
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    const result = response.data?.searchCompanyPoints as Points;
    expect(result.degraded).toBe(degraded);
    return result;
  }

  it(`answers at most ${POINTS_CAP} points, and says when the result set was larger`, async () => {
    const published = await api().db.company.count({ where: { status: 'PUBLISHED' } });
    expect(published).toBeGreaterThan(POINTS_CAP);
    const started = performance.now();
    const all = await points({});
    const elapsed = performance.now() - started;
    expect(all).toMatchObject({ totalCount: published, capped: true, cap: POINTS_CAP });
    expect(all.points.length).toBeLessThanOrEqual(POINTS_CAP);
    // The located ones among the first 5,000 (a few companies have no position).
    expect(all.points.length).toBeGreaterThan(POINTS_CAP * 0.9);
    expect(new Set(all.points.map((point) => point.id)).size).toBe(all.points.length);
    // What the largest answer costs: well under the response limit and a second.
    expect(JSON.stringify(all).length).toBeLessThan(LIMITS.responseBytes / 2);
    expect(elapsed).toBeLessThan(5_000);
  });

  it('holds every located company of a smaller result set, as its pages do', async () => {
    const filter = { districts: ['01'], legalForms: ['ASSOCIACIO'] };
    const result = await points({ filter });
    expect(result.capped).toBe(false);
    const located = await api().db.company.findMany({
      where: {
        status: 'PUBLISHED',
        districtCode: '01',
        legalFormCode: 'ASSOCIACIO',
        latitude: { not: null },
        longitude: { not: null },
      },
      select: { id: true, slug: true, name: true, latitude: true, longitude: true },
    });
    expect(result.totalCount).toBeGreaterThanOrEqual(located.length);
    expect(result.points.map((point) => point.id).sort()).toEqual(located.map((row) => row.id).sort());
    const byId = new Map(located.map((row) => [row.id, row]));
    for (const point of result.points) {
      const row = byId.get(point.id);
      expect(point).toEqual({
        id: row?.id,
        slug: row?.slug,
        name: row?.name,
        lat: row?.latitude,
        lng: row?.longitude,
      });
    }
    // A text query and a sort by distance: the same matches as the search's pages, nearest first.
    const near = { lat: 41.3879, lng: 2.16992, radiusMeters: 1500 };
    const text = await points({ query: 'cooperativa', near, sort: 'DISTANCE' });
    const page = await api().graphql<{ searchCompanies: { totalCount: number } }>(SEARCH, {
      query: 'cooperativa',
      near,
      sort: 'DISTANCE',
    });
    expect(text.totalCount).toBe(page.data?.searchCompanies.totalCount);
  });

  it('refuses a second map query in the same request (a page shows one map)', async () => {
    const response = await api().graphql(
      `{ a: searchCompanyPoints { totalCount points { id lat lng } } b: searchCompanyPoints(query: "x") { totalCount points { id } } }`,
    );
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0]?.extensions).toMatchObject({
      reason: 'TOO_MANY_COSTLY_FIELDS',
      params: { field: 'searchCompanyPoints', max: '1' },
    });
    const hostile = await api().graphql<{ searchCompanyPoints: Points }>(POINTS, {
      filter: { sectors: ['" OR 1=1'] },
      query: '_geoRadius(0,0,1)',
    });
    expect(hostile.data?.searchCompanyPoints).toMatchObject({ totalCount: 0, points: [] });
  });
});
