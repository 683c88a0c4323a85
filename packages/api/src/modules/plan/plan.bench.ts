import type { Scenario } from '../../bench/bench.ts';
import { rssFigure } from '../../bench/figures.ts';
import { graphqlRequest as post } from '../../bench/load-spec.ts';
import { contractOperation } from '../../testing/contract.ts';

export const scenarios: Scenario[] = [
  {
    name: 'plan',
    summary:
      "The contract's WorkPlan (the 2018 plan: axes, objectives, measures, districts, actions) and EcosystemStats (directory statistics) operations, 8 at a time, against the cheapest query there is, `{ __typename }`; a staff status change in between checks that cached answers are invalidated",
    async run(context) {
      const platform = await context.platform();
      const origin = platform.api.origin;
      const baseline = await context.step('{ __typename }', () =>
        context.load({ origin, requests: [post('{ __typename }', '{ __typename }')] }),
      );
      const workPlan = post('WorkPlan', contractOperation('WorkPlan'), { year: 2018, locale: 'CA' });
      const stats = post('EcosystemStats', contractOperation('EcosystemStats'));
      for (const [key, request] of [
        ['WorkPlan', workPlan],
        ['EcosystemStats', stats],
      ] as const) {
        const measured = await context.step(key, () =>
          context.load({ origin, requests: [request] }, platform.api),
        );
        const against = (value: number) => ({ label: '{ __typename }', value });
        context.figure({
          key: `${key} p50`,
          label: `${key} p50 latency`,
          value: measured.latency.p50,
          unit: 'ms',
          baseline: against(baseline.latency.p50),
        });
        context.figure({
          key: `${key} p95`,
          label: `${key} p95 latency`,
          value: measured.latency.p95,
          unit: 'ms',
          baseline: against(baseline.latency.p95),
          goal: { kind: 'at-most', value: 50 },
        });
        context.figure({
          key: `${key} throughput`,
          label: `${key} throughput`,
          value: measured.throughput,
          unit: 'req/s',
          baseline: against(baseline.throughput),
        });
        if (key === 'WorkPlan') rssFigure(context, platform, measured.rss);
      }

      // A change by staff is visible in the next answer, cached or not.
      const ask = async () => {
        const response = await fetch(`${origin}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: workPlan.body ?? '',
        });
        return JSON.stringify(await response.json());
      };
      const before = await ask();
      const status =
        before.includes('"code":"1.1.A"') && /"1\.1\.A"[^}]*"status":"DONE"/.test(before)
          ? 'IN_PROGRESS'
          : 'DONE';
      const change = await fetch(`${origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${platform.tokens.staff}` },
        body: JSON.stringify({
          query: contractOperation('SetMeasureStatus'),
          variables: { input: { year: 2018, code: '1.1.A', status } },
        }),
      });
      const changed = JSON.stringify(await change.json());
      if (!changed.includes(`"status":"${status}"`))
        throw new Error(`the status change failed: ${changed.slice(0, 300)}`);
      const after = await ask();
      if (!new RegExp(`"1\\.1\\.A"[^}]*"status":"${status}"`).test(after))
        throw new Error('WorkPlan answered with the measure as it was before the change: a stale cache');
      context.note(
        `after a staff status change of measure 1.1.A to ${status}, the next WorkPlan answer showed it`,
      );
    },
  },
];
