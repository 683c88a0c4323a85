import { createLogger, readEnv } from '@proximitat/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAll } from './seed.ts';
import { startTestApi, type TestApi } from './testing/test-api.ts';

let api: TestApi;
const log = createLogger('silent', 'seed-test');

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.close());

describe('start-up seed', () => {
  it('adds SAMPLE_COMPANIES sample companies to an empty directory only', async () => {
    await seedAll(api.db, readEnv({ SAMPLE_COMPANIES: '0' }), log);
    expect(await api.db.company.count()).toBe(0);

    await seedAll(api.db, readEnv({ SAMPLE_COMPANIES: '25' }), log);
    expect(await api.db.company.count({ where: { status: 'PUBLISHED' } })).toBe(25);
    const first = await api.db.company.findMany({
      orderBy: { taxId: 'asc' },
      select: { taxId: true, updatedAt: true },
    });

    // Not empty any more: a second start-up adds nothing and changes nothing, even with a larger count.
    await seedAll(api.db, readEnv({ SAMPLE_COMPANIES: '40' }), log);
    expect(
      await api.db.company.findMany({ orderBy: { taxId: 'asc' }, select: { taxId: true, updatedAt: true } }),
    ).toEqual(first);
  });
});
