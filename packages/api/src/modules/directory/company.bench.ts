import type { Scenario } from '../../bench/bench.ts';
import { rssFigure } from '../../bench/figures.ts';
import { graphqlRequest } from '../../bench/load-spec.ts';
import { startBaseline } from '../../bench/processes.ts';
import { contractOperation } from '../../testing/contract.ts';

export const scenarios: Scenario[] = [
  {
    name: 'company',
    summary:
      "The company page (the contract's Company operation) for 200 companies spread over the directory, 8 at a time, against one hand-written SQL statement through pg behind a minimal HTTP endpoint. The SQL statements per request are counted in company-statements.test.ts",
    async run(context) {
      const platform = await context.platform();
      const operation = contractOperation('Company');
      const baselineServer = await startBaseline('packages/api/src/modules/directory/company.baseline.ts', {
        BENCH_DATABASE_URL: platform.databaseUrl,
      });
      try {
        const sql = await context.step('hand-written SQL through pg', () =>
          context.load({
            origin: baselineServer.origin,
            requests: platform.sample.map(({ slug }) => ({
              label: 'company',
              method: 'GET',
              path: `/company?slug=${encodeURIComponent(slug)}`,
              expect: 'status',
            })),
          }),
        );
        const graphql = await context.step('GraphQL Company', () =>
          context.load(
            {
              origin: platform.api.origin,
              requests: platform.sample.map(({ slug }) =>
                graphqlRequest('company', operation, { slug, locale: 'CA' }),
              ),
            },
            platform.api,
          ),
        );
        const floor = await context.step('{ __typename } through the same API', () =>
          context.load({
            origin: platform.api.origin,
            requests: [graphqlRequest('{ __typename }', '{ __typename }')],
          }),
        );
        const baseline = (value: number) => ({ label: 'SQL through pg', value });
        context.figure({
          key: 'floor p95',
          label: 'p95 latency of { __typename }, the least a GraphQL request costs here',
          value: floor.latency.p95,
          unit: 'ms',
          baseline: baseline(sql.latency.p95),
        });
        context.figure({
          key: 'p50',
          label: 'p50 latency',
          value: graphql.latency.p50,
          unit: 'ms',
          baseline: baseline(sql.latency.p50),
        });
        context.figure({
          key: 'p95',
          label: 'p95 latency',
          value: graphql.latency.p95,
          unit: 'ms',
          baseline: baseline(sql.latency.p95),
          goal: { kind: 'ratio-at-most', value: 1.5 },
        });
        context.figure({
          key: 'p99',
          label: 'p99 latency',
          value: graphql.latency.p99,
          unit: 'ms',
          baseline: baseline(sql.latency.p99),
        });
        context.figure({
          key: 'throughput',
          label: 'throughput',
          value: graphql.throughput,
          unit: 'req/s',
          baseline: baseline(sql.throughput),
        });
        rssFigure(context, platform, graphql.rss);
        if (graphql.latency.p95 > 1.5 * sql.latency.p95)
          context.note(
            `company: { __typename } alone is ${(floor.latency.p95 / sql.latency.p95).toFixed(1)}x the SQL baseline's p95: Apollo's request pipeline (HTTP, parsing the body, the operation's plugins, serialising the answer) costs more than one indexed SQL statement, before any data is read`,
          );
      } finally {
        await baselineServer.stop();
      }
    },
  },
];
