import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '@proximitat/runtime';
import { createSearch } from '@proximitat/search';
import { createTestDatabase, type TestDatabase, testServices } from '@proximitat/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlaces } from '../directory/places.ts';
import { importSampleCompanies } from '../directory/sample-import.ts';
import { COMPANIES_INDEX } from './companies-index.ts';

// `pnpm search:verify` and `pnpm search:reindex` as real processes, on a database and an index
// prefix of this file's own.
const run = promisify(execFile);
const prefix = `cmd_${randomBytes(4).toString('hex')}_`;
let database: TestDatabase;

async function command(name: 'verify' | 'reindex') {
  const { meiliUrl, meiliKey } = testServices();
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', join(repoRoot, `packages/api/src/modules/search/search-${name}.command.ts`)],
      {
        cwd: join(repoRoot, 'packages/api'),
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          DATABASE_URL: database.url,
          MEILI_URL: meiliUrl,
          MEILI_MASTER_KEY: meiliKey,
          MEILI_INDEX_PREFIX: prefix,
          LOG_LEVEL: 'warn',
        },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  await importSampleCompanies(database.db, await loadPlaces(database.db), 30, 'commands');
});
afterAll(async () => {
  const { meiliUrl, meiliKey } = testServices();
  await createSearch(meiliUrl, meiliKey)
    .client.deleteIndex(`${prefix}${COMPANIES_INDEX}`)
    .waitTask()
    .catch(() => undefined);
  await database?.drop();
});

describe('pnpm search:verify and search:reindex', () => {
  it('report drift with exit code 1, and none after a reindex', async () => {
    const before = await command('verify');
    expect(before.code).toBe(1);
    expect(before.stdout).toContain('30 missing from the index');
    const reindex = await command('reindex');
    expect(reindex.code).toBe(0);
    expect(reindex.stdout).toMatch(/reindexed 30 companies in [\d.]+ s/);
    const after = await command('verify');
    expect(after).toMatchObject({ code: 0, stdout: expect.stringContaining('no drift') });
  });
});
