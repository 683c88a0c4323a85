import {
  COMPANIES_INDEX,
  type CompanyDocument,
  createSearch,
  enqueueCompanies,
  hasDrift,
  verifyIndex,
} from '@proximitat/search';
import { deleteCompanyDocuments } from '@proximitat/search/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importSampleCompanies } from '../../sample-data/sample-import.ts';
import { startTestApi, type TestApi } from '../../testing/test-api.ts';
import { parseCsv } from '../directory/directory-file.ts';
import { importDirectory } from '../directory/directory-import.service.ts';
import { loadPlaces } from '../directory/places.ts';
import { makeCif } from '../directory/tax-id.ts';
import { deliverOutbox, reindexCompanies } from './search-index.ts';
import { normaliseSearch } from './search-request.ts';

let api: TestApi;

async function outboxCount() {
  return api.db.searchOutbox.count();
}

async function deliverAll() {
  for (let round = 0; round < 100 && (await outboxCount()) > 0; round += 1) {
    await deliverOutbox(api.db, api.search, { batchSize: 50 });
  }
}

async function indexed(): Promise<Map<string, CompanyDocument>> {
  const { results } = await api.search.companyDocuments({ limit: 10_000 });
  return new Map(results.map((doc) => [doc.id, doc]));
}

/** Every published company in the index at its current version, and nothing else. */
async function expectInSync() {
  const published = await api.db.company.findMany({
    where: { status: 'PUBLISHED' },
    select: { id: true, updatedAt: true },
  });
  const documents = await indexed();
  expect(documents.size).toBe(published.length);
  for (const company of published)
    expect(documents.get(company.id)?.version).toBe(company.updatedAt.getTime());
}

// Each test has an API, a database and search indexes of its own: the outbox and the index as a
// whole are what these tests look at, so none may see what another left.
beforeEach(async () => {
  api = await startTestApi();
  await api.search.ensureCompaniesIndex();
});
afterEach(async () => api?.close());

/** 120 sample companies, imported and delivered to the index: where most tests start. */
async function indexedDirectory() {
  await importSampleCompanies(api.db, await loadPlaces(api.db), 120, 'outbox');
  await deliverAll();
  expect(await outboxCount()).toBe(0);
}

describe('the search outbox', () => {
  it('is written in the same transaction as the companies, and not at all when an import fails', async () => {
    const bad = parseCsv(
      `tax_id;name;legal_form;sectors\n${makeCif('F', 8300001)};Bona;COOP_TREBALL;NETEJA\nX;;;\n`,
    );
    await importDirectory(api.db, bad);
    expect(await outboxCount()).toBe(0);

    await importSampleCompanies(api.db, await loadPlaces(api.db), 120, 'outbox');
    expect(await outboxCount()).toBe(120);
    // Importing the same again changes nothing and enqueues nothing.
    await importSampleCompanies(api.db, await loadPlaces(api.db), 120, 'outbox');
    expect(await outboxCount()).toBe(120);
  });

  it('delivers published companies to the index, with every CPV level filterable', async () => {
    await importSampleCompanies(api.db, await loadPlaces(api.db), 120, 'outbox');
    expect(await outboxCount()).toBe(120);
    await deliverAll();
    expect(await outboxCount()).toBe(0);
    await expectInSync();
    const company = await api.db.company.findFirstOrThrow({ where: { cpvCodes: { isEmpty: false } } });
    const document = (await indexed()).get(company.id);
    const code = company.cpvCodes[0] ?? '';
    expect(document?.cpvPrefixes).toEqual(expect.arrayContaining([code.slice(0, 2), code.slice(0, 5), code]));
    const found = await api.search.searchCompanies({
      ...(await normaliseSearch(api.db, {})),
      cpv: [code.slice(0, 3)],
      limit: 200,
    });
    expect(found.hits.map((hit) => hit.id)).toContain(company.id);
  });

  it('removes unpublished companies and is idempotent', async () => {
    await indexedDirectory();
    const [first, second] = await api.db.company.findMany({ take: 2, orderBy: { taxId: 'asc' } });
    await api.db.$transaction(async (tx) => {
      await tx.company.updateMany({
        where: { id: { in: [first?.id ?? '', second?.id ?? ''] } },
        data: { status: 'ARCHIVED' },
      });
      await enqueueCompanies(tx, [first?.id ?? '', second?.id ?? '']);
    });
    // The same change twice: delivered twice, same result.
    await enqueueCompanies(api.db, [first?.id ?? '']);
    await deliverAll();
    const documents = await indexed();
    expect(documents.has(first?.id ?? '')).toBe(false);
    expect(documents.has(second?.id ?? '')).toBe(false);
    await expectInSync();
  });

  it('keeps the changes while Meilisearch is unreachable and delivers them when it is back', async () => {
    await indexedDirectory();
    const company = await api.db.company.findFirstOrThrow({ where: { status: 'PUBLISHED' } });
    await api.db.$transaction(async (tx) => {
      await tx.company.update({ where: { id: company.id }, data: { name: 'La Nova Formiga' } });
      await enqueueCompanies(tx, [company.id]);
    });
    const down = createSearch('http://127.0.0.1:9', 'key', api.search.indexPrefix);
    const failed = await deliverOutbox(api.db, down);
    expect(failed).toMatchObject({ delivered: 0, failed: 1 });
    const row = await api.db.searchOutbox.findFirstOrThrow({ where: { companyId: company.id } });
    expect(row.attempts).toBe(1);
    expect(row.lastError).toBeTruthy();
    expect(row.availableAt.getTime()).toBeGreaterThan(Date.now());
    // Not retried before its time...
    expect(await deliverOutbox(api.db, api.search)).toMatchObject({ delivered: 0 });
    // ...and delivered once it comes.
    await api.db.searchOutbox.updateMany({ data: { availableAt: new Date() } });
    expect(await deliverOutbox(api.db, api.search)).toMatchObject({ delivered: 1, indexed: 1 });
    expect((await indexed()).get(company.id)?.name).toBe('La Nova Formiga');
  });

  it('never lets two workers deliver the same company at once', async () => {
    await indexedDirectory();
    const [held, other] = await api.db.company.findMany({
      where: { status: 'PUBLISHED' },
      take: 2,
      orderBy: { id: 'asc' },
    });
    await enqueueCompanies(api.db, [held?.id ?? '', other?.id ?? '']);
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolveRelease) => {
      release = resolveRelease;
    });
    let holding: () => void = () => undefined;
    const isHolding = new Promise<void>((resolveHolding) => {
      holding = resolveHolding;
    });
    // Another worker is delivering `held` right now: it holds the company's lock.
    const otherWorker = api.db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtextextended($1, 7130))`, held?.id);
      holding();
      await released;
    });
    await isHolding;
    const delivery = await deliverOutbox(api.db, api.search);
    expect(delivery).toMatchObject({ delivered: 1, indexed: 1 });
    expect(await api.db.searchOutbox.findMany({ select: { companyId: true } })).toEqual([
      { companyId: held?.id },
    ]);
    release();
    await otherWorker;
    expect(await deliverOutbox(api.db, api.search)).toMatchObject({ delivered: 1 });
  });

  it('ends in sync when several workers deliver a burst of changes concurrently', async () => {
    await indexedDirectory();
    const companies = await api.db.company.findMany({ select: { id: true }, orderBy: { id: 'asc' } });
    for (let round = 1; round <= 3; round += 1) {
      for (const [position, company] of companies.entries()) {
        if (position % round !== 0) continue;
        await api.db.$transaction(async (tx) => {
          await tx.company.update({
            where: { id: company.id },
            data: {
              employees: round * 1000 + position,
              status: position % 7 === round ? 'PENDING_REVIEW' : 'PUBLISHED',
            },
          });
          await enqueueCompanies(tx, [company.id]);
        });
      }
      await Promise.all(
        Array.from({ length: 4 }, () => deliverOutbox(api.db, api.search, { batchSize: 40 })),
      );
    }
    await Promise.all(Array.from({ length: 4 }, () => deliverAll()));
    expect(await outboxCount()).toBe(0);
    await expectInSync();
  });
});

describe('verify and reindex', () => {
  it('reports drift of every kind, and a reindex swaps in an index with none', async () => {
    await indexedDirectory();
    expect(hasDrift(await verifyIndex(api.db, api.search))).toBe(false);

    const [missing, extra, stale] = await api.db.company.findMany({
      where: { status: 'PUBLISHED' },
      take: 3,
      orderBy: { id: 'asc' },
    });
    // Changes made behind the outbox's back, as a bug or a manual edit would.
    await deleteCompanyDocuments(api.search, [missing?.id ?? '']);
    await api.db.company.update({ where: { id: extra?.id ?? '' }, data: { status: 'ARCHIVED' } });
    await api.db.company.update({ where: { id: stale?.id ?? '' }, data: { name: 'Nom Canviat' } });
    const drift = await verifyIndex(api.db, api.search);
    expect(drift).toMatchObject({ missing: [missing?.id], extra: [extra?.id], stale: [stale?.id] });

    // Searches keep answering while the new index is built; the swap is atomic.
    const progress: number[] = [];
    const searching = api.search.searchCompanies(await normaliseSearch(api.db, {}));
    const { documents } = await reindexCompanies(api.db, api.search, (done) => progress.push(done));
    expect((await searching).hits.length).toBeGreaterThan(0);
    expect(documents).toBe(await api.db.company.count({ where: { status: 'PUBLISHED' } }));
    expect(progress.at(-1)).toBe(documents);
    expect(hasDrift(await verifyIndex(api.db, api.search))).toBe(false);
    expect((await indexed()).get(stale?.id ?? '')?.name).toBe('Nom Canviat');
    // Only the live index is left.
    const uids = await api.search.indexes();
    expect(uids.filter((uid) => uid.startsWith(api.search.indexName(COMPANIES_INDEX)))).toEqual([
      api.search.indexName(COMPANIES_INDEX),
    ]);
  });
});
