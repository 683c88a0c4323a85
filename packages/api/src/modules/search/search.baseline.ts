import { readFile } from 'node:fs/promises';
import { createSearch, type Search } from '@proximitat/search';
import type { CreateBaseline } from '../../bench/baseline-server.ts';

type MultiSearch = Parameters<Search['client']['multiSearch']>[0];

/**
 * The search throughput baseline: `GET /search?i=N` makes the N-th search of the mix, the same
 * multi-search the API makes, and returns Meilisearch's answer. No GraphQL, no database.
 */
export const createBaseline: CreateBaseline = async (env) => {
  const { client } = createSearch(env.BENCH_MEILI_URL ?? '', env.BENCH_MEILI_KEY);
  const bodies = JSON.parse(await readFile(env.BENCH_QUERIES_FILE ?? '', 'utf8')) as MultiSearch[];
  return {
    async handle(url) {
      const body = bodies[Number(url.searchParams.get('i'))];
      if (!body) return { status: 404, body: '{}' };
      return { status: 200, body: JSON.stringify(await client.multiSearch(body)) };
    },
    async close() {},
  };
};
