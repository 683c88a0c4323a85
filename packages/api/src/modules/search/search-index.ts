import type { Db } from '@proximitat/db';
import type { Logger } from '@proximitat/runtime';
import {
  type Delivery,
  deliverOutbox as deliver,
  type OutboxWorker,
  reindexCompanies as reindex,
  type Search,
  startOutboxWorker as startWorker,
  type Vocabulary,
} from '@proximitat/search';
import { cpvLabel } from '../directory/cpv.ts';

/**
 * The companies index kept in step with PostgreSQL: packages/search's outbox and reindexing, given
 * the directory's CPV vocabulary (a company is found by the Spanish and English names of its CPV
 * codes; Catalan has none of its own and falls back to Spanish).
 */
export const vocabulary: Vocabulary = {
  cpvLabels: (code) => [cpvLabel(code, 'ES'), cpvLabel(code, 'EN')],
};

export function deliverOutbox(
  db: Db,
  search: Search,
  options: { batchSize?: number; indexUid?: string } = {},
): Promise<Delivery> {
  return deliver(db, search, { ...options, vocabulary });
}

/** Delivers the outbox continuously; every API process runs one (main.ts). */
export function startOutboxWorker(
  db: Db,
  search: Search,
  log: Logger,
  options: { intervalMs?: number; batchSize?: number } = {},
): OutboxWorker {
  return startWorker(db, search, log, { ...options, vocabulary });
}

export function reindexCompanies(
  db: Db,
  search: Search,
  onProgress?: (done: number, total: number) => void,
): Promise<{ documents: number }> {
  return reindex(db, search, { vocabulary, ...(onProgress ? { onProgress } : {}) });
}
