import { MB, type Scenario } from './bench/bench.ts';
import { startApi } from './bench/processes.ts';
import { graphqlSearchRequests } from './bench/search-workload.ts';

export const scenarios: Scenario[] = [
  {
    name: 'scale-out',
    summary:
      'Throughput of the search mix, 16 at a time, from two API processes behind one port (API_PROCESSES=2, node:cluster) against one, over the same PostgreSQL and Meilisearch',
    async run(context) {
      const platform = await context.platform();
      const requests = graphqlSearchRequests();
      const one = await context.step('one API process', () =>
        context.load({ origin: platform.api.origin, connections: 16, requests }, platform.api),
      );
      const two = await context.step('starting two API processes', () =>
        startApi(
          {
            databaseUrl: platform.databaseUrl,
            meiliUrl: platform.meili.url,
            meiliKey: platform.meili.key,
            indexPrefix: platform.meili.indexPrefix,
          },
          2,
        ),
      );
      try {
        const measured = await context.step('two API processes', () =>
          context.load({ origin: two.origin, connections: 16, requests }, two),
        );
        context.figure({
          key: 'throughput',
          label: 'throughput, two processes',
          value: measured.throughput,
          unit: 'req/s',
          baseline: { label: 'one process', value: one.throughput },
        });
        context.figure({
          key: 'p95',
          label: 'p95 latency, two processes',
          value: measured.latency.p95,
          unit: 'ms',
          baseline: { label: 'one process', value: one.latency.p95 },
        });
        context.figure({
          key: 'rss',
          label: 'memory of the two processes and their primary, peak RSS',
          value: Math.max(0, ...measured.rss.map((sample) => sample.value)) / MB,
          unit: 'MB',
          baseline: {
            label: 'one process',
            value: Math.max(0, ...one.rss.map((sample) => sample.value)) / MB,
          },
        });
        context.note(
          'On this 2-core machine the API processes share the cores with PostgreSQL, Meilisearch and the load generator, so the gain shows how much of the work is the API’s, not what more machines would give',
        );
      } finally {
        await two.stop();
      }
    },
  },
];
