import { readFile } from 'node:fs/promises';
import type { CreateBaseline } from '../../bench/baseline-server.ts';

/**
 * The search throughput baseline: `GET /search?i=N` makes the N-th search of the mix, the same
 * multi-search the API makes (bodies from packages/search's `companySearchBody`), sent to
 * Meilisearch's HTTP API as its client sends it (JSON, uncompressed), and returns Meilisearch's
 * answer, parsed and serialised again as the API's client parses it. No GraphQL, no database.
 */
export const createBaseline: CreateBaseline = async (env) => {
  const url = new URL('multi-search', `${(env.BENCH_MEILI_URL ?? '').replace(/\/$/, '')}/`);
  const headers = {
    'content-type': 'application/json',
    'accept-encoding': 'identity',
    ...(env.BENCH_MEILI_KEY ? { authorization: `Bearer ${env.BENCH_MEILI_KEY}` } : {}),
  };
  const bodies = (JSON.parse(await readFile(env.BENCH_QUERIES_FILE ?? '', 'utf8')) as unknown[]).map((body) =>
    JSON.stringify(body),
  );
  return {
    async handle(request) {
      const body = bodies[Number(request.searchParams.get('i'))];
      if (!body) return { status: 404, body: '{}' };
      const response = await fetch(url, { method: 'POST', headers, body });
      if (!response.ok) throw new Error(`Meilisearch answered ${response.status}: ${await response.text()}`);
      return { status: 200, body: JSON.stringify(await response.json()) };
    },
    async close() {},
  };
};
