import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { applyMigrations, readMigrationList } from '../migrate/migrations.ts';

/**
 * Logical backups without pg_dump (the embedded PostgreSQL ships none, and Debian's is older than
 * the server): every table of the public schema as PostgreSQL's COPY text, read in one
 * REPEATABLE READ snapshot, in a gzip file:
 *
 *   PROXIMITAT-BACKUP 1
 *   {"createdAt": ..., "migrations": [...], "tables": [{"name": ..., "rows": ...}]}
 *   @table "Company" 1234
 *   <COPY text rows, one a line>
 *   \.
 *
 * A restore needs an empty database: it applies the migrations the backup was taken at (no newer
 * ones may be missing from this code), loads the tables in foreign-key order in one transaction,
 * and moves the sequences past the restored ids. Nothing is left half-restored.
 */
const MAGIC = 'PROXIMITAT-BACKUP 1';
const MIGRATIONS_TABLE = '_prisma_migrations';

export interface BackupSummary {
  file: string;
  tables: { name: string; rows: number }[];
  migrations: string[];
}

export type TableProgress = (table: string, index: number, total: number) => void;

async function connect(databaseUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  return client;
}

/** The tables of the public schema, parents before children (foreign keys), then by name. */
async function tablesInLoadOrder(client: pg.Client): Promise<string[]> {
  const tables = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> $1 ORDER BY c.relname`,
    [MIGRATIONS_TABLE],
  );
  const edges = await client.query<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
     JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE k.contype = 'f' AND n.nspname = 'public' AND c.oid <> p.oid`,
  );
  const parents = new Map<string, Set<string>>(tables.rows.map((row) => [row.name, new Set()]));
  for (const edge of edges.rows) parents.get(edge.child)?.add(edge.parent);
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < parents.size) {
    const ready = [...parents.keys()].filter(
      (name) => !placed.has(name) && [...(parents.get(name) ?? [])].every((parent) => placed.has(parent)),
    );
    if (ready.length === 0) throw new Error('the foreign keys between tables form a cycle');
    for (const name of ready) {
      placed.add(name);
      ordered.push(name);
    }
  }
  return ordered;
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Writes a backup of the database to `file` (written beside it first, then moved into place). */
export async function backupDatabase(
  databaseUrl: string,
  file: string,
  onTable: TableProgress = () => undefined,
): Promise<BackupSummary> {
  const client = await connect(databaseUrl);
  const partial = `${file}.partial`;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const tables = await tablesInLoadOrder(client);
    const migrations = (
      await client.query<{ name: string }>(
        `SELECT migration_name AS name FROM ${MIGRATIONS_TABLE} WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY 1`,
      )
    ).rows.map((row) => row.name);
    const counts: { name: string; rows: number }[] = [];
    for (const name of tables) {
      const result = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quoteIdent(name)}`);
      counts.push({ name, rows: Number(result.rows[0]?.n ?? 0) });
    }

    const gzip = createGzip();
    const out = createWriteStream(partial);
    const written = pipeline(gzip, out);
    const write = async (text: string) => {
      if (!gzip.write(text)) await once(gzip, 'drain');
    };
    await write(
      `${MAGIC}\n${JSON.stringify({ createdAt: new Date().toISOString(), migrations, tables: counts })}\n`,
    );
    for (const [index, { name, rows }] of counts.entries()) {
      onTable(name, index, counts.length);
      await write(`@table ${JSON.stringify(name)} ${rows}\n`);
      const copy = client.query(copyTo(`COPY ${quoteIdent(name)} TO STDOUT`));
      for await (const chunk of copy) {
        if (!gzip.write(chunk)) await once(gzip, 'drain');
      }
      await write('\\.\n');
    }
    gzip.end();
    await written;
    await client.query('COMMIT');
    await rename(partial, file);
    return { file, tables: counts, migrations };
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    await client.end();
  }
}

export class RestoreError extends Error {
  override name = 'RestoreError';
}

/** Restores a backup into an empty database, then returns what it loaded. */
export async function restoreDatabase(
  databaseUrl: string,
  file: string,
  onTable: TableProgress = () => undefined,
): Promise<BackupSummary> {
  const lines = createInterface({
    input: createReadStream(file).pipe(createGunzip()),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  const iterator = lines[Symbol.asyncIterator]();
  const next = async () => {
    const { value, done } = await iterator.next();
    return done ? null : (value as string);
  };
  const magic = await next().catch(() => null);
  if (magic !== MAGIC) throw new RestoreError(`${file} is not a Proximitat backup`);
  const header = JSON.parse((await next()) ?? '{}') as {
    migrations: string[];
    tables: { name: string; rows: number }[];
  };

  const known = new Set((await readMigrationList()).migrationDirectories.map((dir) => dir.path));
  const unknown = header.migrations.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new RestoreError(
      `the backup comes from a newer version (migrations ${unknown.join(', ')}); update first`,
    );
  }

  const client = await connect(databaseUrl);
  try {
    for (const name of await tablesInLoadOrder(client)) {
      const rows = await client.query<{ any: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM ${quoteIdent(name)}) AS any`,
      );
      if (rows.rows[0]?.any) {
        throw new RestoreError(`the database is not empty (${name} has rows): restore into a new database`);
      }
    }
  } finally {
    await client.end();
  }

  await applyMigrations(databaseUrl);
  const loader = await connect(databaseUrl);
  try {
    await loader.query('BEGIN');
    const order = await tablesInLoadOrder(loader);
    for (let index = 0; ; index++) {
      const line = await next();
      if (line === null) break;
      const match = /^@table (".*") (\d+)$/.exec(line);
      if (!match)
        throw new RestoreError(`${file} is damaged: a table was expected, not "${line.slice(0, 40)}"`);
      const name = JSON.parse(match[1] as string) as string;
      if (!order.includes(name))
        throw new RestoreError(`the backup has a table this version does not: ${name}`);
      onTable(name, index, header.tables.length);
      const copy = loader.query(copyFrom(`COPY ${quoteIdent(name)} FROM STDIN`));
      let ended = false;
      for (;;) {
        const row = await next();
        if (row === null) break;
        if (row === '\\.') {
          ended = true;
          break;
        }
        if (!copy.write(`${row}\n`)) await once(copy, 'drain');
      }
      copy.end();
      await once(copy, 'finish').catch((error: Error) => {
        throw new RestoreError(`${file} is damaged in table ${name}: ${error.message}`);
      });
      if (!ended) throw new RestoreError(`${file} is cut short in table ${name}`);
      const counted = await loader.query<{ n: string }>(`SELECT count(*) AS n FROM ${quoteIdent(name)}`);
      if (Number(counted.rows[0]?.n) !== Number(match[2])) {
        throw new RestoreError(
          `${file} is damaged: ${name} has ${counted.rows[0]?.n} rows, the backup says ${match[2]}`,
        );
      }
    }
    // Identity and serial columns continue after the restored ids.
    const sequences = await loader.query<{ table: string; column: string; sequence: string }>(
      `SELECT c.table_name AS table, c.column_name AS column, pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) AS sequence
       FROM information_schema.columns c WHERE c.table_schema = 'public'
         AND pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) IS NOT NULL`,
    );
    for (const { table, column, sequence } of sequences.rows) {
      await loader.query(
        `SELECT setval($1, coalesce((SELECT max(${quoteIdent(column)}) FROM ${quoteIdent(table)}), 0) + 1, false)`,
        [sequence],
      );
    }
    await loader.query('COMMIT');
  } catch (error) {
    await loader.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await loader.end();
    lines.close();
  }
  return { file, tables: header.tables, migrations: header.migrations };
}

/** Drops and creates the database of `databaseUrl` again, empty (for `db:restore --replace`). */
export async function recreateDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new RestoreError(`cannot recreate a database named "${name}"`);
  url.pathname = '/postgres';
  const client = await connect(url.toString());
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
  } finally {
    await client.end();
  }
}
