import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createLogger,
  type EmbeddedMeilisearch,
  freePort,
  startEmbeddedMeilisearch,
} from '@proximitat/runtime';
import { createSearch, hasDrift, type OutboxWorker, verifyIndex } from '@proximitat/search';
import { waitFor } from '@proximitat/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleCsv } from '../../sample-data/sample-import.ts';
import { startTestApi, type TestApi } from '../../testing/test-api.ts';
import { parseCsv } from '../directory/directory-file.ts';
import { importDirectory } from '../directory/directory-import.service.ts';
import { loadPlaces } from '../directory/places.ts';
import { startOutboxWorker } from './search-index.ts';

// A Meilisearch of this test's own, killed outright in the middle of a burst of writes.
let dir: string;
let port: number;
const key = randomBytes(16).toString('hex');
let meili: EmbeddedMeilisearch | undefined;
let api: TestApi;
let worker: OutboxWorker;

const start = async () => {
  meili = await startEmbeddedMeilisearch({ dir, port, masterKey: key });
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'proximitat-outage-'));
  port = await freePort();
  await start();
  api = await startTestApi({}, { search: createSearch(`http://127.0.0.1:${port}`, key, 'outage_') });
  worker = startOutboxWorker(api.db, api.search, createLogger('silent', 'outbox'), { intervalMs: 100 });
}, 90_000);
afterAll(async () => {
  await worker?.stop();
  await api?.close();
  await meili?.process.stop('SIGKILL');
  if (dir) await rm(dir, { recursive: true, force: true });
});

const outboxEmpty = (timeout: number) =>
  waitFor(async () => (await api.db.searchOutbox.count()) === 0, {
    timeout,
    interval: 200,
    message: 'the search outbox to be delivered',
  });

describe('a Meilisearch outage during a burst of writes', () => {
  it('loses no update, answers searches from PostgreSQL meanwhile, and ends with no drift', async () => {
    const places = await loadPlaces(api.db);
    const csv = sampleCsv(places, 150, 'outage', 2026);
    await importDirectory(api.db, parseCsv(csv));
    await outboxEmpty(30_000);
    expect(hasDrift(await verifyIndex(api.db, api.search))).toBe(false);

    // A burst of imports that change every company's head count, one transaction each.
    const file = parseCsv(csv);
    const burst = async (round: number) => {
      const rows = file.rows.map((row) => ({
        ...row,
        record: { ...row.record, employees: String(1000 + round) },
      }));
      const { summary } = await importDirectory(api.db, { ...file, rows });
      expect(summary.updated).toBe(150);
    };
    await burst(1);
    await meili?.process.stop('SIGKILL');
    await burst(2);
    const during = await api.graphql<{ searchCompanies: { degraded: boolean; totalCount: number } }>(
      '{ searchCompanies(query: "cooperativa", first: 5) { degraded totalCount } }',
    );
    expect(during.data?.searchCompanies.degraded).toBe(true);
    expect(during.data?.searchCompanies.totalCount).toBeGreaterThan(0);
    await burst(3);
    expect(await api.db.searchOutbox.count()).toBeGreaterThan(0);

    await start();
    await outboxEmpty(90_000);
    const drift = await verifyIndex(api.db, api.search);
    expect(drift).toMatchObject({ missing: [], extra: [], stale: [] });
    const { results } = await api.search.companyDocuments({ limit: 1000, fields: ['employees'] });
    expect(results.every((document) => document.employees === 1003)).toBe(true);
  }, 180_000);
  it('under continuous write load: killed while writes and deliveries are in flight, it catches up with the last write of every company', async () => {
    const places = await loadPlaces(api.db);
    const file = parseCsv(sampleCsv(places, 60, 'under-load', 2026));
    await importDirectory(api.db, file);
    await outboxEmpty(30_000);

    // Three writers, each updating its own third of the companies over and over, one transaction
    // a write; the head count records the writer's round, so the last value is known.
    const thirds = [0, 1, 2].map((writer) => file.rows.filter((_, index) => index % 3 === writer));
    const rounds = [0, 0, 0];
    let writing = true;
    const writers = thirds.map(async (rows, writer) => {
      while (writing) {
        const round = (rounds[writer] ?? 0) + 1;
        const { summary } = await importDirectory(api.db, {
          ...file,
          rows: rows.map((row) => ({ ...row, record: { ...row.record, employees: String(2000 + round) } })),
        });
        expect(summary.updated).toBe(rows.length);
        rounds[writer] = round;
      }
    });
    const searchesDuringOutage: boolean[] = [];
    /** Whether every writer has finished `more` rounds since `since` (a copy of `rounds`). */
    const advanced = (since: number[], more: number) =>
      rounds.every((round, writer) => round >= (since[writer] ?? 0) + more);
    // Killed outright while the writers and the outbox worker are busy: once every writer has
    // written twice and deliveries are waiting.
    await waitFor(async () => advanced([0, 0, 0], 2) && (await api.db.searchOutbox.count()) > 0, {
      timeout: 30_000,
      interval: 20,
      message: 'writes and deliveries to be in flight',
    });
    await meili?.process.stop('SIGKILL');
    // The outage lasts until every writer has written twice more and ten searches were answered.
    const atKill = [...rounds];
    await waitFor(
      async () => {
        const during = await api.graphql<{ searchCompanies: { degraded: boolean; totalCount: number } }>(
          '{ searchCompanies(query: "cooperativa", first: 5) { degraded totalCount } }',
        );
        searchesDuringOutage.push(!during.errors && (during.data?.searchCompanies.degraded ?? false));
        return searchesDuringOutage.length >= 10 && advanced(atKill, 2);
      },
      { timeout: 60_000, interval: 100, message: 'writes and searches during the outage' },
    );
    expect(searchesDuringOutage.every(Boolean)).toBe(true);
    await start();
    // Writes go on against the restarted Meilisearch until each writer has written twice more and
    // the worker has delivered to it.
    const atRestart = [...rounds];
    const outboxAtRestart = await api.db.searchOutbox.count();
    await waitFor(
      async () => advanced(atRestart, 2) && (await api.db.searchOutbox.count()) < outboxAtRestart,
      { timeout: 60_000, interval: 20, message: 'writes and deliveries after the restart' },
    );
    writing = false;
    await Promise.all(writers);
    expect(Math.min(...rounds)).toBeGreaterThan(2);

    await outboxEmpty(90_000);
    expect(await verifyIndex(api.db, api.search)).toMatchObject({ missing: [], extra: [], stale: [] });
    const expectedByTaxId = new Map(
      thirds.flatMap((rows, writer) =>
        rows.map((row) => [String(row.record.tax_id), 2000 + (rounds[writer] ?? 0)] as const),
      ),
    );
    const companies = await api.db.company.findMany({
      where: { taxId: { in: [...expectedByTaxId.keys()] } },
      select: { id: true, taxId: true },
    });
    expect(companies).toHaveLength(60);
    for (const company of companies) {
      const document = await api.search.companyDocument(company.id);
      expect(document?.employees).toBe(expectedByTaxId.get(company.taxId));
    }
  }, 180_000);
});
