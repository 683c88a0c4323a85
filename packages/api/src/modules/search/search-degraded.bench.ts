import { freePort } from '@proximitat/runtime';
import type { Scenario } from '../../bench/bench.ts';
import { labelP95Figures, latencyFigures, rssFigure } from '../../bench/figures.ts';
import { graphqlRequest } from '../../bench/load-spec.ts';
import { startApi } from '../../bench/processes.ts';
import { SEARCH_MIX, SEARCH_OPERATION } from '../../bench/search-workload.ts';

// The same operation without `degraded`, which the load generator counts as a failure: whether an
// API answers degraded is checked on its own, before and after each load.
const OPERATION = SEARCH_OPERATION.replace('totalCount degraded', 'totalCount');
const PAGE = 20;

const searchRequests = () =>
  SEARCH_MIX.map(([label, args]) => graphqlRequest(label, OPERATION, { ...args, first: PAGE, locale: 'CA' }));

/** Each search of the mix once, one after the other: the slowest time (ms) and the failures. */
async function firstAnswers(origin: string): Promise<{ slowest: number; failures: string[] }> {
  let slowest = 0;
  const failures: string[] = [];
  for (const request of searchRequests()) {
    const started = performance.now();
    const response = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: request.headers,
      body: request.body ?? null,
    });
    const body = await response.text();
    if (!response.ok || body.includes('"errors"')) failures.push(`${request.label}: ${body.slice(0, 200)}`);
    slowest = Math.max(slowest, performance.now() - started);
  }
  return { slowest, failures };
}

/** Whether an API answers degraded: a search that matches nothing, so it is quick either way. */
async function answersDegraded(origin: string): Promise<boolean> {
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: '{ searchCompanies(query: "qqxqqzz", first: 1) { degraded totalCount } }',
    }),
  });
  const text = await response.text();
  const body = JSON.parse(text) as { data?: { searchCompanies?: { degraded: boolean } } };
  if (!body.data?.searchCompanies) throw new Error(`the search probe failed: ${text.slice(0, 300)}`);
  return body.data.searchCompanies.degraded;
}

const searchDegraded: Scenario = {
  name: 'search-degraded',
  summary:
    'The search mix through GraphQL from an API whose Meilisearch is a closed port (PostgreSQL answers), against the same searches answered by Meilisearch, 4 at a time; then other callers ({ me }, { sectors }) during a flood of 16 degraded searches at a time, against the same callers alone',
  async run(context) {
    const platform = await context.platform();
    const closed = await freePort();
    const degradedApi = await context.step('starting an API whose Meilisearch is unreachable', () =>
      startApi({
        databaseUrl: platform.databaseUrl,
        meiliUrl: `http://127.0.0.1:${closed}`,
        meiliKey: platform.meili.key,
        indexPrefix: platform.meili.indexPrefix,
      }),
    );
    try {
      if (await answersDegraded(platform.api.origin)) throw new Error('the platform answers degraded');
      if (!(await answersDegraded(degradedApi.origin)))
        throw new Error('the API without Meilisearch is not degraded');
      // First answers, before anything is reused: the degraded API counts every search's facets.
      const firstLive = await context.step('each search once on Meilisearch', () =>
        firstAnswers(platform.api.origin),
      );
      const firstDegraded = await context.step('each search once, Meilisearch unreachable', () =>
        firstAnswers(degradedApi.origin),
      );
      const live = await context.step('GraphQL searchCompanies on Meilisearch', () =>
        context.load(
          { origin: platform.api.origin, connections: 4, requests: searchRequests() },
          platform.api,
        ),
      );
      const degraded = await context.step('GraphQL searchCompanies, Meilisearch unreachable', () =>
        context.load({ origin: degradedApi.origin, connections: 4, requests: searchRequests() }, degradedApi),
      );
      if (!(await answersDegraded(degradedApi.origin)))
        throw new Error('the degraded API recovered by itself');
      latencyFigures(context, degraded, live, {
        baseline: 'on Meilisearch',
        p95Ratio: 3,
        labelSuffix: ', degraded',
      });
      context.figure({
        key: 'first answer',
        label: 'slowest first answer of a search of the mix, degraded (no total or facets reused)',
        value: firstDegraded.slowest,
        unit: 'ms',
        baseline: { label: 'on Meilisearch', value: firstLive.slowest },
      });
      labelP95Figures(
        context,
        SEARCH_MIX.map(([label]) => label),
        degraded,
        live,
        'on Meilisearch',
      );

      // Other callers, alone and then beside a flood of degraded searches on the same process.
      const token = platform.tokens.officer;
      const others = [
        graphqlRequest('me', '{ me { id } }', {}, { token }),
        graphqlRequest('sectors (signed in, not cached)', '{ sectors { code } }', {}, { token }),
      ];
      const alone = await context.step('other callers alone', () =>
        context.load({ origin: degradedApi.origin, connections: 2, requests: others }, degradedApi),
      );
      const [beside, flood] = await context.step('other callers during a flood of degraded searches', () =>
        Promise.all([
          context.load({ origin: degradedApi.origin, connections: 2, requests: others }, degradedApi),
          // Sixteen at once is more than the fallback's cap and queue: refusals as busy are its design.
          context.load({
            origin: degradedApi.origin,
            connections: 16,
            requests: searchRequests().map((request) => ({ ...request, expect: 'graphql-or-busy' as const })),
          }),
        ]),
      );
      context.figure({
        key: 'others p95',
        label: 'p95 latency of { me } and { sectors } during the flood',
        value: beside.latency.p95,
        unit: 'ms',
        baseline: { label: 'without the flood', value: alone.latency.p95 },
      });
      context.figure({
        key: 'flood throughput',
        label: 'degraded searches answered during the flood',
        value: flood.throughput,
        unit: 'req/s',
      });
      context.figure({
        key: 'errors',
        label: 'failed requests (searches, and other callers during the flood)',
        value:
          firstLive.failures.length +
          firstDegraded.failures.length +
          live.errors +
          degraded.errors +
          alone.errors +
          beside.errors +
          flood.errors,
        unit: 'count',
        goal: { kind: 'at-most', value: 0 },
      });
      rssFigure(context, platform, [...degraded.rss, ...beside.rss]);
      for (const failure of [...firstLive.failures, ...firstDegraded.failures])
        context.note(`search-degraded: a first answer failed: ${failure}`);
      if (degraded.latency.p95 > 3 * live.latency.p95) {
        const slowest = SEARCH_MIX.map(
          ([label]) => [label, degraded.byLabel[label]?.latency.p95 ?? 0] as const,
        ).sort((a, b) => b[1] - a[1])[0];
        context.note(
          `search-degraded: PostgreSQL answers the mix at p95 ${degraded.latency.p95.toFixed(0)} ms against ${live.latency.p95.toFixed(0)} ms on Meilisearch; the slowest search is "${slowest?.[0]}" (${slowest?.[1].toFixed(0)} ms): its hits and facets are counted over every matching company`,
        );
      }
    } finally {
      await degradedApi.stop();
    }
  },
};

export const scenarios: Scenario[] = [searchDegraded];
