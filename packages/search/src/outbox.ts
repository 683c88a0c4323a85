import type { Db, Prisma } from '@proximitat/db';
import type { Logger } from '@proximitat/runtime';
import { clientOf, type Search } from './client.ts';
import { COMPANIES_INDEX, settled } from './companies-index.ts';
import { loadDocuments, type Vocabulary } from './company-document.ts';

/**
 * The search outbox. Whatever changes a company calls `enqueueCompanies` in the same transaction;
 * `deliverOutbox` later makes the index agree with PostgreSQL for those companies.
 *
 * Correctness with several API processes delivering at once:
 * - rows are claimed with FOR UPDATE SKIP LOCKED, so no two workers take the same row;
 * - a company is delivered only under a transaction-scoped advisory lock on its id, so two workers
 *   never push the same company at the same time;
 * - the worker sends the company's current state, read under that lock, and waits until
 *   Meilisearch has applied it before releasing the lock. A later change is read and sent after
 *   that, so an older state can never overwrite a newer one in the index.
 * Delivery is idempotent (documents are replaced whole; deleting a missing one is harmless), so a
 * row delivered twice after a crash does no harm. When Meilisearch is down the rows stay, with
 * their attempts and a backoff, and the index catches up when it returns.
 */
export async function enqueueCompanies(
  tx: Prisma.TransactionClient | Db,
  companyIds: string[],
): Promise<void> {
  if (companyIds.length === 0) return;
  await tx.$executeRawUnsafe(
    `INSERT INTO "SearchOutbox" ("companyId") SELECT unnest($1::uuid[])`,
    companyIds,
  );
}

export interface Delivery {
  /** Outbox rows done with. */
  delivered: number;
  /** Documents written to the index. */
  indexed: number;
  /** Documents removed from it (unpublished or deleted companies). */
  removed: number;
  /** Rows that failed this time and wait for a retry. */
  failed: number;
  error?: string;
}

/** Retries wait 1 s, 2 s, 4 s, ... up to a minute. */
export function backoffSeconds(attempts: number): number {
  return Math.min(60, 2 ** Math.max(0, attempts - 1));
}

export async function deliverOutbox(
  db: Db,
  search: Search,
  options: { vocabulary: Vocabulary; batchSize?: number; indexUid?: string },
): Promise<Delivery> {
  const batchSize = options.batchSize ?? 500;
  const index = clientOf(search).index(options.indexUid ?? search.indexName(COMPANIES_INDEX));
  const empty: Delivery = { delivered: 0, indexed: 0, removed: 0, failed: 0 };
  return db.$transaction(
    async (tx) => {
      const claimed = await tx.$queryRawUnsafe<{ id: bigint; companyId: string }[]>(
        `SELECT id, "companyId" FROM "SearchOutbox" WHERE "availableAt" <= now()
         ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        batchSize,
      );
      if (claimed.length === 0) return empty;
      const companyIds = [...new Set(claimed.map((row) => row.companyId))];
      const locked = await tx.$queryRawUnsafe<{ id: string }[]>(
        `SELECT c::text AS id FROM unnest($1::uuid[]) AS c
         WHERE pg_try_advisory_xact_lock(hashtextextended(c::text, 7130))`,
        companyIds,
      );
      const mine = new Set(locked.map((row) => row.id));
      const rows = claimed.filter((row) => mine.has(row.companyId)).map((row) => row.id);
      if (rows.length === 0) return empty;

      const documents = await loadDocuments(tx, [...mine], options.vocabulary);
      const gone = [...mine].filter((id) => !documents.has(id));
      try {
        if (documents.size > 0)
          await settled(index.addDocuments([...documents.values()], { primaryKey: 'id' }));
        if (gone.length > 0) await settled(index.deleteDocuments(gone));
      } catch (error) {
        const message = (error as Error).message.slice(0, 500);
        await tx.$executeRawUnsafe(
          `UPDATE "SearchOutbox" SET attempts = attempts + 1, "lastError" = $2,
             "availableAt" = now() + make_interval(secs => LEAST(60, power(2, attempts)))
           WHERE id = ANY($1::bigint[])`,
          rows,
          message,
        );
        return { ...empty, failed: rows.length, error: message };
      }
      await tx.$executeRawUnsafe(`DELETE FROM "SearchOutbox" WHERE id = ANY($1::bigint[])`, rows);
      return { delivered: rows.length, indexed: documents.size, removed: gone.length, failed: 0 };
    },
    { timeout: 180_000, maxWait: 30_000 },
  );
}

export interface OutboxWorker {
  /** Resolves when the outbox has nothing deliverable left (for tests and commands). */
  drained(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Delivers the outbox continuously: at once while there is work, every `intervalMs` when idle,
 * backing off while Meilisearch is unreachable. Every API process runs one.
 */
export function startOutboxWorker(
  db: Db,
  search: Search,
  log: Logger,
  options: { vocabulary: Vocabulary; intervalMs?: number; batchSize?: number },
): OutboxWorker {
  const intervalMs = options.intervalMs ?? 500;
  let stopped = false;
  let indexReady = false;
  let failures = 0;
  let wake: (() => void) | undefined;
  let idleWaiters: (() => void)[] = [];
  const sleep = (ms: number) =>
    new Promise<void>((resolveSleep) => {
      const timer = setTimeout(resolveSleep, ms);
      wake = () => {
        clearTimeout(timer);
        resolveSleep();
      };
    });

  const loop = (async () => {
    while (!stopped) {
      let pause = intervalMs;
      try {
        if (!indexReady) {
          await search.ensureCompaniesIndex();
          indexReady = true;
        }
        const delivery = await deliverOutbox(db, search, {
          vocabulary: options.vocabulary,
          batchSize: options.batchSize ?? 500,
        });
        if (delivery.failed > 0) {
          failures += 1;
          pause = backoffSeconds(failures) * 1000;
          log.warn(
            { failed: delivery.failed, error: delivery.error },
            'search index unreachable: will retry',
          );
        } else {
          if (failures > 0) log.info('search index reachable again');
          failures = 0;
          if (delivery.delivered > 0) {
            log.debug({ ...delivery }, 'search outbox delivered');
            continue;
          }
          for (const resolveIdle of idleWaiters) resolveIdle();
          idleWaiters = [];
        }
      } catch (error) {
        failures += 1;
        pause = backoffSeconds(failures) * 1000;
        log.warn({ err: error }, 'search outbox delivery failed: will retry');
      }
      if (!stopped) await sleep(pause);
    }
  })();

  return {
    drained: () =>
      new Promise<void>((resolveIdle) => {
        idleWaiters.push(resolveIdle);
        wake?.();
      }),
    async stop() {
      stopped = true;
      wake?.();
      await loop;
      for (const resolveIdle of idleWaiters) resolveIdle();
    },
  };
}
