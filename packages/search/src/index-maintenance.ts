import type { Db } from '@proximitat/db';
import { clientOf, type Search } from './client.ts';
import { COMPANIES_INDEX, SearchTaskError, settled } from './companies-index.ts';
import { companyDocument, documentSelect, type Vocabulary } from './company-document.ts';
import { enqueueCompanies } from './outbox.ts';

export interface Drift {
  /** Published in PostgreSQL, absent from the index. */
  missing: string[];
  /** In the index, not published in PostgreSQL. */
  extra: string[];
  /** In both, but the index holds an older version. */
  stale: string[];
  published: number;
  indexed: number;
}

const PAGE = 1000;

/** Compares the published companies of PostgreSQL with the documents of the index. */
export async function verifyIndex(db: Db, search: Search): Promise<Drift> {
  const published = new Map(
    (
      await db.company.findMany({ where: { status: 'PUBLISHED' }, select: { id: true, updatedAt: true } })
    ).map((row) => [row.id, row.updatedAt.getTime()]),
  );
  const indexed = new Map<string, number>();
  const exists = (await search.indexes()).includes(search.indexName(COMPANIES_INDEX));
  for (let offset = 0; exists; offset += PAGE) {
    const page = await search.companyDocuments({ offset, limit: PAGE, fields: ['version'] });
    for (const document of page.results) indexed.set(document.id, document.version);
    if (page.results.length < PAGE) break;
  }
  const drift: Drift = {
    missing: [],
    extra: [],
    stale: [],
    published: published.size,
    indexed: indexed.size,
  };
  for (const [id, version] of published) {
    const held = indexed.get(id);
    if (held === undefined) drift.missing.push(id);
    else if (held !== version) drift.stale.push(id);
  }
  for (const id of indexed.keys()) if (!published.has(id)) drift.extra.push(id);
  return drift;
}

export function hasDrift(drift: Drift): boolean {
  return drift.missing.length + drift.extra.length + drift.stale.length > 0;
}

/** How old an unfinished build must be before a later reindex deletes it (one may still be running). */
const ABANDONED_AFTER_MS = 60 * 60_000;

/** Indexes left by a reindex that was killed before it could delete its unfinished build. */
async function removeAbandonedBuilds(search: Search, live: string): Promise<void> {
  for (const uid of await search.indexes()) {
    const builtAt = Number(/_reindex_(\d+)$/.exec(uid)?.[1]);
    if (uid.startsWith(`${live}_reindex_`) && Date.now() - builtAt > ABANDONED_AFTER_MS) {
      await search.deleteIndex(uid).catch(() => undefined);
    }
  }
}

/**
 * Builds a fresh index from PostgreSQL beside the live one and swaps them atomically: searches keep
 * answering from the old index until the swap. Companies changed while it was being built are sent
 * through the outbox again afterwards, so nothing written meanwhile is lost.
 */
export async function reindexCompanies(
  db: Db,
  search: Search,
  options: { vocabulary: Vocabulary; onProgress?: (done: number, total: number) => void },
): Promise<{ documents: number }> {
  const client = clientOf(search);
  const live = search.indexName(COMPANIES_INDEX);
  const fresh = `${live}_reindex_${Date.now()}`;
  const started = new Date();
  await removeAbandonedBuilds(search, live);
  await search.ensureCompaniesIndex(live);
  await search.ensureCompaniesIndex(fresh);
  try {
    const total = await db.company.count({ where: { status: 'PUBLISHED' } });
    // Batches are queued without waiting for each: Meilisearch indexes consecutive additions
    // together, which is much faster. Reading PostgreSQL is the progress; then all must succeed.
    const tasks: number[] = [];
    let done = 0;
    let cursor: string | undefined;
    for (;;) {
      const rows = await db.company.findMany({
        where: { status: 'PUBLISHED' },
        select: documentSelect,
        orderBy: { id: 'asc' },
        take: PAGE,
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      });
      if (rows.length === 0) break;
      const task = await client.index(fresh).addDocuments(
        rows.map((row) => companyDocument(row, options.vocabulary)),
        { primaryKey: 'id' },
      );
      tasks.push(task.taskUid);
      done += rows.length;
      options.onProgress?.(done, total);
      cursor = rows[rows.length - 1]?.id;
    }
    for (const uid of tasks) {
      const task = await client.tasks.waitForTask(uid, { timeout: 30 * 60_000, interval: 200 });
      if (task.status !== 'succeeded')
        throw new SearchTaskError(task.error?.message ?? `indexing task ${task.status}`);
    }
    await settled(client.swapIndexes([{ indexes: [live, fresh], rename: false }]));
    const changed = await db.company.findMany({
      where: { updatedAt: { gte: started } },
      select: { id: true },
    });
    await enqueueCompanies(
      db,
      changed.map((row) => row.id),
    );
    return { documents: done };
  } finally {
    // After the swap this is the old index; before it, the unfinished new one.
    await search.deleteIndex(fresh).catch(() => undefined);
  }
}
