import { createTestDatabase, waitFor } from '@proximitat/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, type TestAccount } from '../../testing/accounts.ts';
import { startTestApi, type TestApi } from '../../testing/test-api.ts';
import { deliverMail, type Mail } from '../mail/mail.ts';
import { passwordVerifications } from './password.ts';
import { pruneLoginThrottle, THROTTLE } from './throttle.service.ts';

// Two APIs over one database: one behind a trusted proxy on loopback, one trusting no proxy.
let proxied: TestApi;
let direct: TestApi;
let database: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  database = await createTestDatabase();
  const shared = { url: database.url, db: database.db, drop: async () => undefined };
  proxied = await startTestApi({ TRUST_PROXY: 'loopback' }, { database: shared });
  direct = await startTestApi({}, { database: shared });
});
afterAll(async () => {
  await proxied?.close();
  await direct?.close();
  await database?.drop();
});

const LOGIN =
  'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token retryAfterSeconds userErrors { field code reason params { name value } } } }';
type Login = {
  login: {
    token: string | null;
    retryAfterSeconds: number | null;
    userErrors: {
      field: string | null;
      code: string;
      reason: string;
      params: { name: string; value: string }[];
    }[];
  };
};

let addressCounter = 0;
/** A documentation address (TEST-NET-3) nobody else in this file uses; only ever a header value. */
const freshAddress = () => {
  addressCounter += 1;
  return `203.0.113.${addressCounter % 250}${addressCounter >= 250 ? `:${addressCounter}` : ''}`;
};

function login(api: TestApi, email: string, password: string, from?: string) {
  return api.graphql<Login>(LOGIN, { email, password }, from ? { headers: { 'x-forwarded-for': from } } : {});
}

/**
 * The most attempts the account rule lets through in `ms`: the free ones, then one more each time
 * a wait (1 s, 2 s, 4 s ...) has passed. 300 requests take seconds to answer on this machine.
 */
const mostChecked = (ms: number) => THROTTLE.accountFreeFailures + Math.floor(Math.log2(ms / 1000 + 1));

const codeOf = (response: { data?: Login | null }) =>
  response.data?.login.token ? 'SIGNED_IN' : (response.data?.login.userErrors[0]?.code ?? 'NONE');

/** As if the account's current wait were over (the clock moved on), without waiting in the test. */
const waitIsOver = (email: string) =>
  database.db.$executeRawUnsafe(
    `UPDATE "LoginThrottle" SET "nextAttemptAt" = now() - interval '1 second' WHERE key = $1`,
    `account:${email}`,
  );

describe('the sign-in throttle under concurrency', () => {
  it('checks at most the free attempts of 300 parallel wrong passwords for one account', async () => {
    const victim = await signedIn(proxied, 'USER');
    const from = freshAddress();
    const before = passwordVerifications();
    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: 300 }, (_, i) => login(proxied, victim.email, `endevinalla ${i}`, from)),
    );
    const elapsed = performance.now() - started;
    const checked = passwordVerifications() - before;
    const codes = answers.map(codeOf);
    expect(answers.every((answer) => answer.status === 200 && !answer.errors)).toBe(true);
    expect(checked).toBeLessThanOrEqual(mostChecked(elapsed));
    expect(codes.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(checked);
    expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(300 - checked);
    const refused = answers.find((answer) => codeOf(answer) === 'RATE_LIMITED');
    expect(refused?.data?.login.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused?.data?.login.userErrors).toEqual([
      {
        field: null,
        code: 'RATE_LIMITED',
        reason: 'RATE_LIMITED',
        params: [{ name: 'retryAfterSeconds', value: String(refused?.data?.login.retryAfterSeconds) }],
      },
    ]);
    const wrongPassword = answers.find((answer) => codeOf(answer) === 'UNAUTHENTICATED');
    expect(wrongPassword?.data?.login.userErrors).toEqual([
      { field: 'password', code: 'UNAUTHENTICATED', reason: 'INVALID_CREDENTIALS', params: [] },
    ]);
    // The refusals were not counted as failures of the address.
    const row = await database.db.loginThrottle.findUnique({ where: { key: `ip:${from}` } });
    expect(row?.failures).toBe(checked);
  });

  it('does not let a burst of wrong passwords ending with the right one sign in', async () => {
    const victim = await signedIn(proxied, 'USER');
    const from = freshAddress();
    const before = passwordVerifications();
    const started = performance.now();
    const wrong = Array.from({ length: 39 }, (_, i) => login(proxied, victim.email, `prova ${i}`, from));
    // The right password comes while the wrong ones are still being answered.
    const firstRefusal = Promise.race(
      wrong.map((answer) => answer.then((a) => (codeOf(a) === 'RATE_LIMITED' ? a : new Promise(() => {})))),
    );
    const right = firstRefusal.then(() => login(proxied, victim.email, victim.password, from));
    const [rightAnswer] = await Promise.all([right, ...wrong]);
    expect(codeOf(rightAnswer)).toBe('RATE_LIMITED');
    expect(rightAnswer.data?.login.token).toBeNull();
    expect(passwordVerifications() - before).toBeLessThanOrEqual(mostChecked(performance.now() - started));
  });
});

describe('parallel sign-ins that succeed', () => {
  it('are all let through from one address, whatever their order', async () => {
    const accounts = await Promise.all(Array.from({ length: 8 }, () => signedIn(proxied, 'USER')));
    const from = freshAddress();
    for (let round = 0; round < 3; round += 1) {
      const answers = await Promise.all(accounts.map((a) => login(proxied, a.email, a.password, from)));
      expect(answers.map(codeOf)).toEqual(accounts.map(() => 'SIGNED_IN'));
    }
    expect((await database.db.loginThrottle.findUnique({ where: { key: `ip:${from}` } }))?.failures).toBe(0);
  });
});

describe('the throttle cannot be turned against an account owner', () => {
  it('keeps the owner out no longer than the capped delay, whatever others send from other addresses', async () => {
    const victim = await signedIn(proxied, 'USER');
    // The attack of the report: five wrong passwords from five addresses.
    for (let i = 0; i < THROTTLE.accountFreeFailures; i += 1) {
      expect(codeOf(await login(proxied, victim.email, `dolenta ${i}`, freshAddress()))).toBe(
        'UNAUTHENTICATED',
      );
    }
    const owner = freshAddress();
    const inside = await login(proxied, victim.email, victim.password, owner);
    expect(codeOf(inside)).toBe('RATE_LIMITED');
    expect(inside.data?.login.retryAfterSeconds).toBe(1);
    // The real clock this once: the throttle ends when it said it would (watched in the database,
    // so that no sign-in attempt is spent on asking).
    const refusedAt = Date.now();
    await waitFor(
      async () =>
        (
          await database.db.$queryRawUnsafe<{ over: boolean }[]>(
            `SELECT "nextAttemptAt" <= now() AS over FROM "LoginThrottle" WHERE key = $1`,
            `account:${victim.email}`,
          )
        )[0]?.over,
      { timeout: 5_000, interval: 50, message: "the account's throttle to end" },
    );
    expect(Date.now() - refusedAt).toBeLessThanOrEqual(1_000 + 500);
    expect(codeOf(await login(proxied, victim.email, victim.password, owner))).toBe('SIGNED_IN');

    // A long attack: the wait doubles after each failure, up to the cap, and never beyond it.
    for (let i = 1; i < THROTTLE.accountFreeFailures; i += 1) {
      expect(codeOf(await login(proxied, victim.email, `atac ${i}`, freshAddress()))).toBe('UNAUTHENTICATED');
    }
    const waits: number[] = [];
    for (let i = 0; i < 13; i += 1) {
      await waitIsOver(victim.email);
      expect(codeOf(await login(proxied, victim.email, `atac llarg ${i}`, freshAddress()))).toBe(
        'UNAUTHENTICATED',
      );
      const refused = await login(proxied, victim.email, `atac llarg ${i} bis`, freshAddress());
      expect(codeOf(refused)).toBe('RATE_LIMITED');
      waits.push(refused.data?.login.retryAfterSeconds ?? 0);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300, 300]);
    // The owner at an address the account has not used before (see the next test for a usual one).
    const elsewhere = freshAddress();
    const refusedOwner = await login(proxied, victim.email, victim.password, elsewhere);
    expect(codeOf(refusedOwner)).toBe('RATE_LIMITED');
    expect(refusedOwner.data?.login.retryAfterSeconds).toBeLessThanOrEqual(THROTTLE.accountMaxDelaySeconds);
    // Refusals do not lengthen the wait: hammering inside it leaves it as it was.
    const until = await database.db.loginThrottle.findUniqueOrThrow({
      where: { key: `account:${victim.email}` },
    });
    await Promise.all(Array.from({ length: 20 }, () => login(proxied, victim.email, 'més', freshAddress())));
    expect(
      (await database.db.loginThrottle.findUniqueOrThrow({ where: { key: `account:${victim.email}` } }))
        .nextAttemptAt,
    ).toEqual(until.nextAttemptAt);
    await waitIsOver(victim.email);
    expect(codeOf(await login(proxied, victim.email, victim.password, elsewhere))).toBe('SIGNED_IN');
  });

  it('never holds up the owner at an address the account signed in from, however long others attack', async () => {
    const victim = await signedIn(proxied, 'USER');
    const usual = freshAddress();
    expect(codeOf(await login(proxied, victim.email, victim.password, usual))).toBe('SIGNED_IN');
    // Others keep failing from elsewhere, well past the free attempts, and keep it up meanwhile.
    for (let i = 0; i < THROTTLE.accountFreeFailures + 4; i += 1) {
      await waitIsOver(victim.email);
      await login(proxied, victim.email, `des de fora ${i}`, freshAddress());
    }
    const attack = Promise.all(
      Array.from({ length: 40 }, (_, i) => login(proxied, victim.email, `continu ${i}`, freshAddress())),
    );
    expect(codeOf(await login(proxied, victim.email, victim.password, freshAddress()))).toBe('RATE_LIMITED');
    expect(codeOf(await login(proxied, victim.email, victim.password, usual))).toBe('SIGNED_IN');
    // The owner signing in at home gives those guessing elsewhere no fresh attempts.
    expect(codeOf(await login(proxied, victim.email, 'una altra', freshAddress()))).toBe('RATE_LIMITED');
    await attack;
    // At the usual address the same rule holds for whoever is there: its failures have their own count.
    const before = passwordVerifications();
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => login(proxied, victim.email, `a casa ${i}`, usual)),
    );
    expect(passwordVerifications() - before).toBeLessThanOrEqual(THROTTLE.accountFreeFailures + 2);
    expect(codeOf(await login(proxied, victim.email, victim.password, usual))).toBe('RATE_LIMITED');
  });

  it('lifts the delay when the owner resets the password', async () => {
    const victim = await signedIn(proxied, 'USER');
    for (let i = 0; i < THROTTLE.accountFreeFailures + 3; i += 1) {
      await waitIsOver(victim.email);
      await login(proxied, victim.email, `dolenta ${i}`, freshAddress());
    }
    expect(codeOf(await login(proxied, victim.email, victim.password, freshAddress()))).toBe('RATE_LIMITED');

    await proxied.graphql(
      'mutation ($email: String!) { requestPasswordReset(email: $email) { ok } }',
      { email: victim.email },
      { headers: { 'x-forwarded-for': freshAddress() } },
    );
    const sent: Mail[] = [];
    await deliverMail(
      database.db,
      { name: 'test', send: async (mail) => void sent.push(mail) },
      'x@example.org',
    );
    const token = /token=([\w-]+)/.exec(sent.find((mail) => mail.to === victim.email)?.text ?? '')?.[1] ?? '';
    const reset = await proxied.graphql<{ resetPassword: { ok: boolean } }>(
      'mutation ($token: String!, $password: String!) { resetPassword(token: $token, password: $password) { ok } }',
      { token, password: 'la contrasenya nova del barri' },
    );
    expect(reset.data?.resetPassword.ok).toBe(true);
    expect(codeOf(await login(proxied, victim.email, 'la contrasenya nova del barri', freshAddress()))).toBe(
      'SIGNED_IN',
    );
  });
});

describe('the limit per address', () => {
  let user: TestAccount;
  beforeAll(async () => {
    user = await signedIn(proxied, 'USER');
  });

  it('blocks an address that fails too often, and only that address, with one answer for known and unknown emails', async () => {
    const attacker = freshAddress();
    const answers = new Set<string>();
    for (let i = 0; i < THROTTLE.addressFailures; i += 1) {
      // Many accounts, each below its own limit: only the address's count adds up.
      const email = i % 2 === 0 ? `ningu-${i}@example.org` : (await signedIn(proxied, 'USER')).email;
      const wrong = await login(proxied, email, `incorrecta ${i}`, attacker);
      answers.add(JSON.stringify(wrong.data?.login.userErrors));
    }
    expect(answers.size).toBe(1);
    const blocked = await login(proxied, user.email, user.password, attacker);
    expect(codeOf(blocked)).toBe('RATE_LIMITED');
    expect(blocked.data?.login.retryAfterSeconds).toBeGreaterThan(THROTTLE.windowMinutes * 60 - 10);
    expect(codeOf(await login(proxied, user.email, user.password, freshAddress()))).toBe('SIGNED_IN');
  });

  it('believes X-Forwarded-For only with TRUST_PROXY: without it every caller on loopback is one address', async () => {
    await database.db.loginThrottle.deleteMany({ where: { key: { startsWith: 'ip:' } } });
    const named = freshAddress();
    await login(direct, `algu@example.org`, 'no és aquesta', named);
    expect(await database.db.loginThrottle.findUnique({ where: { key: `ip:${named}` } })).toBeNull();
    const loopback = await database.db.loginThrottle.findMany({ where: { key: { startsWith: 'ip:' } } });
    expect(loopback.map((row) => row.key)).toEqual([expect.stringMatching(/^ip:(::ffff:)?127\.0\.0\.1$/)]);
    // Naming a new address in each request does not get round the limit.
    for (let i = 1; i < THROTTLE.addressFailures; i += 1) {
      await login(direct, `algu-${i}@example.org`, 'no és aquesta', freshAddress());
    }
    expect(codeOf(await login(direct, user.email, user.password, freshAddress()))).toBe('RATE_LIMITED');
    // Behind the trusted proxy the forwarded address is the caller's.
    const behindProxy = freshAddress();
    await login(proxied, 'algu@example.org', 'no és aquesta', behindProxy);
    expect(await database.db.loginThrottle.findUnique({ where: { key: `ip:${behindProxy}` } })).toMatchObject(
      {
        failures: 1,
      },
    );
    await database.db.loginThrottle.deleteMany({ where: { key: { startsWith: 'ip:' } } });
  });
});

describe('out-of-range sign-in input', () => {
  it('answers VALIDATION naming the field, before any lookup', async () => {
    const before = passwordVerifications();
    const long = await login(proxied, `${'a'.repeat(3000)}@example.org`, 'qualsevol cosa', freshAddress());
    expect(long.errors).toBeUndefined();
    expect(long.data?.login.userErrors).toEqual([
      { field: 'email', code: 'VALIDATION', reason: 'TOO_LONG', params: [{ name: 'max', value: '254' }] },
    ]);
    const password = await login(proxied, 'algu@example.org', 'x'.repeat(10_000), freshAddress());
    expect(password.data?.login.userErrors).toEqual([
      { field: 'password', code: 'VALIDATION', reason: 'TOO_LONG', params: [{ name: 'max', value: '256' }] },
    ]);
    expect(passwordVerifications()).toBe(before);
  });
});

describe('pruning', () => {
  it('forgets quiet keys only', async () => {
    await database.db.$executeRawUnsafe(
      `INSERT INTO "LoginThrottle" (key, failures, "lastFailureAt", "nextAttemptAt") VALUES
       ('account:quiet@example.org', 3, now() - interval '1 hour', now() - interval '1 hour'),
       ('account:waiting@example.org', 30, now() - interval '1 hour', now() + interval '1 minute'),
       ('account:recent@example.org', 2, now(), now())`,
    );
    expect(await pruneLoginThrottle(database.db)).toBeGreaterThanOrEqual(1);
    const keys = (
      await database.db.loginThrottle.findMany({ where: { key: { endsWith: '@example.org' } } })
    ).map((row) => row.key);
    expect(keys).not.toContain('account:quiet@example.org');
    expect(keys).toEqual(
      expect.arrayContaining(['account:waiting@example.org', 'account:recent@example.org']),
    );
  });
});
