import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { backupDatabase, RestoreError, restoreDatabase } from '@proximitat/db';
import { createSearch } from '@proximitat/search';
import { createTestDatabase, type TestDatabase, testServices } from '@proximitat/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSampleCompanies } from '../../sample-data/sample-import.ts';
import { signedIn } from '../../testing/accounts.ts';
import { runScript } from '../../testing/run-script.ts';
import { startTestApi, type TestApi } from '../../testing/test-api.ts';
import { loadPlaces } from '../directory/places.ts';
import { seedEsgCriteria } from '../esg/esg-criteria.ts';

let api: TestApi;
let dir: string;
const targets: TestDatabase[] = [];

beforeAll(async () => {
  api = await startTestApi();
  dir = await mkdtemp(join(tmpdir(), 'proximitat-backup-'));
  await seedEsgCriteria(api.db);
  await importSampleCompanies(api.db, await loadPlaces(api.db), 120, 'backup-test');
  const officer = await signedIn(api, 'PROCUREMENT_OFFICER');
  const created = await api.graphql<{ createShortlist: { shortlist: { id: string } } }>(
    'mutation { createShortlist(input: { name: "Còpia: \\"neteja\\"\\nl·l" }) { shortlist { id } } }',
    {},
    { token: officer.token },
  );
  const company = await api.db.company.findFirstOrThrow({ where: { status: 'PUBLISHED' } });
  await api.graphql(
    'mutation ($s: ID!, $c: ID!) { addToShortlist(shortlistId: $s, companyId: $c, note: "tab\\tnova línia\\n\\\\ barra") { userErrors { code } } }',
    { s: created.data?.createShortlist.shortlist.id, c: company.id },
    { token: officer.token },
  );
});
afterAll(async () => {
  await Promise.all(targets.map((target) => target.drop()));
  await rm(dir, { recursive: true, force: true });
  await api?.close();
});

/** Every table's rows as one fingerprint, so two databases compare table by table. */
async function fingerprint(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`,
    );
    const result: Record<string, string> = {};
    for (const { name } of tables.rows) {
      const rows = await client.query<{ n: string; hash: string | null }>(
        `SELECT count(*) AS n, md5(string_agg(t::text, E'\\n' ORDER BY t::text)) AS hash FROM "${name}" t`,
      );
      result[name] = `${rows.rows[0]?.n}:${rows.rows[0]?.hash}`;
    }
    return result;
  } finally {
    await client.end();
  }
}

describe('backup and restore', () => {
  it('restores a backup into a fresh database with every row as it was, and sequences moving on', async () => {
    const file = join(dir, 'complet.backup.gz');
    const seen: string[] = [];
    const summary = await backupDatabase(api.databaseUrl, file, (table) => seen.push(table));
    expect(summary.tables.find((table) => table.name === 'Company')?.rows).toBe(120);
    expect(seen.indexOf('LegalForm')).toBeLessThan(seen.indexOf('Company'));

    const target = await createTestDatabase({ empty: true });
    targets.push(target);
    await restoreDatabase(target.url, file);
    const [before, after] = await Promise.all([fingerprint(api.databaseUrl), fingerprint(target.url)]);
    expect(after).toEqual(before);

    // New rows get new ids after the restored ones.
    const audit = await target.db.auditEntry.findFirst({ orderBy: { id: 'desc' } });
    const next = await target.db.auditEntry.create({
      data: { action: 'test', entityType: 'Test', entityId: 'x', changes: {} },
    });
    expect(BigInt(next.id)).toBeGreaterThan(BigInt(audit?.id ?? 0));
  });

  it('refuses a database that has data, a file that is not a backup, and one cut short; nothing is half-restored', async () => {
    const file = join(dir, 'refusos.backup.gz');
    await backupDatabase(api.databaseUrl, file);
    await expect(restoreDatabase(api.databaseUrl, file)).rejects.toThrow(/not empty/);

    const notBackup = join(dir, 'no.gz');
    await writeFile(notBackup, gzipSync('hola'));
    await expect(restoreDatabase(api.databaseUrl, notBackup)).rejects.toBeInstanceOf(RestoreError);

    const { readFile } = await import('node:fs/promises');
    const { gunzipSync } = await import('node:zlib');
    const text = gunzipSync(await readFile(file)).toString('utf8');
    const cut = join(dir, 'tallat.backup.gz');
    await writeFile(cut, gzipSync(text.slice(0, text.indexOf('@table "Company"') + 200)));
    const target = await createTestDatabase({ empty: true });
    targets.push(target);
    await expect(restoreDatabase(target.url, cut)).rejects.toThrow(/cut short|damaged/);
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    const rows = await client.query<{ n: string }>('SELECT count(*) AS n FROM "District"');
    await client.end();
    expect(Number(rows.rows[0]?.n)).toBe(0);
  });

  it('runs as pnpm db:backup and pnpm db:restore, which reindexes search, with progress', async () => {
    const { meiliUrl, meiliKey } = testServices();
    const file = join(dir, 'ordre.backup.gz');
    const backup = await runScript('packages/api/src/modules/backup/db-backup.command.ts', [file], {
      DATABASE_URL: api.databaseUrl,
    });
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/backed up \d+ tables \(\d+ rows\) to .*ordre\.backup\.gz/);

    const target = await createTestDatabase({ empty: true });
    targets.push(target);
    const prefix = `restore_${Date.now()}_`;
    const restore = await runScript('packages/api/src/modules/backup/db-restore.command.ts', [file], {
      DATABASE_URL: target.url,
      MEILI_URL: meiliUrl,
      MEILI_MASTER_KEY: meiliKey,
      MEILI_INDEX_PREFIX: prefix,
    });
    expect(restore.stderr).toContain('indexing [');
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(/restored \d+ tables/);
    expect(restore.stdout).toMatch(/reindexed 120 companies/);
    const restored = createSearch(meiliUrl, meiliKey, prefix);
    expect(await restored.companyCount()).toBe(
      await target.db.company.count({ where: { status: 'PUBLISHED' } }),
    );
    await restored.dropIndexes();

    const again = await runScript('packages/api/src/modules/backup/db-restore.command.ts', [file], {
      DATABASE_URL: target.url,
      MEILI_URL: meiliUrl,
      MEILI_MASTER_KEY: meiliKey,
      MEILI_INDEX_PREFIX: prefix,
    });
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/not empty/);
  });
});
