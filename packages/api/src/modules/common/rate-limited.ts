import type { Db } from '@proximitat/db';
import { RATE_RULES, type RateRefusal, rateLimited } from '../../rate-limit/rate-limit.ts';

export { type RateRefusal, rateLimited };

/** Who fills a staff queue (a profile, a revision, a claim, an ESG submission): an account and an address. */
export interface QueueActor {
  accountId: string;
  address: string;
}

/** The staff-queue limits of one more entry from this account and address. */
export function staffQueueLimited(db: Db, actor: QueueActor): Promise<RateRefusal | null> {
  return rateLimited(db, [
    [RATE_RULES.staffQueuePerAccount, actor.accountId],
    [RATE_RULES.staffQueuePerAddress, actor.address],
  ]);
}
