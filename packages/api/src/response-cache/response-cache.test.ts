import { createDb } from '@proximitat/db';
import { createLogger, readEnv } from '@proximitat/runtime';
import { createTestDatabase, type TestDatabase } from '@proximitat/testing';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSession } from '../modules/account/session.service.ts';
import { seedAll } from '../seed.ts';
import { contractOperation } from '../testing/contract.ts';
import { startTestApi, type TestApi } from '../testing/test-api.ts';
import { CACHE_BOUNDS, cacheableScopes } from './response-cache.ts';

// Whether an answer was reused is told by the SQL statements the request sent, not by timing.
let database: TestDatabase;
let api: TestApi;
let statements: string[] = [];
let staffToken: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = createDb(database.url, { poolSize: 5, onQuery: (sql) => statements.push(sql) });
  await seedAll(db, readEnv({ NODE_ENV: 'test', SAMPLE_COMPANIES: '30' }), createLogger('silent', 'test'));
  const staff = await db.account.create({
    data: { email: 'staff@cache.test', passwordHash: 'x', role: 'STAFF', emailVerifiedAt: new Date() },
  });
  staffToken = (await createSession(db, staff.id)).token;
  api = await startTestApi({}, { database: { url: database.url, db, drop: () => database.drop() } });
});
afterAll(async () => api?.close());

async function counted<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
  statements = [];
  const result = await work();
  return { result, statements: statements.length };
}

const workPlan = () => api.graphql(contractOperation('WorkPlan'), { year: 2018, locale: 'CA' });

describe('the response cache', () => {
  it('serves a repeated public query from memory, reading only the data versions', async () => {
    // A request text no other test sends (the cache keys the text as sent), so the first answer
    // is computed whatever ran before.
    const never = () =>
      api.graphql(`${contractOperation('WorkPlan')}\n# asked first here`, { year: 2018, locale: 'CA' });
    const first = await counted(never);
    expect(first.result.errors).toBeUndefined();
    expect(first.statements).toBeGreaterThan(1);
    const second = await counted(never);
    expect(second.statements).toBe(1);
    expect(second.result).toEqual(first.result);
  });

  it('shows a change at once: the data version moved', async () => {
    await workPlan();
    const change = await api.graphql(
      contractOperation('SetMeasureStatus'),
      { input: { year: 2018, code: '1.1.A', status: 'DONE', comment: 'fet' } },
      { token: staffToken },
    );
    expect(JSON.stringify(change)).toContain('"status":"DONE"');
    const after = await counted(workPlan);
    expect(after.statements).toBeGreaterThan(1);
    expect(JSON.stringify(after.result)).toMatch(/"code":"1\.1\.A"[^}]*"status":"DONE"/);
    // Directory statistics did not depend on that change: still served from memory.
    await api.graphql(contractOperation('EcosystemStats'));
    const stats = await counted(() => api.graphql(contractOperation('EcosystemStats')));
    expect(stats.statements).toBe(1);
  });

  it('follows directory changes for statistics', async () => {
    const before = await api.graphql<{ ecosystemStats: { totalCompanies: number } }>(
      contractOperation('EcosystemStats'),
    );
    const published = await database.db.company.findFirstOrThrow({ where: { status: 'PUBLISHED' } });
    await database.db.company.update({ where: { id: published.id }, data: { status: 'ARCHIVED' } });
    const after = await api.graphql<{ ecosystemStats: { totalCompanies: number } }>(
      contractOperation('EcosystemStats'),
    );
    expect(after.data?.ecosystemStats.totalCompanies).toBe(
      (before.data?.ecosystemStats.totalCompanies ?? 0) - 1,
    );
  });

  it('computes an answer once when identical requests arrive together on a cold cache', async () => {
    const stats = () => api.graphql(contractOperation('EcosystemStats'));
    const bump = async () => {
      const company = await database.db.company.findFirstOrThrow({ where: { status: 'PUBLISHED' } });
      await database.db.company.update({
        where: { id: company.id },
        data: { employees: (company.employees ?? 0) + 1 },
      });
    };
    await bump();
    const alone = await counted(stats);
    await bump();
    const together = await counted(() => Promise.all(Array.from({ length: 5 }, stats)));
    for (const answer of together.result) expect(answer).toEqual(together.result[0]);
    // One computes; the other four only read the data versions.
    expect(together.statements).toBe(alone.statements + 4);
  });

  it('never reuses answers for signed-in viewers, variables that differ or other operations', async () => {
    await counted(() => api.graphql(contractOperation('WorkPlan'), { year: 2018, locale: 'ES' }));
    const signedIn = await counted(() =>
      api.graphql(contractOperation('WorkPlan'), { year: 2018, locale: 'CA' }, { token: staffToken }),
    );
    expect(signedIn.statements).toBeGreaterThan(1);
    const english = await counted(() =>
      api.graphql(contractOperation('WorkPlan'), { year: 2018, locale: 'EN' }),
    );
    expect(english.statements).toBeGreaterThan(1);
  });

  it('answers a repeated anonymous request before Apollo, byte for byte, in the media type asked for', async () => {
    const post = async (accept: string | null, headers: Record<string, string> = {}) => {
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(accept ? { accept } : {}), ...headers },
        body: JSON.stringify({ query: contractOperation('EcosystemStats') }),
      });
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        text: await response.text(),
      };
    };
    const computed = await post('application/graphql-response+json');
    const early = () => api.cacheStats().early;

    const before = early();
    const again = await counted(() => post('application/graphql-response+json'));
    expect(early()).toBe(before + 1);
    expect(again.statements).toBe(1);
    expect(again.result).toEqual(computed);
    expect(computed.type).toBe('application/graphql-response+json; charset=utf-8');

    const plain = await post(null);
    expect(plain.type).toBe('application/json; charset=utf-8');
    expect(plain.text).toBe(computed.text);
    expect(early()).toBe(before + 2);

    // Apollo answers what the cache cannot: a session, a media type it does not serve, a change.
    await post(null, { cookie: 'proximitat_session=not-a-session' });
    expect((await post('text/html')).status).toBe(406);
    const company = await database.db.company.findFirstOrThrow({ where: { status: 'PUBLISHED' } });
    await database.db.company.update({ where: { id: company.id }, data: { employees: 1234 } });
    const changed = await counted(() => post(null));
    expect(changed.statements).toBeGreaterThan(1);
    expect(early()).toBe(before + 2);
  });

  it('keeps what it stores under its bound in bytes, and never stores an answer above the entry size', async () => {
    // Distinct requests (an alias of their own) of about 80 KB each: more than the bound holds.
    const fine = (alias: string) => `{ ${alias}: districts { outline(detail: DISTRICT) } }`;
    const count = Math.ceil((CACHE_BOUNDS.totalBytes * 1.3) / 80_000);
    for (let i = 0; i < count; i += 10) {
      await Promise.all(
        Array.from({ length: Math.min(10, count - i) }, (_, j) => api.graphql(fine(`a${i + j}`))),
      );
    }
    const filled = api.cacheStats();
    expect(filled.bytes).toBeGreaterThan(CACHE_BOUNDS.totalBytes * 0.9);
    expect(filled.bytes).toBeLessThanOrEqual(CACHE_BOUNDS.totalBytes);
    expect(filled.entries).toBeLessThan(count);
    // The most recent answers are the ones kept.
    const last = await counted(() => api.graphql(fine(`a${count - 1}`)));
    expect(last.statements).toBe(1);

    // Ten outlines of every district: about 800 KB, within the cost limit, sent but not stored.
    const large = `{ ${Array.from({ length: 10 }, (_, i) => `l${i}: districts { outline(detail: DISTRICT) }`).join(' ')} }`;
    const answer = await api.graphql(large);
    expect(answer.errors).toBeUndefined();
    expect(api.cacheStats().tooLarge).toBe(filled.tooLarge + 1);
    const again = await counted(() => api.graphql(large));
    expect(again.statements).toBeGreaterThan(1);
  });

  it('reuses an answer for a minute at most: some change with time alone (an ESG homologation expiring)', async () => {
    await workPlan();
    expect((await counted(workPlan)).statements).toBe(1);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + CACHE_BOUNDS.maxAgeMs + 1000);
      expect((await counted(workPlan)).statements).toBeGreaterThan(1);
      expect((await counted(workPlan)).statements).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('caches only queries made of cacheable root fields', () => {
    const operation = (text: string) => {
      const definition = parse(text).definitions[0];
      if (definition?.kind !== 'OperationDefinition') throw new Error('no operation');
      return definition;
    };
    expect(cacheableScopes(operation('{ workPlan(year: 2018) { year } __typename }'))).toEqual(['plan']);
    expect(cacheableScopes(operation('{ ecosystemStats { totalCompanies } districts { code } }'))).toEqual([
      'directory',
      'plan',
    ]);
    expect(cacheableScopes(operation('{ workPlan(year: 2018) { year } me { email } }'))).toBeNull();
    expect(cacheableScopes(operation('mutation { logout { ok } }'))).toBeNull();
    expect(
      cacheableScopes(operation('{ ...F } fragment F on Query { workPlan(year: 2018) { year } }')),
    ).toBeNull();
  });
});
