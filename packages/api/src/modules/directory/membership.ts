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

/** A company's editors, first added first, with what their fellow editors and staff see of them. */
export async function companyEditors(
  db: Db,
  companyId: string,
): Promise<{ id: string; email: string; name: string | null; since: Date }[]> {
  const memberships = await db.companyMembership.findMany({
    where: { companyId },
    include: { account: { select: { id: true, email: true, name: true } } },
    orderBy: { createdAt: 'asc' },
  });
  return memberships.map((m) => ({ ...m.account, since: m.createdAt }));
}
