import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { companySearchBody } from '@proximitat/search/testing';
import type { Platform, Scenario, ScenarioContext } from '../../bench/bench.ts';
import { MB } from '../../bench/bench.ts';
import { graphqlRequest, type LoadRequest } from '../../bench/load-spec.ts';
import { startBaseline } from '../../bench/processes.ts';
import { normaliseSearch, type SearchArgs } from './search-request.ts';

/** Realistic searches of procurement officers and the public: text, typos, filters, CPV, geo, browsing. */
export const SEARCH_MIX: [string, SearchArgs][] = [
  ['text: neteja', { query: 'neteja' }],
  ['text: cooperativa de treball', { query: 'cooperativa de treball' }],
  ['text with a typo: cooperatva', { query: 'cooperatva' }],
  ['text, other language: limpieza oficinas', { query: 'limpieza oficinas' }],
  ['text: càtering ecològic', { query: 'càtering ecològic' }],
  ['filters: CURES in Eixample', { filter: { sectors: ['CURES'], districts: ['02'] } }],
  ['filter: CPV 90 (sanitation, cleaning)', { filter: { cpv: ['90'] } }],
  ['filter: reserved contracts', { filter: { reservedContractEligible: true } }],
  [
    'text + filters: neteja, reserved, 5-50 people',
    { query: 'neteja', filter: { reservedContractEligible: true, employees: { min: 5, max: 50 } } },
  ],
  [
    'geo: 1 km of Plaça de Catalunya, nearest',
    { near: { lat: 41.387, lng: 2.17, radiusMeters: 1000 }, sort: 'DISTANCE' },
  ],
  [
    'text + geo: cures within 2 km',
    { query: 'cures', near: { lat: 41.403, lng: 2.174, radiusMeters: 2000 } },
  ],
  ['browse: by name, page 3', { after: Buffer.from('o:40').toString('base64url') }],
];

/** The contract's SearchCompanies operation, as the web client sends it. */
export const SEARCH_OPERATION = `query SearchCompanies($query: String, $filter: CompanyFilter, $near: GeoPointInput, $sort: CompanySort, $first: Int, $after: String, $locale: Locale) {
  searchCompanies(query: $query, filter: $filter, near: $near, sort: $sort, first: $first, after: $after, locale: $locale) {
    totalCount degraded
    facets { field values { value label count } }
    pageInfo { hasNextPage endCursor }
    edges { cursor distanceMeters highlight { name description }
      node { id slug name legalForm description(locale: $locale) district { code name } neighbourhood { code name }
        sectors { code name(locale: $locale) } cpvCodes certifications { code name verified } esg { score status } reservedContractEligible } }
  }
}`;

const PAGE = 20;

export function graphqlSearchRequests(): LoadRequest[] {
  return SEARCH_MIX.map(([label, args]) =>
    graphqlRequest(label, SEARCH_OPERATION, { ...args, first: PAGE, locale: 'CA' }),
  );
}

/** The Meilisearch multi-search bodies the API sends for the mix. */
async function meiliBodies(platform: Platform): Promise<unknown[]> {
  return Promise.all(
    SEARCH_MIX.map(async ([, args]) =>
      companySearchBody(platform.search, await normaliseSearch(platform.db, { ...args, first: PAGE })),
    ),
  );
}

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

const search: Scenario = {
  name: 'search',
  summary:
    'The search mix (12 searches: text, typo, other language, filters, CPV, reserved, geo, browsing) through GraphQL, against the same searches sent straight to Meilisearch, 4 at a time',
  async run(context) {
    const platform = await context.platform();
    const bodies = await meiliBodies(platform);
    const raw = await context.step('raw Meilisearch', () =>
      context.load({
        origin: platform.meili.url,
        connections: 4,
        requests: SEARCH_MIX.map(([label], index) => ({
          label,
          path: '/multi-search',
          headers: {
            'content-type': 'application/json',
            ...(platform.meili.key ? { authorization: `Bearer ${platform.meili.key}` } : {}),
          },
          body: JSON.stringify(bodies[index]),
          expect: 'status',
        })),
      }),
    );
    const graphql = await context.step('GraphQL searchCompanies', () =>
      context.load(
        { origin: platform.api.origin, connections: 4, requests: graphqlSearchRequests() },
        platform.api,
      ),
    );
    const baseline = (value: number) => ({ label: 'raw Meilisearch', value });
    context.figure({
      key: 'p50',
      label: 'p50 latency',
      value: graphql.latency.p50,
      unit: 'ms',
      baseline: baseline(raw.latency.p50),
    });
    context.figure({
      key: 'p95',
      label: 'p95 latency',
      value: graphql.latency.p95,
      unit: 'ms',
      baseline: baseline(raw.latency.p95),
      goal: { kind: 'ratio-at-most', value: 1.3 },
    });
    context.figure({
      key: 'p99',
      label: 'p99 latency',
      value: graphql.latency.p99,
      unit: 'ms',
      baseline: baseline(raw.latency.p99),
    });
    context.figure({
      key: 'throughput',
      label: 'throughput',
      value: graphql.throughput,
      unit: 'req/s',
      baseline: baseline(raw.throughput),
    });
    context.figure({
      key: 'errors',
      label: 'failed requests',
      value: graphql.errors + raw.errors,
      unit: 'count',
      goal: { kind: 'at-most', value: 0 },
    });
    rssFigure(context, platform, graphql.rss);
    if (graphql.latency.p95 > 1.3 * raw.latency.p95)
      context.note(
        `search: the API's own work per search (GraphQL execution of the facets and 20 companies, one SQL statement, the JSON answer) runs on the same two cores as Meilisearch, PostgreSQL and the load generator, and after Meilisearch has answered: the machine spends ${(1000 / graphql.throughput).toFixed(1)} ms per search through GraphQL (the inverse of the throughput) against ${(1000 / raw.throughput).toFixed(1)} ms for Meilisearch alone`,
      );
    for (const [label] of SEARCH_MIX) {
      const mine = graphql.byLabel[label];
      const theirs = raw.byLabel[label];
      if (mine && theirs)
        context.figure({
          key: `p95 ${label}`,
          label: `p95, ${label}`,
          value: mine.latency.p95,
          unit: 'ms',
          baseline: baseline(theirs.latency.p95),
        });
    }
  },
};

const searchThroughput: Scenario = {
  name: 'search-throughput',
  summary:
    'Throughput of the search mix through GraphQL, 16 at a time, against a minimal HTTP endpoint (node:http, no GraphQL) making the same Meilisearch call',
  async run(context) {
    const platform = await context.platform();
    const file = join(tmpdir(), `proximitat-bench-queries-${process.pid}.json`);
    await writeFile(file, JSON.stringify(await meiliBodies(platform)));
    const minimal = await startBaseline('packages/api/src/modules/search/search.baseline.ts', {
      BENCH_MEILI_URL: platform.meili.url,
      ...(platform.meili.key ? { BENCH_MEILI_KEY: platform.meili.key } : {}),
      BENCH_QUERIES_FILE: file,
    });
    try {
      const baseline = await context.step('minimal endpoint', () =>
        context.load({
          origin: minimal.origin,
          connections: 16,
          requests: SEARCH_MIX.map(([label], index) => ({
            label,
            method: 'GET',
            path: `/search?i=${index}`,
            expect: 'status',
          })),
        }),
      );
      const graphql = await context.step('GraphQL searchCompanies', () =>
        context.load(
          { origin: platform.api.origin, connections: 16, requests: graphqlSearchRequests() },
          platform.api,
        ),
      );
      context.figure({
        key: 'throughput',
        label: 'throughput',
        value: graphql.throughput,
        unit: 'req/s',
        baseline: { label: 'minimal endpoint', value: baseline.throughput },
        goal: { kind: 'ratio-at-least', value: 0.6 },
      });
      context.figure({
        key: 'p95',
        label: 'p95 latency at this concurrency',
        value: graphql.latency.p95,
        unit: 'ms',
        baseline: { label: 'minimal endpoint', value: baseline.latency.p95 },
      });
      rssFigure(context, platform, graphql.rss);
    } finally {
      await minimal.stop();
    }
  },
};

export const scenarios: Scenario[] = [search, searchThroughput];
