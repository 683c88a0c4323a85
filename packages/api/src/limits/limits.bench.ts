import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { seedReferenceData } from '@proximitat/db';
import { createLogger, readEnv } from '@proximitat/runtime';
import { createSearch } from '@proximitat/search';
import type { Bench } from '@proximitat/testing/bench';
import { schema } from '../schema.ts';
import { createApp } from '../server.ts';
import { LIMITS } from './limits.ts';

/**
 * `pnpm bench limits`: what a query refused by the limits costs the API, against the cheapest
 * query there is, `{ __typename }`, sent the same way in the same run (production mode, HTTP,
 * 8 requests at a time). The goal: a refusal costs about as little as the baseline.
 */
const nest = (depth: number): string =>
  depth === 0 ? 'code' : `district { neighbourhoods { ${nest(depth - 1)} } }`;

const QUERIES: [string, string][] = [
  ['baseline: { __typename }', '{ __typename }'],
  ['refused: too deep', `{ districts { neighbourhoods { ${nest(LIMITS.depth)} } } }`],
  [
    'refused: too many aliases',
    `{ ${Array.from({ length: LIMITS.aliases + 5 }, (_, i) => `a${i}: sectors { code }`).join(' ')} }`,
  ],
  ['refused: too many tokens', `{ ${Array.from({ length: LIMITS.tokens }, () => '__typename').join(' ')} }`],
  [
    'refused: too costly',
    '{ districts { neighbourhoods { district { neighbourhoods { district { neighbourhoods { district { code } } } } } } } }',
  ],
];

const REQUESTS = 2000;
const CONCURRENCY = 8;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export const bench: Bench = async ({ freshDatabase, meili, report, step }) => {
  const database = await freshDatabase();
  await seedReferenceData(database.db);
  const search = createSearch(meili.url, meili.key, `bench_${randomBytes(4).toString('hex')}_`);
  const env = readEnv({ NODE_ENV: 'production', LOG_LEVEL: 'silent', PORT: '0' });
  const httpServer = createServer();
  const { app, apollo } = await createApp({
    env,
    services: { db: database.db, search, log: createLogger('silent', 'bench') },
    schema,
    httpServer,
  });
  httpServer.on('request', app);
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const address = httpServer.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/graphql`;
  try {
    const results: { label: string; perSecond: number; p95: number; codes: Set<string> }[] = [];
    for (const [label, query] of QUERIES) {
      const body = JSON.stringify({ query });
      const send = async () => {
        const started = performance.now();
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        const json = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
        return { ms: performance.now() - started, code: json.errors?.[0]?.extensions?.code ?? 'OK' };
      };
      for (let i = 0; i < 100; i++) await send(); // warm-up
      const times: number[] = [];
      const codes = new Set<string>();
      const started = performance.now();
      await step(label, async () => {
        let sent = 0;
        await Promise.all(
          Array.from({ length: CONCURRENCY }, async () => {
            while (sent < REQUESTS) {
              sent += 1;
              const { ms, code } = await send();
              times.push(ms);
              codes.add(code);
              report.progress(times.length, REQUESTS);
            }
          }),
        );
      });
      const seconds = (performance.now() - started) / 1000;
      results.push({ label, perSecond: times.length / seconds, p95: percentile(times, 95), codes });
    }
    const [baseline] = results;
    report.result(
      results.map(({ label, perSecond, p95, codes }) => [
        label,
        `${Math.round(perSecond)} req/s (${(perSecond / (baseline?.perSecond ?? 1)).toFixed(2)}x), p95 ${p95.toFixed(1)} ms (${(p95 / (baseline?.p95 ?? 1)).toFixed(2)}x), answered ${[...codes].join(', ')}`,
      ]),
    );
  } finally {
    await apollo.stop();
    await database.drop();
  }
};
