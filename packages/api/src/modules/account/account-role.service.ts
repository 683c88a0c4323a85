import type { Db, Role } from '@proximitat/db';
import { rejected, type ServiceResult, userError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.ts';
import { isUuid } from '../common/ids.ts';
import { revokeSessions } from './session.service.ts';

/** The administrator changing a role, and the session they do it from (it stays open). */
export interface RoleChanger {
  id: string;
  sessionToken?: string;
}

/**
 * Gives an account a role, with an audit entry; sessions opened under the old role end (the
 * administrator's own stays, when the account is theirs). An administrator cannot take away their
 * own ADMIN role (OWN_ADMIN_ROLE), roles above USER need a confirmed address
 * (ACCOUNT_EMAIL_UNVERIFIED), and an unknown id gives ACCOUNT_NOT_FOUND. The caller's scope
 * (administrators only) is checked by the resolver.
 */
export async function setAccountRole(
  db: Db,
  actor: RoleChanger,
  accountId: string,
  role: Role,
): Promise<ServiceResult> {
  if (accountId === actor.id && role !== 'ADMIN') return rejected(userError('OWN_ADMIN_ROLE', 'role'));
  if (!isUuid(accountId)) return rejected(userError('ACCOUNT_NOT_FOUND', 'accountId'));
  const found = await db.$transaction(async (tx) => {
    const account = await tx.account.findUnique({ where: { id: accountId } });
    if (!account) return 'missing' as const;
    if (role !== 'USER' && !account.emailVerifiedAt) return 'unverified' as const;
    if (account.role !== role) {
      await tx.account.update({ where: { id: accountId }, data: { role } });
      await revokeSessions(tx, accountId, actor.sessionToken);
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'account.role',
        entityType: 'Account',
        entityId: accountId,
        changes: { role: { before: account.role, after: role } },
      });
    }
    return 'found' as const;
  });
  if (found === 'missing') return rejected(userError('ACCOUNT_NOT_FOUND', 'accountId'));
  if (found === 'unverified') return rejected(userError('ACCOUNT_EMAIL_UNVERIFIED', 'accountId'));
  return { ok: true, id: accountId };
}
