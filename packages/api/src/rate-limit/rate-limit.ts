import type { Db } from '@proximitat/db';
import { type UserError, userError } from '../errors.ts';

/**
 * Limits on actions that cost someone else something: mail sent to an address, an entry in a
 * staff queue. Counted in PostgreSQL (every API process shares the count) in fixed windows, one
 * row per rule, subject and window, incremented atomically: under any concurrency at most `limit`
 * actions of a window are allowed. An attempt counts whether or not the action then succeeds.
 */
export interface RateRule {
  /** Stable name, part of the stored key. */
  name: string;
  /** Actions allowed per window and subject. */
  limit: number;
  windowSeconds: number;
}

/** Every limit of the platform, in one place; README.md's security section lists them. */
export const RATE_RULES = {
  /** Password reset mail per target account (mail to someone who may not want it). */
  passwordResetPerAccount: { name: 'reset:account', limit: 3, windowSeconds: 3600 },
  passwordResetPerAddress: { name: 'reset:address', limit: 20, windowSeconds: 3600 },
  /** Verification mail sent again per account. */
  verificationPerAccount: { name: 'verify:account', limit: 5, windowSeconds: 3600 },
  /** New accounts per address. */
  registerPerAddress: { name: 'register:address', limit: 10, windowSeconds: 3600 },
  /** Editor invitations sent per inviting account, and received per invited account. */
  editorInvitePerAccount: { name: 'invite:account', limit: 20, windowSeconds: 86_400 },
  editorInvitePerInvitee: { name: 'invite:invitee', limit: 5, windowSeconds: 86_400 },
  /** Suppliers mailed an invitation to bid, per officer (each company invited counts one). */
  supplierInvitationsPerAccount: { name: 'tender-invite:account', limit: 200, windowSeconds: 86_400 },
  /** Shortlists shared per account. */
  shortlistSharePerAccount: { name: 'share:account', limit: 50, windowSeconds: 86_400 },
  /** Entries in the staff queues: company profiles, claims, ESG submissions, per account and address. */
  staffQueuePerAccount: { name: 'queue:account', limit: 10, windowSeconds: 86_400 },
  staffQueuePerAddress: { name: 'queue:address', limit: 30, windowSeconds: 86_400 },
} as const satisfies Record<string, RateRule>;

export interface RateDecision {
  allowed: boolean;
  /** Seconds until the window that refused ends (0 when allowed). */
  retryAfterSeconds: number;
}

/**
 * Counts `amount` actions (one by default) of `subject` under `rule`; refused once the window's
 * count passes the limit.
 */
export async function consume(db: Db, rule: RateRule, subject: string, amount = 1): Promise<RateDecision> {
  const rows = await db.$queryRawUnsafe<{ count: number; retry: number }[]>(
    `INSERT INTO "RateLimitBucket" (key, "windowStart", count)
     VALUES ($1, to_timestamp(floor(extract(epoch FROM now()) / $2) * $2), $3)
     ON CONFLICT (key, "windowStart") DO UPDATE SET count = "RateLimitBucket".count + $3
     RETURNING count, ceil(extract(epoch FROM ("windowStart" + make_interval(secs => $2) - now())))::int AS retry`,
    `${rule.name}:${subject.toLowerCase()}`,
    rule.windowSeconds,
    amount,
  );
  const row = rows[0];
  if (!row || row.count <= rule.limit) return { allowed: true, retryAfterSeconds: 0 };
  return { allowed: false, retryAfterSeconds: Math.max(1, row.retry) };
}

/**
 * Counts the action under every rule given (all are counted, so that a refused attempt still uses
 * up each subject's budget); refused when any refuses, with the longest wait.
 */
export async function consumeAll(
  db: Db,
  checks: ReadonlyArray<readonly [RateRule, string] | readonly [RateRule, string, number]>,
): Promise<RateDecision> {
  const decisions = await Promise.all(
    checks.map(([rule, subject, amount]) => consume(db, rule, subject, amount)),
  );
  const refused = decisions.filter((decision) => !decision.allowed);
  if (refused.length === 0) return { allowed: true, retryAfterSeconds: 0 };
  return { allowed: false, retryAfterSeconds: Math.max(...refused.map((d) => d.retryAfterSeconds)) };
}

/** A refusal for too many actions: the userError and how long to wait. */
export interface RateRefusal {
  ok: false;
  errors: UserError[];
  retryAfterSeconds: number;
}

/**
 * Counts one action under every rule: a RATE_LIMITED refusal (with the seconds to wait) when any
 * is used up, else null.
 */
export async function rateLimited(
  db: Db,
  checks: ReadonlyArray<readonly [RateRule, string] | readonly [RateRule, string, number]>,
  field: string | null = null,
): Promise<RateRefusal | null> {
  const decision = await consumeAll(db, checks);
  if (decision.allowed) return null;
  return {
    ok: false,
    errors: [userError('RATE_LIMITED', field, { retryAfterSeconds: decision.retryAfterSeconds })],
    retryAfterSeconds: decision.retryAfterSeconds,
  };
}

/** Removes windows that ended more than a day ago; run by the background workers. */
export async function pruneRateLimits(db: Db): Promise<number> {
  return db.$executeRawUnsafe(
    `DELETE FROM "RateLimitBucket" WHERE "windowStart" < now() - interval '2 days'`,
  );
}
