import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/prisma/client.ts';

export type Db = PrismaClient;

/**
 * Boundaries are 1.6 MB of GeoJSON for all places, and every query of a district or neighbourhood
 * (a relation, a join, a count's parent) would carry them along: no query reads them unless it asks
 * with `omit: { boundary: false }`, as the reference data held in memory does once per process.
 * `Db` keeps Prisma's plain type, because Pothos's generated shapes are those of the plain client;
 * reference-cache.ts is the one reader of `boundary`, and its tests fail if the column is missing.
 */
export const GLOBAL_OMIT = { district: { boundary: true }, neighbourhood: { boundary: true } } as const;

export interface DbOptions {
  /** Connections in the pool; PostgreSQL's own limit is shared by every process. */
  poolSize?: number;
  onPoolError?: (error: Error) => void;
  /** PostgreSQL cancels a statement that runs longer (ms); none when unset. */
  statementTimeoutMs?: number;
  /** Called with every SQL statement Prisma sends (tests count them). */
  onQuery?: (sql: string) => void;
}

const pools = new WeakMap<Db, { pool: pg.Pool; onQuery: ((sql: string) => void) | undefined }>();

export function createDb(databaseUrl: string, options: DbOptions = {}): Db {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5000,
    ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
  });
  // An idle connection that breaks (the server restarting) is reported, not thrown.
  pool.on('error', options.onPoolError ?? (() => undefined));
  // The pool is the client's alone: $disconnect ends it.
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const onQuery = options.onQuery;
  let client: Db;
  if (onQuery) {
    const logged = new PrismaClient({ adapter, omit: GLOBAL_OMIT, log: [{ emit: 'event', level: 'query' }] });
    logged.$on('query', (event) => onQuery(event.query));
    client = logged as unknown as Db;
  } else {
    client = new PrismaClient({ adapter, omit: GLOBAL_OMIT }) as unknown as Db;
  }
  pools.set(client, { pool, onQuery });
  return client;
}

/**
 * A named statement sent straight through the client's pg pool (prepared once per connection),
 * for the few statements that nearly every request sends: Prisma's own work around a raw query
 * costs about three times the statement itself (0.65 ms against 0.21 ms, measured sequentially).
 */
export async function preparedQuery<Row>(db: Db, name: string, text: string, values: unknown[] = []) {
  const owned = pools.get(db);
  if (!owned) throw new Error('preparedQuery needs a client made by createDb');
  owned.onQuery?.(text);
  const result = await owned.pool.query<Row & pg.QueryResultRow>({ name, text, values });
  return result.rows;
}

/** How many connections the client's pool may open: callers that must leave some free size their share by it. */
export function poolSize(db: Db): number {
  const owned = pools.get(db);
  if (!owned) throw new Error('poolSize needs a client made by createDb');
  return owned.pool.options.max;
}

/** A client on a database brought up to date first: what every command that reads or writes needs. */
export async function openMigratedDb(databaseUrl: string, options: DbOptions = {}): Promise<Db> {
  const { applyMigrations } = await import('./migrate/migrations.ts');
  await applyMigrations(databaseUrl);
  return createDb(databaseUrl, options);
}
