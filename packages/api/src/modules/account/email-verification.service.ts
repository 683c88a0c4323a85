import type { Db } from '@proximitat/db';
import { rejected, type ServiceResult, userError } from '../../errors.ts';
import { consumeToken } from './account-token.service.ts';

/**
 * Confirms an account's email address with the single-use token mailed to it; an unknown, used or
 * expired token gives ACCOUNT_LINK_INVALID.
 */
export async function verifyEmail(db: Db, token: string): Promise<ServiceResult<Record<never, never>>> {
  const done = await db.$transaction(async (tx) => {
    const accountId = await consumeToken(tx, token, 'VERIFY_EMAIL');
    if (!accountId) return false;
    await tx.account.update({ where: { id: accountId }, data: { emailVerifiedAt: new Date() } });
    return true;
  });
  return done ? { ok: true } : rejected(userError('ACCOUNT_LINK_INVALID', 'token'));
}
