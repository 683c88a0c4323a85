import { randomBytes } from 'node:crypto';
import { seedReferenceData } from '@proximitat/db';
import { createSearch } from '@proximitat/search';
import { hashPassword } from '../modules/account/password.ts';
import { createSession } from '../modules/account/session.service.ts';
import { importDirectory } from '../modules/directory/directory-import.service.ts';
import { loadPlaces } from '../modules/directory/places.ts';
import { reindexCompanies } from '../modules/search/index.ts';
import { sampleImportFile } from '../sample-data/sample-import.ts';
import type { BenchDatabase, Platform, ScenarioContext } from './bench.ts';
import { startApi } from './processes.ts';

const SEED = 'bench';
const CHUNK = 50_000;

/**
 * The platform at a scale: generated companies (the same generator as `directory:generate`, imported
 * through the directory import), a full reindex (timed: the reindex scenario's figure), accounts
 * with sessions, and the API started in production mode. Growing to a larger scale imports the
 * difference into the same database: the generator is deterministic, so the first rows are the same.
 */
export async function preparePlatform(
  database: BenchDatabase,
  meili: { url: string; key: string | undefined },
  scale: number,
  context: Pick<ScenarioContext, 'step' | 'progress'>,
  previous: Platform | undefined,
): Promise<Platform> {
  const { db } = database;
  const indexPrefix = previous?.meili.indexPrefix ?? `bench_${randomBytes(4).toString('hex')}_`;
  const search = previous?.search ?? createSearch(meili.url, meili.key, indexPrefix);
  await previous?.api.stop();

  await seedReferenceData(db);
  const existing = await db.company.count();
  if (existing < scale) {
    await context.step(`generating and importing ${scale - existing} companies`, async () => {
      const places = await loadPlaces(db);
      const file = sampleImportFile(places, scale, SEED, new Date().getFullYear());
      for (let start = existing; start < scale; start += CHUNK) {
        const rows = file.rows.slice(start, Math.min(scale, start + CHUNK));
        const { summary } = await importDirectory(db, { ...file, rows });
        if (summary.created !== rows.length)
          throw new Error(`the import created ${summary.created} of ${rows.length} generated companies`);
        context.progress(start + rows.length - existing, scale - existing);
      }
      // The reindex below covers them: the outbox need not replay the import.
      await db.searchOutbox.deleteMany();
    });
  }
  const reindexStarted = performance.now();
  await context.step(`full reindex of ${scale} companies`, () =>
    reindexCompanies(db, search, (done, total) => context.progress(done, total)),
  );
  const reindexSeconds = (performance.now() - reindexStarted) / 1000;

  const account = async (role: 'PROCUREMENT_OFFICER' | 'STAFF') => {
    const email = `${role.toLowerCase()}-${randomBytes(4).toString('hex')}@bench.proximitat.localhost`;
    const created = await db.account.create({
      data: {
        email,
        role,
        passwordHash: await hashPassword(randomBytes(16).toString('hex')),
        emailVerifiedAt: new Date(),
      },
    });
    return { id: created.id, token: (await createSession(db, created.id)).token };
  };
  const officer = await account('PROCUREMENT_OFFICER');
  const staff = await account('STAFF');
  const shortlist = await db.shortlist.create({ data: { ownerId: officer.id, name: 'Benchmark' } });
  // Every (scale / 200)th company: spread over the import order, so over districts and sectors.
  const step = Math.max(1, Math.floor(scale / 200));
  const sample = await db.$queryRaw<{ id: string; slug: string }[]>`
    SELECT id::text, slug FROM (
      SELECT id, slug, row_number() OVER (ORDER BY "createdAt", id) AS n
      FROM "Company" WHERE status = 'PUBLISHED') numbered
    WHERE n % ${step} = 0 LIMIT 200`;

  const api = await context.step('starting the API in production mode', () =>
    startApi({ databaseUrl: database.url, meiliUrl: meili.url, meiliKey: meili.key, indexPrefix }),
  );
  // Memory once start-up (migrations, seeding) is over and nothing is asked of it.
  await new Promise((resolveWait) => setTimeout(resolveWait, 2_000));
  const idleRss = await api.rss();
  return {
    idleRss,
    databaseUrl: database.url,
    db,
    search,
    meili: { ...meili, indexPrefix },
    api,
    companies: scale,
    reindexSeconds,
    tokens: { officer: officer.token, staff: staff.token },
    shortlistId: shortlist.id,
    sample,
  };
}

export async function disposePlatform(platform: Platform): Promise<void> {
  await platform.api.stop();
  const uids = await platform.search.indexes().catch(() => [] as string[]);
  for (const uid of uids) await platform.search.deleteIndex(uid).catch(() => undefined);
}
