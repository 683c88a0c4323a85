import type { Db } from '@proximitat/db';
import { ErrorCode, type UserError } from '../../errors.ts';
import { consumeAll, RATE_RULES, type RateRule } from '../../rate-limit/rate-limit.ts';
import { userError } from './user-error.schema.ts';

/** A refusal for too many actions: the userError and how long to wait. */
export interface RateRefusal {
  ok: false;
  errors: UserError[];
  retryAfterSeconds: number;
}

/** Counts one action under every rule; a RATE_LIMITED refusal when any is used up, else null. */
export async function rateLimited(
  db: Db,
  checks: ReadonlyArray<readonly [RateRule, string]>,
  what: string,
  field: string | null = null,
): Promise<RateRefusal | null> {
  const decision = await consumeAll(db, checks);
  if (decision.allowed) return null;
  const minutes = Math.ceil(decision.retryAfterSeconds / 60);
  return {
    ok: false,
    errors: [
      userError(
        ErrorCode.RATE_LIMITED,
        `Too many ${what}: try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
        field,
      ),
    ],
    retryAfterSeconds: decision.retryAfterSeconds,
  };
}

/** Who fills a staff queue (a profile, a revision, a claim, an ESG submission): an account and an address. */
export interface QueueActor {
  accountId: string;
  address: string;
}

/** The staff-queue limits of one more entry from this account and address. */
export function staffQueueLimited(db: Db, actor: QueueActor): Promise<RateRefusal | null> {
  return rateLimited(
    db,
    [
      [RATE_RULES.staffQueuePerAccount, actor.accountId],
      [RATE_RULES.staffQueuePerAddress, actor.address],
    ],
    'submissions for review',
  );
}
