import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { seedReferenceData } from '@proximitat/db';
import { createLogger, readEnv } from '@proximitat/runtime';
import { createSearch } from '@proximitat/search';
import type { Bench } from '@proximitat/testing/bench';
import { schema } from '../../schema.ts';
import { createApp } from '../../server.ts';
import { loadPlaces } from '../directory/places.ts';
import { importSampleCompanies } from '../directory/sample-import.ts';
import { COMPANIES_INDEX } from './companies-index.ts';
import { reindexCompanies } from './index-maintenance.ts';
import { searchMeilisearch } from './search-meili.ts';
import { normaliseSearch, type SearchArgs } from './search-request.ts';

/**
 * `pnpm bench search [--rows N]`: N generated companies (default 100,000) indexed by a full
 * reindex, then a fixed mix of realistic searches sent through GraphQL (HTTP, the contract's
 * SearchCompanies operation) and, for the same searches, straight to Meilisearch. The goal:
 * GraphQL p95 at most 1.3x the raw p95.
 */
const MIX: [string, SearchArgs][] = [
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

const OPERATION = `query SearchCompanies($query: String, $filter: CompanyFilter, $near: GeoPointInput, $sort: CompanySort, $first: Int, $after: String, $locale: Locale) {
  searchCompanies(query: $query, filter: $filter, near: $near, sort: $sort, first: $first, after: $after, locale: $locale) {
    totalCount degraded
    facets { field values { value label count } }
    pageInfo { hasNextPage endCursor }
    edges { cursor distanceMeters highlight { name description }
      node { id slug name legalForm description(locale: $locale) district { code name } neighbourhood { code name }
        sectors { code name(locale: $locale) } cpvCodes certifications { code name verified } esg { score status } reservedContractEligible } }
  }
}`;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const ROUNDS = 30;

export const bench: Bench = async ({ rows, freshDatabase, meili, report, step }) => {
  const count = rows ?? 100_000;
  const database = await freshDatabase();
  await seedReferenceData(database.db);
  const search = createSearch(meili.url, meili.key, `bench_${randomBytes(4).toString('hex')}_`);
  try {
    await step(`importing ${count} generated companies`, async () => {
      await importSampleCompanies(database.db, await loadPlaces(database.db), count, 'bench', {
        onProgress: (done, total) => report.progress(done, total),
      });
      await database.db.searchOutbox.deleteMany();
    });
    const reindexStarted = performance.now();
    await step('full reindex', () =>
      reindexCompanies(database.db, search, (done, total) => report.progress(done, total)),
    );
    const reindexSeconds = (performance.now() - reindexStarted) / 1000;

    const env = readEnv({ NODE_ENV: 'production', LOG_LEVEL: 'silent', PORT: '0' });
    const httpServer = createServer();
    const { app, apollo } = await createApp({
      env,
      services: { db: database.db, search, log: createLogger('silent', 'bench') },
      schema,
      httpServer,
    });
    httpServer.on('request', app);
    await new Promise<void>((resolveListen) => httpServer.listen(0, '127.0.0.1', resolveListen));
    const address = httpServer.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/graphql`;
    const graphql = async (args: SearchArgs) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: OPERATION, variables: { ...args, first: 20, locale: 'CA' } }),
      });
      const body = (await response.json()) as {
        errors?: unknown;
        data?: { searchCompanies: { degraded: boolean } };
      };
      if (body.errors || body.data?.searchCompanies.degraded)
        throw new Error(`search failed: ${JSON.stringify(body.errors)}`);
    };

    const timings = { graphql: [] as number[], raw: [] as number[] };
    const perQuery: [string, string][] = [];
    await step(
      `${MIX.length} searches x ${ROUNDS} rounds, through GraphQL and straight to Meilisearch`,
      async () => {
        const requests = await Promise.all(
          MIX.map(([, args]) => normaliseSearch(database.db, { ...args, first: 20 })),
        );
        for (const [index] of MIX.entries()) {
          await graphql(MIX[index]?.[1] ?? {});
          await searchMeilisearch(search, requests[index] ?? (await normaliseSearch(database.db, {})));
        }
        for (const [index, [label, args]] of MIX.entries()) {
          const request = requests[index];
          if (!request) continue;
          const mine = { graphql: [] as number[], raw: [] as number[] };
          for (let round = 0; round < ROUNDS; round += 1) {
            // Alternate which goes first, so neither gains from the other's warm caches.
            const order = round % 2 === 0 ? (['graphql', 'raw'] as const) : (['raw', 'graphql'] as const);
            for (const kind of order) {
              const started = performance.now();
              if (kind === 'graphql') await graphql(args);
              else await searchMeilisearch(search, request);
              mine[kind].push(performance.now() - started);
            }
          }
          timings.graphql.push(...mine.graphql);
          timings.raw.push(...mine.raw);
          perQuery.push([
            `  ${label}`,
            `GraphQL p50 ${percentile(mine.graphql, 50).toFixed(1)} ms, p95 ${percentile(mine.graphql, 95).toFixed(1)} ms; raw p50 ${percentile(mine.raw, 50).toFixed(1)} ms, p95 ${percentile(mine.raw, 95).toFixed(1)} ms`,
          ]);
          report.progress(index + 1, MIX.length);
        }
      },
    );
    await apollo.stop();

    const graphqlP95 = percentile(timings.graphql, 95);
    const rawP95 = percentile(timings.raw, 95);
    report.result([
      ['companies', count],
      ['full reindex', `${reindexSeconds.toFixed(1)} s (${Math.round(count / reindexSeconds)} documents/s)`],
      [
        'GraphQL searchCompanies',
        `p50 ${percentile(timings.graphql, 50).toFixed(1)} ms, p95 ${graphqlP95.toFixed(1)} ms`,
      ],
      [
        'raw Meilisearch, same searches',
        `p50 ${percentile(timings.raw, 50).toFixed(1)} ms, p95 ${rawP95.toFixed(1)} ms`,
      ],
      ['GraphQL p95 / raw p95', `${(graphqlP95 / rawP95).toFixed(2)}x (goal: at most 1.3x)`],
      ...perQuery,
    ]);
  } finally {
    await search.client
      .deleteIndex(search.indexName(COMPANIES_INDEX))
      .waitTask()
      .catch(() => undefined);
    await database.drop();
  }
};
