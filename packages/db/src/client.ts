import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client.ts';

export type Db = PrismaClient;

export interface DbOptions {
  /** Connections in the pool; PostgreSQL's own limit is shared by every process. */
  poolSize?: number;
  onPoolError?: (error: Error) => void;
  /** PostgreSQL cancels a statement that runs longer (ms); none when unset. */
  statementTimeoutMs?: number;
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
  return new PrismaClient({ adapter });
}

/** A client on a database brought up to date first: what every command that reads or writes needs. */
export async function openMigratedDb(databaseUrl: string, options: DbOptions = {}): Promise<Db> {
  const { applyMigrations } = await import('./migrate/migrations.ts');
  await applyMigrations(databaseUrl);
  return createDb(databaseUrl, options);
}
