import { clientOf, type Search } from './client.ts';
import { COMPANIES_INDEX, SearchTaskError, settled } from './companies-index.ts';
import type { CompanyDocument } from './company-document.ts';
import { meiliQueries, type SearchRequest } from './company-search.ts';

/**
 * For tests and benchmarks only (`@proximitat/search/testing`): what they must do behind the
 * boundary. Everything else writes the index through the outbox or a reindex.
 */

/**
 * Writes documents straight into the companies index (or `uid`), bypassing the outbox, and waits
 * until Meilisearch has applied them: tests use it to make the index disagree with PostgreSQL, or
 * to age a document; the reindex benchmark to time Meilisearch alone. Batches are queued without
 * waiting for each, as a reindex queues them.
 */
export async function writeCompanyDocuments(
  search: Search,
  documents: CompanyDocument[],
  options: { uid?: string; batchSize?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<void> {
  const index = clientOf(search).index(options.uid ?? search.indexName(COMPANIES_INDEX));
  const batchSize = options.batchSize ?? 1000;
  const tasks: number[] = [];
  for (let start = 0; start < documents.length; start += batchSize) {
    const task = await index.addDocuments(documents.slice(start, start + batchSize), { primaryKey: 'id' });
    tasks.push(task.taskUid);
  }
  for (const [done, uid] of tasks.entries()) {
    const task = await clientOf(search).tasks.waitForTask(uid, { timeout: 30 * 60_000, interval: 200 });
    if (task.status !== 'succeeded')
      throw new SearchTaskError(task.error?.message ?? `indexing task ${task.status}`, task.error?.code);
    options.onProgress?.(done + 1, tasks.length);
  }
}

/** Deletes documents straight from the companies index, bypassing the outbox (to make drift in tests). */
export async function deleteCompanyDocuments(search: Search, ids: string[]): Promise<void> {
  await settled(clientOf(search).index(search.indexName(COMPANIES_INDEX)).deleteDocuments(ids));
}

/** The multi-search body `searchCompanies` sends for a request: benchmarks send it to Meilisearch themselves. */
export function companySearchBody(search: Search, request: SearchRequest) {
  return { queries: meiliQueries(search.indexName(COMPANIES_INDEX), request) };
}
