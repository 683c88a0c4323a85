import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client.ts';

export type Db = PrismaClient;

export interface DbOptions {
  /** Connections in the pool; PostgreSQL's own limit is shared by every process. */
  poolSize?: number;
  onPoolError?: (error: Error) => void;
  /** PostgreSQL cancels a statement that runs longer (ms); none when unset. */
  statementTimeoutMs?: number;
  /** Called with every SQL statement Prisma sends (tests count them). */
  onQuery?: (sql: string) => void;
}

export function createDb(databaseUrl: string, options: DbOptions = {}): Db {
  const adapter = new PrismaPg(
    {
      connectionString: databaseUrl,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: 5000,
      ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
    },
    { onPoolError: options.onPoolError ?? (() => undefined) },
  );
  if (!options.onQuery) return new PrismaClient({ adapter });
  const onQuery = options.onQuery;
  const client = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
  client.$on('query', (event) => onQuery(event.query));
  return client as unknown as PrismaClient;
}

/** A client on a database brought up to date first: what every command that reads or writes needs. */
export async function openMigratedDb(databaseUrl: string, options: DbOptions = {}): Promise<Db> {
  const { applyMigrations } = await import('./migrate/migrations.ts');
  await applyMigrations(databaseUrl);
  return createDb(databaseUrl, options);
}
