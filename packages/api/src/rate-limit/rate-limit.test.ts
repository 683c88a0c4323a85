import type { Db } from '@proximitat/db';
import { createTestDatabase } from '@proximitat/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consume, consumeAll, pruneRateLimits } from './rate-limit.ts';

let database: { db: Db; drop(): Promise<void> };

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.drop();
});

describe('rate limits', () => {
  it('allows exactly the limit under 300 concurrent attempts', async () => {
    const rule = { name: 'test:burst', limit: 7, windowSeconds: 3600 };
    const decisions = await Promise.all(
      Array.from({ length: 300 }, () => consume(database.db, rule, 'someone@example.org')),
    );
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(7);
    const refused = decisions.find((decision) => !decision.allowed);
    expect(refused?.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused?.retryAfterSeconds).toBeLessThanOrEqual(3600);
  });

  it('counts subjects apart, case-insensitively', async () => {
    const rule = { name: 'test:subjects', limit: 1, windowSeconds: 3600 };
    expect((await consume(database.db, rule, 'A@example.org')).allowed).toBe(true);
    expect((await consume(database.db, rule, 'a@example.org')).allowed).toBe(false);
    expect((await consume(database.db, rule, 'b@example.org')).allowed).toBe(true);
  });

  it('refuses when any of several rules refuses, counting all of them', async () => {
    const perAccount = { name: 'test:all-account', limit: 1, windowSeconds: 60 };
    const perAddress = { name: 'test:all-address', limit: 5, windowSeconds: 600 };
    const first = await consumeAll(database.db, [
      [perAccount, 'x'],
      [perAddress, '10.0.0.1'],
    ]);
    const second = await consumeAll(database.db, [
      [perAccount, 'x'],
      [perAddress, '10.0.0.1'],
    ]);
    expect(first.allowed).toBe(true);
    expect(second.allowed).toBe(false);
    const [bucket] = await database.db.rateLimitBucket.findMany({
      where: { key: 'test:all-address:10.0.0.1' },
    });
    expect(bucket?.count).toBe(2);
  });

  it('prunes windows that ended long ago and keeps current ones', async () => {
    await database.db.rateLimitBucket.create({
      data: { key: 'test:old:x', windowStart: new Date(Date.now() - 3 * 86_400_000), count: 3 },
    });
    // A window still running, of this test's own.
    await consume(database.db, { name: 'test:current', limit: 5, windowSeconds: 3600 }, 'x');
    await pruneRateLimits(database.db);
    expect(await database.db.rateLimitBucket.count({ where: { key: 'test:old:x' } })).toBe(0);
    expect(await database.db.rateLimitBucket.count({ where: { key: 'test:current:x' } })).toBe(1);
  });
});
