import type { Db } from '@proximitat/db';

/**
 * Sign-in throttling, kept in PostgreSQL so that every API process applies the same count. Each
 * attempt is reserved by one statement that counts it and decides, before its password is checked:
 * under any concurrency no more attempts are checked than the rules allow. A success gives the
 * reservation back.
 *
 * - Per account, a delay rather than a lock (anyone can send wrong passwords for someone else's
 *   account): after `accountFreeFailures` failures, each further attempt waits 1 s, 2 s, 4 s ...
 *   up to `accountMaxDelaySeconds`. Inside the wait every attempt is refused unchecked, the right
 *   password too (otherwise a burst of guesses ending with it would win the race), and refusals do
 *   not lengthen the wait, so the owner is never kept out longer than the cap. A password reset
 *   clears the account.
 * - From an address the account signed in from in the last `knownAddressDays`, the same delay is
 *   counted for that account and address alone: others' failures from elsewhere, however many,
 *   never hold up the owner at a usual address (and failures there do not hold up the others).
 * - Per address, `addressFailures` failures block that address alone for `windowMinutes`.
 *
 * A key is forgotten once it has had no failure for `windowMinutes`.
 */
export const THROTTLE = {
  windowMinutes: 15,
  accountFreeFailures: 5,
  accountMaxDelaySeconds: 300,
  addressFailures: 20,
  knownAddressDays: 30,
} as const;

export const accountKey = (email: string) => `account:${email}`;
export const addressKey = (address: string) => `ip:${address}`;
// A space never appears in an account's email: no key of one account starts with another's prefix.
const knownAddressKey = (email: string, address: string) => `known:${email} ${address}`;

interface Rule {
  /** Failures let through before any wait. */
  free: number;
  /** The wait after the first failure past `free`, doubled after each further one. */
  firstDelaySeconds: number;
  maxDelaySeconds: number;
}

const ACCOUNT_RULE: Rule = {
  free: THROTTLE.accountFreeFailures,
  firstDelaySeconds: 1,
  maxDelaySeconds: THROTTLE.accountMaxDelaySeconds,
};
const ADDRESS_RULE: Rule = {
  free: THROTTLE.addressFailures,
  firstDelaySeconds: THROTTLE.windowMinutes * 60,
  maxDelaySeconds: THROTTLE.windowMinutes * 60,
};

// $2 free, $3 first delay, $4 max delay, $5 window minutes; `n` is the count after this attempt.
const delayAfter = (n: string) =>
  `make_interval(secs => CASE WHEN ${n} < $2 THEN 0 ELSE LEAST($4::float8, $3::float8 * power(2, LEAST(${n} - $2, 30))) END)`;
const FORGOTTEN = `"LoginThrottle"."lastFailureAt" < now() - make_interval(mins => $5)`;
const NEXT = `CASE WHEN ${FORGOTTEN} THEN 1 ELSE LEAST("LoginThrottle".failures + 1, 1000000) END`;

/**
 * Counts one attempt of `key` and says whether it may go on: one statement, so that concurrent
 * attempts see each other's counts (the upsert locks the row). A refused attempt changes nothing.
 * The free attempts are decided by the count alone: a statement that waited for the row's lock has
 * a now() older than the time the other one wrote.
 */
async function reserve(db: Db, key: string, rule: Rule): Promise<number> {
  const rows = await db.$queryRawUnsafe<{ failures: number }[]>(
    `INSERT INTO "LoginThrottle" (key, failures, "lastFailureAt", "nextAttemptAt")
     VALUES ($1, 1, now(), now() + ${delayAfter('1')})
     ON CONFLICT (key) DO UPDATE SET
       failures = ${NEXT},
       "lastFailureAt" = now(),
       "nextAttemptAt" = now() + ${delayAfter(`(${NEXT})`)}
     WHERE "LoginThrottle".failures < $2 OR "LoginThrottle"."nextAttemptAt" <= now() OR ${FORGOTTEN}
     RETURNING failures`,
    key,
    rule.free,
    rule.firstDelaySeconds,
    rule.maxDelaySeconds,
    THROTTLE.windowMinutes,
  );
  if (rows.length > 0) return 0;
  const [wait] = await db.$queryRawUnsafe<{ seconds: number }[]>(
    `SELECT GREATEST(1, ceil(extract(epoch FROM ("nextAttemptAt" - now()))))::int AS seconds
     FROM "LoginThrottle" WHERE key = $1`,
    key,
  );
  return wait?.seconds ?? 1;
}

/** Gives back an attempt that was reserved but not checked, or that succeeded (address keys). */
async function release(db: Db, key: string, rule: Rule): Promise<void> {
  await db.$executeRawUnsafe(
    `UPDATE "LoginThrottle" SET failures = GREATEST(failures - 1, 0),
       "nextAttemptAt" = CASE WHEN failures - 1 < $2 THEN now() ELSE "nextAttemptAt" END
     WHERE key = $1`,
    key,
    rule.free,
  );
}

/** An attempt let through carries the key it was counted under, for `attemptSucceeded`. */
export type Reservation = { allowed: true; key: string } | { allowed: false; retryAfterSeconds: number };

/**
 * Reserves one sign-in attempt for this account from this address, before the password is checked:
 * refused (with the wait) when either is throttled. The address is reserved first, and given back
 * when the account refuses, so that refusals never count as failures of the address.
 */
export async function reserveAttempt(db: Db, email: string, address: string): Promise<Reservation> {
  const byAddress = await reserve(db, addressKey(address), ADDRESS_RULE);
  if (byAddress > 0) return { allowed: false, retryAfterSeconds: byAddress };
  const key = (await isKnownAddress(db, email, address))
    ? knownAddressKey(email, address)
    : accountKey(email);
  const byAccount = await reserve(db, key, ACCOUNT_RULE);
  if (byAccount > 0) {
    await release(db, addressKey(address), ADDRESS_RULE);
    return { allowed: false, retryAfterSeconds: byAccount };
  }
  return { allowed: true, key };
}

/** Whether the account has signed in from this address lately (a session remembers it). */
async function isKnownAddress(db: Db, email: string, address: string): Promise<boolean> {
  const rows = await db.$queryRawUnsafe<unknown[]>(
    `SELECT 1 FROM "Session" s JOIN "Account" a ON a.id = s."accountId"
     WHERE a.email = $1 AND s.address = $2 AND s."createdAt" > now() - make_interval(days => $3) LIMIT 1`,
    email,
    address,
    THROTTLE.knownAddressDays,
  );
  return rows.length > 0;
}

/**
 * After a successful sign-in: the count it was reserved under starts afresh and the address gets
 * its attempt back. Only that count: the owner signing in at a known address must not give whoever
 * is guessing elsewhere a fresh set of free attempts.
 */
export async function attemptSucceeded(db: Db, reservation: { key: string }, address: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key: reservation.key } });
  await release(db, addressKey(address), ADDRESS_RULE);
}

/** A password reset proves the owner: whatever was tried against the account is forgotten. */
export async function clearAccountFailures(db: Db, email: string): Promise<void> {
  await db.$executeRawUnsafe(
    `DELETE FROM "LoginThrottle" WHERE key = $1 OR left(key, length($2)) = $2`,
    accountKey(email),
    knownAddressKey(email, ''),
  );
}

/** Removes keys that are quiet and not waiting (nothing of them is remembered); run by the background workers. */
export async function pruneLoginThrottle(db: Db): Promise<number> {
  return db.$executeRawUnsafe(
    `DELETE FROM "LoginThrottle"
     WHERE "lastFailureAt" < now() - make_interval(mins => $1) AND "nextAttemptAt" < now()`,
    THROTTLE.windowMinutes,
  );
}
