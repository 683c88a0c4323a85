import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@proximitat/runtime';
import { COMPANIES_INDEX, createSearch } from '@proximitat/search';
import { createTestDatabase, type TestDatabase, testServices } from '@proximitat/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlaces } from '../modules/directory/places.ts';
import { importSampleCompanies, sampleCsv } from '../sample-data/sample-import.ts';
import { startProductionApi, startScript, waitForOutput } from '../testing/processes.ts';
import { runScript } from '../testing/run-script.ts';

// Real processes killed at the worst moment: an import, a reindex, and the API itself on SIGTERM.
let dir: string;
const databases: TestDatabase[] = [];
const prefix = `killed_${Date.now()}_`;

const services = (database: TestDatabase) => {
  const { meiliUrl, meiliKey } = testServices();
  return {
    DATABASE_URL: database.url,
    MEILI_URL: meiliUrl,
    MEILI_MASTER_KEY: meiliKey,
    MEILI_INDEX_PREFIX: prefix,
  };
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'proximitat-killed-'));
});
afterAll(async () => {
  const { meiliUrl, meiliKey } = testServices();
  await createSearch(meiliUrl, meiliKey, prefix).dropIndexes();
  await Promise.all(databases.map((database) => database.drop()));
  await rm(dir, { recursive: true, force: true });
});

describe('processes killed at the worst moment', () => {
  it('an import killed while writing leaves no company of it behind', async () => {
    const database = await createTestDatabase();
    databases.push(database);
    const file = join(dir, 'gran.csv');
    await writeFile(file, sampleCsv(await loadPlaces(database.db), 30_000, 'killed-import', 2026));
    const running = startScript(
      'packages/api/src/modules/directory/directory-import.command.ts',
      [file],
      services(database),
    );
    await waitForOutput(running, /writing \[/, 120_000);
    running.child.kill('SIGKILL');
    await running.exited;
    expect(await database.db.company.count()).toBe(0);
    expect(await database.db.searchOutbox.count()).toBe(0);
    expect(await database.db.auditEntry.count()).toBe(0);
  }, 180_000);

  it('a reindex killed half-way leaves the live index serving every company', async () => {
    const database = await createTestDatabase();
    databases.push(database);
    await importSampleCompanies(database.db, await loadPlaces(database.db), 6000, 'killed-reindex');
    const first = await runScript(
      'packages/api/src/modules/search/search-reindex.command.ts',
      [],
      services(database),
    );
    expect(first.code).toBe(0);
    const published = await database.db.company.count({ where: { status: 'PUBLISHED' } });

    const running = startScript(
      'packages/api/src/modules/search/search-reindex.command.ts',
      [],
      services(database),
    );
    await waitForOutput(running, /indexing \[/);
    running.child.kill('SIGKILL');
    await running.exited;

    const { meiliUrl, meiliKey } = testServices();
    const search = createSearch(meiliUrl, meiliKey, prefix);
    expect(await search.companyCount()).toBe(published);
    const verify = await runScript(
      'packages/api/src/modules/search/search-verify.command.ts',
      [],
      services(database),
    );
    expect(verify).toMatchObject({ code: 0, stdout: expect.stringContaining('no drift') });

    // The killed run's unfinished build stays while it might still be running; a later reindex
    // removes builds abandoned more than an hour ago.
    const builds = async () =>
      (await search.indexes()).filter((uid) => uid.startsWith(`${prefix}${COMPANIES_INDEX}_reindex_`));
    const [recent] = await builds();
    expect(recent).toBeDefined();
    const abandoned = `${prefix}${COMPANIES_INDEX}_reindex_${Date.now() - 2 * 3_600_000}`;
    await search.ensureCompaniesIndex(abandoned);
    const again = await runScript(
      'packages/api/src/modules/search/search-reindex.command.ts',
      [],
      services(database),
    );
    expect(again.code).toBe(0);
    expect(await builds()).toEqual([recent]);
  }, 180_000);

  it('the API on SIGTERM finishes the request under way, then exits', async () => {
    const database = await createTestDatabase();
    databases.push(database);
    const port = await freePort();
    const api = startProductionApi({
      ...services(database),
      PORT: String(port),
      DATA_DIR: dir,
    });
    await waitForOutput(api, /running at http:\/\/localhost:\d+/, 120_000);

    // A request half sent when the signal comes: its body arrives afterwards.
    const body = JSON.stringify({ query: '{ districts { code } }' });
    const socket = connect(port, '127.0.0.1');
    await once(socket, 'connect');
    let response = '';
    socket.on('data', (chunk: Buffer) => {
      response += chunk.toString();
    });
    const closed = once(socket, 'close');
    socket.write(
      `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body.slice(0, 10)}`,
    );
    await new Promise((r) => setTimeout(r, 200));
    api.child.kill('SIGTERM');
    await waitForOutput(api, /Stopping: finishing the requests under way/);
    await new Promise((r) => setTimeout(r, 300));
    socket.write(body.slice(10));
    await closed;
    expect(response).toMatch(/^HTTP\/1\.1 200/);
    expect(response).toContain('"districts":[{"code":"01"}');

    expect(await api.exited).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  }, 180_000);
});
