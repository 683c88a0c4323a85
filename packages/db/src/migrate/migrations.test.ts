import { readFile } from 'node:fs/promises';
import { createTestDatabase, type TestDatabase, waitFor } from '@proximitat/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyMigrations,
  isEmptyChange,
  pendingSchemaChange,
  readMigrationList,
  schemaPath,
} from './migrations.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.drop());

describe('migrations', () => {
  it('agree with schema.prisma (otherwise run pnpm db:migration <name>)', async () => {
    const sql = await pendingSchemaChange(database.url);
    expect(isEmptyChange(sql), `schema.prisma has changes no migration holds:\n${sql}`).toBe(true);
  });

  it('would notice a change of schema.prisma that no migration holds', async () => {
    const schema = await readFile(schemaPath, 'utf8');
    const changed = `${schema}\nmodel Probe {\n  id Int @id\n}\n`;
    const sql = await pendingSchemaChange(database.url, changed);
    expect(sql).toContain('CREATE TABLE "Probe"');
  });

  it('are recorded in _prisma_migrations as prisma migrate deploy records them, and apply once', async () => {
    const { migrationDirectories } = await readMigrationList();
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const rows = await client.query<{ migration_name: string; finished_at: Date | null; checksum: string }>(
        'SELECT migration_name, finished_at, checksum FROM _prisma_migrations ORDER BY migration_name',
      );
      expect(rows.rows.map((row) => row.migration_name)).toEqual(migrationDirectories.map((dir) => dir.path));
      expect(rows.rows.every((row) => row.finished_at !== null && /^[0-9a-f]{64}$/.test(row.checksum))).toBe(
        true,
      );
    } finally {
      await client.end();
    }
    expect(await applyMigrations(database.url)).toEqual([]);
  });

  it('leave no connection open behind them (a template database must have none to be copied)', async () => {
    await applyMigrations(database.url);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      // This file never queries through its Prisma client: any other session is the engine's, or
      // the previous test's, whose server process may take a moment to exit after its socket
      // closed. A leak stays; an exit in progress is gone within the wait.
      let others: string[] = [];
      await waitFor(
        async () => {
          const { rows } = await client.query<{ session: string }>(
            `SELECT concat_ws(' ', pid, application_name, state, left(query, 80)) AS session
               FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
          );
          others = rows.map((row) => row.session);
          return others.length === 0;
        },
        { timeout: 5_000, message: () => `no other session; still open: ${others.join('; ')}` },
      );
      expect(others).toEqual([]);
    } finally {
      await client.end();
    }
  });
});
