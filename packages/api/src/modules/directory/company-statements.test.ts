import { createDb } from '@proximitat/db';
import { createTestDatabase, type TestDatabase } from '@proximitat/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSampleCompanies } from '../../sample-data/sample-import.ts';
import { contractOperation } from '../../testing/contract.ts';
import { startTestApi, type TestApi } from '../../testing/test-api.ts';
import { deliverOutbox } from '../search/index.ts';
import { parseJson } from './directory-file.ts';
import { importDirectory } from './directory-import.service.ts';
import { loadPlaces } from './places.ts';
import { makeCif } from './tax-id.ts';

// The SQL statements a request sends do not grow with the lists it returns: counted, not timed.
let database: TestDatabase;
let api: TestApi;
let counting = false;
let statements: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const db = createDb(database.url, {
    poolSize: 5,
    onQuery: (sql) => {
      if (counting) statements.push(sql);
    },
  });
  await importDirectory(
    db,
    parseJson(
      JSON.stringify([
        {
          tax_id: makeCif('F', 8800001),
          name: 'Petita',
          legal_form: 'COOP_TREBALL',
          sectors: 'NETEJA',
          cpv_codes: '90910000-9',
          certifications: 'BALANC_SOCIAL',
        },
        {
          tax_id: makeCif('F', 8800002),
          name: 'Gran',
          legal_form: 'COOP_TREBALL',
          sectors: 'NETEJA;CURES;SALUT;EDUCACIO;CULTURA',
          cpv_codes: '90910000-9;90911200-8;77310000-6;85300000-2;80000000-4;45000000-7;79400000-8',
          certifications: 'BALANC_SOCIAL;PAM_A_PAM;ISO14001;EMAS',
          social_clauses: 'IGUALTAT_GENERE;COMERC_JUST;CONCILIACIO',
          street: 'Carrer de Sants, 1',
          postal_code: '08014',
          city: 'Barcelona',
          lat: 41.3752,
          lng: 2.136,
        },
      ]),
    ),
  );
  const gran = await db.company.findFirstOrThrow({ where: { name: 'Gran' } });
  for (const status of ['VERIFIED', 'REJECTED', 'SUBMITTED'] as const) {
    await db.esgAssessment.create({
      data: {
        companyId: gran.id,
        criteriaVersion: 1,
        status,
        score: 70,
        pillarScores: [],
        answers: [],
        reviewedAt: new Date(),
        validUntil: status === 'VERIFIED' ? new Date(Date.now() + 86_400_000) : null,
      },
    });
  }
  await importSampleCompanies(db, await loadPlaces(db), 60, 'statements');
  api = await startTestApi({}, { database: { url: database.url, db, drop: () => database.drop() } });
  await api.search.ensureCompaniesIndex();
  while ((await db.searchOutbox.count()) > 0) await deliverOutbox(db, api.search);
});
afterAll(async () => api?.close());

async function count(query: string, variables: Record<string, unknown>): Promise<number> {
  statements = [];
  counting = true;
  const response = await api.graphql(query, variables);
  counting = false;
  expect(response.errors).toBeUndefined();
  return statements.length;
}

describe('SQL statements per request', () => {
  it('are the same for a company page whatever its lists hold', async () => {
    const slugs = await database.db.company.findMany({ where: { name: { in: ['Petita', 'Gran'] } } });
    const [small, big] = ['Petita', 'Gran'].map((name) => slugs.find((row) => row.name === name)?.slug);
    const company = contractOperation('Company');
    const forSmall = await count(company, { slug: small, locale: 'CA' });
    const forBig = await count(company, { slug: big, locale: 'CA' });
    expect(forBig).toBe(forSmall);
    expect(forSmall).toBeGreaterThan(0);
    expect(forSmall).toBeLessThanOrEqual(6);
  });

  it('are the same for a search page of 5 or of 50 results', async () => {
    const search = contractOperation('SearchCompanies');
    const five = await count(search, { first: 5, locale: 'CA' });
    const fifty = await count(search, { first: 50, locale: 'CA' });
    expect(five).toBeGreaterThan(0);
    expect(fifty).toBe(five);
  });
});
