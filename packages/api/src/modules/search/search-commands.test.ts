import { randomBytes } from 'node:crypto';
import { createSearch } from '@proximitat/search';
import { createTestDatabase, type TestDatabase, testServices } from '@proximitat/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSampleCompanies } from '../../sample-data/sample-import.ts';
import { runScript } from '../../testing/run-script.ts';
import { loadPlaces } from '../directory/places.ts';

// `pnpm search:verify` and `pnpm search:reindex` as real processes, on a database and an index
// prefix of this file's own.
const prefix = `cmd_${randomBytes(4).toString('hex')}_`;
let database: TestDatabase;

async function command(name: 'verify' | 'reindex') {
  const { meiliUrl, meiliKey } = testServices();
  return runScript(`packages/api/src/modules/search/search-${name}.command.ts`, [], {
    DATABASE_URL: database.url,
    MEILI_URL: meiliUrl,
    MEILI_MASTER_KEY: meiliKey,
    MEILI_INDEX_PREFIX: prefix,
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  await importSampleCompanies(database.db, await loadPlaces(database.db), 30, 'commands');
});
afterAll(async () => {
  const { meiliUrl, meiliKey } = testServices();
  await createSearch(meiliUrl, meiliKey, prefix)
    .dropIndexes()
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
