import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { companySearchBody } from '@proximitat/search/testing';
import type { Platform, Scenario } from '../../bench/bench.ts';
import { labelP95Figures, latencyFigures, rssFigure } from '../../bench/figures.ts';
import { startBaseline } from '../../bench/processes.ts';
import { graphqlSearchRequests, PAGE, SEARCH_MIX } from '../../bench/search-workload.ts';
import { normaliseSearch } from './search-request.ts';

/** The Meilisearch multi-search bodies the API sends for the mix. */
async function meiliBodies(platform: Platform): Promise<unknown[]> {
  return Promise.all(
    SEARCH_MIX.map(async ([, args]) =>
      companySearchBody(platform.search, await normaliseSearch(platform.db, { ...args, first: PAGE })),
    ),
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
    latencyFigures(context, graphql, raw, { baseline: 'raw Meilisearch', p95Ratio: 1.3 });
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
    labelP95Figures(
      context,
      SEARCH_MIX.map(([label]) => label),
      graphql,
      raw,
      'raw Meilisearch',
    );
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
