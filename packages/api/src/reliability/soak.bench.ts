import { MB, type Scenario } from '../bench/bench.ts';
import { graphqlRequest, type LoadRequest } from '../bench/load-spec.ts';
import { graphqlSearchRequests } from '../bench/search-workload.ts';
import { growthPerMinute, median } from '../bench/stats.ts';
import { contractOperation } from '../testing/contract.ts';

export const scenarios: Scenario[] = [
  {
    name: 'soak',
    summary:
      'Five minutes of mixed reads and writes, 8 at a time: searches, company pages, the work plan and statistics; officers creating shortlists and annotating entries, staff recording measure status changes. No request may fail, and the API’s memory may not grow',
    async run(context) {
      const platform = await context.platform();
      const { officer, staff } = platform.tokens;
      const companies = platform.sample.slice(0, 20);
      const requests: LoadRequest[] = [
        ...graphqlSearchRequests(),
        ...companies.map(({ slug }) =>
          graphqlRequest('read: company page', contractOperation('Company'), { slug, locale: 'CA' }),
        ),
        graphqlRequest('read: work plan', contractOperation('WorkPlan'), { year: 2018, locale: 'CA' }),
        graphqlRequest('read: statistics', contractOperation('EcosystemStats'), {}),
        graphqlRequest(
          'write: create a shortlist',
          contractOperation('CreateShortlist'),
          { input: { name: 'Soak __N__', tenderReference: 'SOAK-__N__' } },
          { token: officer },
        ),
        ...companies
          .slice(0, 5)
          .map(({ id }) =>
            graphqlRequest(
              'write: annotate a shortlist entry',
              contractOperation('AddToShortlist'),
              { shortlistId: platform.shortlistId, companyId: id, note: 'soak __N__' },
              { token: officer },
            ),
          ),
        graphqlRequest(
          'write: measure status change',
          contractOperation('SetMeasureStatus'),
          { input: { year: 2018, code: '2.1.A', status: 'IN_PROGRESS', comment: 'soak __N__' } },
          { token: staff },
        ),
      ];
      const durationMs = context.quick ? 8_000 : 5 * 60_000;
      const warmupMs = context.quick ? 1_000 : 30_000;
      const result = await context.step(`${durationMs / 60_000} minutes of mixed load`, () =>
        context.load(
          { origin: platform.api.origin, connections: 8, durationMs, warmupMs, requests },
          platform.api,
        ),
      );
      const measured = result.rss.filter((sample) => sample.atMs >= warmupMs);
      const span = durationMs / 5;
      const first = measured.filter((sample) => sample.atMs < warmupMs + span).map((s) => s.value / MB);
      const last = measured
        .filter((sample) => sample.atMs >= warmupMs + durationMs - span)
        .map((s) => s.value / MB);
      const writes = Object.entries(result.byLabel)
        .filter(([label]) => label.startsWith('write'))
        .reduce((sum, [, stats]) => sum + stats.latency.count, 0);
      context.figure({ key: 'requests', label: 'requests answered', value: result.requests, unit: 'count' });
      context.figure({ key: 'writes', label: 'of which writes', value: writes, unit: 'count' });
      context.figure({
        key: 'errors',
        label: 'failed requests',
        value: result.errors,
        unit: 'count',
        goal: { kind: 'at-most', value: 0 },
      });
      context.figure({ key: 'throughput', label: 'throughput', value: result.throughput, unit: 'req/s' });
      context.figure({ key: 'p95', label: 'p95 latency', value: result.latency.p95, unit: 'ms' });
      context.figure({ key: 'p99', label: 'p99 latency', value: result.latency.p99, unit: 'ms' });
      context.figure({
        key: 'rss end',
        label: 'API memory, median RSS over the last fifth',
        value: median(last),
        unit: 'MB',
        baseline: { label: 'over the first fifth', value: median(first) },
        goal: { kind: 'ratio-at-most', value: 1.1 },
      });
      context.figure({
        key: 'rss peak',
        label: 'API memory, peak RSS',
        value: Math.max(0, ...measured.map((sample) => sample.value)) / MB,
        unit: 'MB',
        goal: { kind: 'at-most', value: 300 },
      });
      context.figure({
        key: 'rss trend',
        label: 'API memory trend (least squares), share of the mean a minute',
        value: growthPerMinute(measured) * 100,
        unit: '%/min',
      });
    },
  },
];
