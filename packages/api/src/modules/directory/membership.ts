import type { Db, Prisma } from '@proximitat/db';
import type { Context } from '../../context.ts';
import { isUuid } from '../common/ids.ts';

/** Whether the account edits the company (a membership). */
export async function isEditor(
  db: Db | Prisma.TransactionClient,
  companyId: string,
  accountId: string,
): Promise<boolean> {
  if (!isUuid(companyId) || !isUuid(accountId)) return false;
  const membership = await db.companyMembership.findUnique({
    where: { companyId_accountId: { companyId, accountId } },
  });
  return membership !== null;
}

export function isStaff(context: Pick<Context, 'viewer'>): boolean {
  return context.viewer?.role === 'STAFF' || context.viewer?.role === 'ADMIN';
}

/** Staff, or an editor of the company. */
export async function canEdit(context: Pick<Context, 'viewer' | 'db'>, companyId: string): Promise<boolean> {
  if (isStaff(context)) return true;
  return context.viewer ? isEditor(context.db, companyId, context.viewer.id) : false;
}
