import type { Scenario } from '../bench/bench.ts';
import { graphqlRequest } from '../bench/load-spec.ts';
import { LIMITS } from './limits.ts';

const nest = (depth: number): string =>
  depth === 0 ? 'code' : `district { neighbourhoods { ${nest(depth - 1)} } }`;

const REFUSED: [string, string][] = [
  ['too deep', `{ districts { neighbourhoods { ${nest(LIMITS.depth)} } } }`],
  [
    'too many aliases',
    `{ ${Array.from({ length: LIMITS.aliases + 5 }, (_, i) => `a${i}: sectors { code }`).join(' ')} }`,
  ],
  ['too many tokens', `{ ${Array.from({ length: LIMITS.tokens }, () => '__typename').join(' ')} }`],
  [
    'too costly',
    '{ districts { neighbourhoods { district { neighbourhoods { district { neighbourhoods { district { code } } } } } } } }',
  ],
];

const request = (label: string, query: string, expect: 'graphql' | 'refused') =>
  graphqlRequest(label, query, {}, { expect });

export const scenarios: Scenario[] = [
  {
    name: 'limits',
    summary:
      'What a query the limits refuse costs the API in production mode, against the cheapest query there is, `{ __typename }`, 8 at a time',
    async run(context) {
      const platform = await context.platform();
      const short = { durationMs: context.quick ? 1_000 : 5_000, warmupMs: context.quick ? 300 : 1_000 };
      const baseline = await context.step('{ __typename }', () =>
        context.load({
          origin: platform.api.origin,
          requests: [request('{ __typename }', '{ __typename }', 'graphql')],
          ...short,
        }),
      );
      for (const [label, query] of REFUSED) {
        const refused = await context.step(`refused: ${label}`, () =>
          context.load({
            origin: platform.api.origin,
            requests: [request(label, query, 'refused')],
            ...short,
          }),
        );
        context.figure({
          key: `throughput ${label}`,
          label: `throughput, refused: ${label} (${Math.round(Buffer.byteLength(query) / 1024)} KB)`,
          value: refused.throughput,
          unit: 'req/s',
          baseline: { label: '{ __typename }', value: baseline.throughput },
          goal: { kind: 'ratio-at-least', value: 0.5 },
        });
      }
      context.note(
        'limits: `{ __typename }` has nothing to check; a refused query is a deep, wide or long document whose depth, aliases, tokens or cost are measured before it is turned away (the tokens one is a 32 KB body, read and lexed on every request), and its answer carries an error with its location',
      );
    },
  },
];
