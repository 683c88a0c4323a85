import type { Db } from '@proximitat/db';

/**
 * Sign-in throttling, kept in PostgreSQL so that every API process applies the same count:
 * 5 failures for one account or 20 from one address within 15 minutes lock further attempts for
 * 15 minutes. A success clears the account's count.
 */
export const THROTTLE = {
  windowMinutes: 15,
  lockMinutes: 15,
  accountFailures: 5,
  addressFailures: 20,
} as const;

export const accountKey = (email: string) => `account:${email}`;
export const addressKey = (address: string) => `ip:${address}`;

/** Seconds until the first of these keys unlocks, or 0 when none is locked. */
export async function lockedFor(db: Db, keys: string[]): Promise<number> {
  const rows = await db.loginThrottle.findMany({
    where: { key: { in: keys }, lockedUntil: { gt: new Date() } },
  });
  const until = Math.max(0, ...rows.map((row) => row.lockedUntil?.getTime() ?? 0));
  return until > 0 ? Math.ceil((until - Date.now()) / 1000) : 0;
}

export async function recordFailure(db: Db, key: string, limit: number): Promise<void> {
  await db.$executeRawUnsafe(
    `INSERT INTO "LoginThrottle" (key, failures, "windowStartedAt") VALUES ($1, 1, now())
     ON CONFLICT (key) DO UPDATE SET
       failures = CASE WHEN "LoginThrottle"."windowStartedAt" < now() - make_interval(mins => $2)
                       THEN 1 ELSE "LoginThrottle".failures + 1 END,
       "windowStartedAt" = CASE WHEN "LoginThrottle"."windowStartedAt" < now() - make_interval(mins => $2)
                                THEN now() ELSE "LoginThrottle"."windowStartedAt" END`,
    key,
    THROTTLE.windowMinutes,
  );
  await db.$executeRawUnsafe(
    `UPDATE "LoginThrottle" SET "lockedUntil" = now() + make_interval(mins => $3), failures = 0, "windowStartedAt" = now()
     WHERE key = $1 AND failures >= $2`,
    key,
    limit,
    THROTTLE.lockMinutes,
  );
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key } });
}
