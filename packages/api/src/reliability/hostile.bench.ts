import type { Scenario } from '../bench/bench.ts';
import { rssFigure } from '../bench/figures.ts';
import { graphqlRequest, type LoadRequest } from '../bench/load-spec.ts';
import { graphqlSearchRequests } from '../bench/search-workload.ts';
import { contractOperation } from '../testing/contract.ts';

const aliased = (count: number, selection: string) =>
  `{ ${Array.from({ length: count }, (_, i) => `a__N___${i}: ${selection}`).join(' ')} }`;

/**
 * The attacks of issue 15, anonymous, as fast as a separate process can send them: each must be
 * refused or answered without a server error, and none may slow the normal traffic beside it much.
 */
function attacks(): LoadRequest[] {
  return [
    // Heavy geometry, aliased: refused by the cost model before it runs.
    graphqlRequest(
      'attack: 30 aliased district and neighbourhood outlines',
      aliased(30, 'districts { outline(detail: DISTRICT) neighbourhoods { outline(detail: DISTRICT) } }'),
      {},
      { expect: 'refused' },
    ),
    // Long text, aliased: refused by the cost model (descriptions weigh what they can hold).
    graphqlRequest(
      'attack: 30 aliased pages of 100 company descriptions',
      aliased(30, 'companies(first: 100) { edges { node { name descriptions { locale text } } } }'),
      {},
      { expect: 'refused' },
    ),
    // A distinct cacheable answer each time, as large as the cost allows: the cache stays bounded.
    graphqlRequest(
      'attack: distinct large cacheable answers',
      aliased(3, 'districts { outline(detail: DISTRICT) }'),
      {},
      { expect: 'graphql' },
    ),
    // Wrong passwords for one account: the throttle answers without checking most of them.
    {
      ...graphqlRequest(
        'attack: wrong passwords for one account',
        'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token userErrors { code } } }',
        { email: 'victim@example.org', password: 'not the password __N__' },
      ),
      expect: 'status',
    },
    // Password reset mail for one address, again and again.
    {
      ...graphqlRequest(
        'attack: password reset requests',
        'mutation ($email: String!) { requestPasswordReset(email: $email) { ok } }',
        { email: 'victim@example.org' },
      ),
      expect: 'status',
    },
    // Many searches in one request: refused before any runs (at most COSTLY_FIELDS a request).
    graphqlRequest(
      'attack: 30 aliased searches',
      aliased(30, 'searchCompanies(query: "neteja", first: 20) { totalCount edges { node { name } } }'),
      {},
      { expect: 'refused' },
    ),
    // As many as are allowed, each with a text of its own (nothing reused from the caches).
    {
      ...graphqlRequest(
        'attack: the most searches a request may hold',
        aliased(
          3,
          'searchCompanies(query: "neteja __N__", first: 20) { totalCount edges { node { name } } }',
        ),
      ),
      expect: 'status',
    },
  ];
}

export const scenarios: Scenario[] = [
  {
    name: 'hostile',
    summary:
      'Normal traffic (the search mix, company pages, the plan, statistics, a signed-in `me`) 4 at a time, alone and then beside a mix of the attacks of issue 15 sent 8 at a time from another process: the normal traffic’s p95 against its own run without attacks, the API’s peak RSS, and no server error in either',
    async run(context) {
      const platform = await context.platform();
      const normal: LoadRequest[] = [
        ...graphqlSearchRequests(),
        ...platform.sample
          .slice(0, 10)
          .map(({ slug }) =>
            graphqlRequest('normal: company page', contractOperation('Company'), { slug, locale: 'CA' }),
          ),
        graphqlRequest('normal: work plan', contractOperation('WorkPlan'), { year: 2018, locale: 'CA' }),
        graphqlRequest('normal: statistics', contractOperation('EcosystemStats'), {}),
        graphqlRequest('normal: me', '{ me { id role } }', {}, { token: platform.tokens.officer }),
      ];
      const durationMs = context.quick ? 2_000 : 20_000;
      const warmupMs = context.quick ? 500 : 3_000;
      const quiet = await context.step('normal traffic alone', () =>
        context.load({ origin: platform.api.origin, connections: 4, durationMs, warmupMs, requests: normal }),
      );
      const [underAttack, attack] = await context.step('normal traffic beside the attacks', () =>
        Promise.all([
          context.load(
            { origin: platform.api.origin, connections: 4, durationMs, warmupMs, requests: normal },
            platform.api,
          ),
          context.load({
            origin: platform.api.origin,
            connections: 8,
            // Longer than the normal load on both sides, so that every measured request has company.
            durationMs: durationMs + 2 * warmupMs,
            warmupMs: 0,
            requests: attacks(),
          }),
        ]),
      );
      context.figure({
        key: 'p95',
        label: 'normal traffic p95 beside the attacks',
        value: underAttack.latency.p95,
        unit: 'ms',
        baseline: { label: 'the same traffic alone', value: quiet.latency.p95 },
        goal: { kind: 'ratio-at-most', value: 3 },
      });
      context.figure({
        key: 'p50',
        label: 'normal traffic p50 beside the attacks',
        value: underAttack.latency.p50,
        unit: 'ms',
        baseline: { label: 'the same traffic alone', value: quiet.latency.p50 },
      });
      context.figure({
        key: 'attack-throughput',
        label: 'attack requests answered (refused or harmless)',
        value: attack.throughput,
        unit: 'req/s',
      });
      context.figure({
        key: 'errors',
        label: 'failed requests, normal and attack (server errors, or an attack not refused)',
        value: quiet.errors + underAttack.errors + attack.errors,
        unit: 'count',
        goal: { kind: 'at-most', value: 0 },
      });
      rssFigure(context, platform, underAttack.rss);
      for (const [label, stats] of Object.entries(attack.byLabel)) {
        context.note(
          `${label}: ${stats.latency.count} answered, p50 ${stats.latency.p50.toFixed(1)} ms, p95 ${stats.latency.p95.toFixed(1)} ms${stats.errors ? `, ${stats.errors} failed` : ''}`,
        );
      }
    },
  },
];
