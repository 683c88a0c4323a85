import { COMPANIES_INDEX, type CompanyDocument } from '@proximitat/search';
import { writeCompanyDocuments } from '@proximitat/search/testing';
import type { Scenario } from '../../bench/bench.ts';

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
      const live = platform.search.indexName(COMPANIES_INDEX);
      const documents: CompanyDocument[] = [];
      await context.step('reading the built documents back from the live index', async () => {
        for (let offset = 0; ; offset += BATCH) {
          const page = await platform.search.companyDocuments({ offset, limit: BATCH });
          documents.push(...page.results);
          context.progress(documents.length, page.total);
          if (page.results.length < BATCH) break;
        }
      });
      const raw = `${live}_raw_${Date.now()}`;
      await platform.search.ensureCompaniesIndex(raw);
      try {
        const seconds = await context.step(
          'baseline: the same documents straight into Meilisearch',
          async () => {
            const started = performance.now();
            await writeCompanyDocuments(platform.search, documents, {
              uid: raw,
              batchSize: ADD_BATCH,
              onProgress: (done, total) => context.progress(done, total),
            });
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
        await platform.search.deleteIndex(raw).catch(() => undefined);
      }
    },
  },
];
