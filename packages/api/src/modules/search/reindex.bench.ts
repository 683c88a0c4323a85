import type { Scenario } from '../../bench/bench.ts';
import { COMPANIES_INDEX, ensureCompaniesIndex, settled } from './companies-index.ts';

const BATCH = 5_000;
/** As search:reindex sends them. */
const ADD_BATCH = 1_000;

export const scenarios: Scenario[] = [
  {
    name: 'reindex',
    summary:
      '`search:reindex` of every company (read PostgreSQL, build documents, index into a new index, swap), timed while preparing the platform, against Meilisearch indexing the same documents, already built, into an index with the same settings',
    async run(context) {
      const platform = await context.platform();
      const { client } = platform.search;
      const live = platform.search.indexName(COMPANIES_INDEX);
      const documents: Record<string, unknown>[] = [];
      await context.step('reading the built documents back from the live index', async () => {
        for (let offset = 0; ; offset += BATCH) {
          const page = await client.index(live).getDocuments({ offset, limit: BATCH });
          documents.push(...(page.results as Record<string, unknown>[]));
          context.progress(documents.length, page.total);
          if (page.results.length < BATCH) break;
        }
      });
      const raw = `${live}_raw_${Date.now()}`;
      await ensureCompaniesIndex(platform.search, raw);
      try {
        const seconds = await context.step(
          'baseline: the same documents straight into Meilisearch',
          async () => {
            const started = performance.now();
            const tasks: number[] = [];
            for (let start = 0; start < documents.length; start += ADD_BATCH) {
              const task = await client
                .index(raw)
                .addDocuments(documents.slice(start, start + ADD_BATCH), { primaryKey: 'id' });
              tasks.push(task.taskUid);
            }
            for (const [index, uid] of tasks.entries()) {
              const task = await client.tasks.waitForTask(uid, { timeout: 30 * 60_000, interval: 200 });
              if (task.status !== 'succeeded')
                throw new Error(task.error?.message ?? `indexing ${task.status}`);
              context.progress(index + 1, tasks.length);
            }
            return (performance.now() - started) / 1000;
          },
        );
        context.figure({
          key: 'reindex seconds',
          label: 'full reindex of every company',
          value: platform.reindexSeconds,
          unit: 's',
          baseline: { label: 'Meilisearch indexing the built documents', value: seconds },
          ...(platform.companies <= 100_000 ? { goal: { kind: 'at-most' as const, value: 60 } } : {}),
        });
        context.figure({
          key: 'reindex rate',
          label: 'documents indexed a second',
          value: platform.companies / platform.reindexSeconds,
          unit: 'docs/s',
          baseline: { label: 'Meilisearch indexing the built documents', value: documents.length / seconds },
        });
      } finally {
        await settled(client.deleteIndex(raw)).catch(() => undefined);
      }
    },
  },
];
