import type { Db } from '@proximitat/db';
import { ErrorCode, type UserError } from '../../errors.ts';
import { normaliseEmail } from '../account/password.ts';
import { recordAudit } from '../audit/audit.ts';
import { isUuid } from '../common/ids.ts';
import { userError } from '../common/user-error.schema.ts';
import { isEditor } from '../directory/membership.ts';
import { enqueueMail } from '../mail/mail.ts';

type Result = { ok: true } | { ok: false; errors: UserError[] };

async function mayManage(
  db: Db,
  companyId: string,
  actor: { id: string; staff: boolean },
): Promise<UserError | null> {
  if (
    !isUuid(companyId) ||
    !(await db.company.findUnique({ where: { id: companyId }, select: { id: true } }))
  ) {
    return userError(ErrorCode.NOT_FOUND, 'No such company', 'companyId');
  }
  if (actor.staff || (await isEditor(db, companyId, actor.id))) return null;
  return userError(
    ErrorCode.FORBIDDEN,
    'Only the editors of this company can manage its editors',
    'companyId',
  );
}

/** An editor (or staff) adds another account as editor; the account is told by mail. */
export async function addEditor(
  db: Db,
  actor: { id: string; staff: boolean },
  companyId: string,
  email: string,
  publicUrl: string,
): Promise<Result> {
  const refused = await mayManage(db, companyId, actor);
  if (refused) return { ok: false, errors: [refused] };
  const account = await db.account.findUnique({ where: { email: normaliseEmail(email) } });
  if (!account) {
    return {
      ok: false,
      errors: [
        userError(ErrorCode.NOT_FOUND, 'No account has this email: ask them to sign up first', 'email'),
      ],
    };
  }
  await db.$transaction(async (tx) => {
    const company = await tx.company.findUniqueOrThrow({ where: { id: companyId }, select: { name: true } });
    const existing = await tx.companyMembership.findUnique({
      where: { companyId_accountId: { companyId, accountId: account.id } },
    });
    if (existing) return;
    await tx.companyMembership.create({ data: { companyId, accountId: account.id } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'membership.add',
      entityType: 'Company',
      entityId: companyId,
      changes: { editor: { before: null, after: account.id } },
    });
    await enqueueMail(tx, {
      to: account.email,
      subject: `Proximitat: ara edites ${company.name}`,
      text: `Hola,\n\nAra pots editar la fitxa de ${company.name} a Proximitat:\n${publicUrl}/tauler\n`,
    });
  });
  return { ok: true };
}

/** An editor (or staff) removes an editor; a company keeps at least one unless staff remove it. */
export async function removeEditor(
  db: Db,
  actor: { id: string; staff: boolean },
  companyId: string,
  accountId: string,
): Promise<Result> {
  const refused = await mayManage(db, companyId, actor);
  if (refused) return { ok: false, errors: [refused] };
  return db.$transaction(async (tx): Promise<Result> => {
    // Lock the company's memberships so that two removals cannot leave it without editors.
    await tx.$queryRawUnsafe(
      `SELECT 1 FROM "CompanyMembership" WHERE "companyId" = $1::uuid FOR UPDATE`,
      companyId,
    );
    const editors = await tx.companyMembership.findMany({ where: { companyId } });
    if (!editors.some((m) => m.accountId === accountId)) {
      return {
        ok: false,
        errors: [userError(ErrorCode.NOT_FOUND, 'This account is not an editor of the company', 'accountId')],
      };
    }
    if (editors.length === 1 && !actor.staff) {
      return {
        ok: false,
        errors: [
          userError(
            ErrorCode.CONFLICT,
            'A company needs at least one editor: add another one first',
            'accountId',
          ),
        ],
      };
    }
    await tx.companyMembership.delete({ where: { companyId_accountId: { companyId, accountId } } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'membership.remove',
      entityType: 'Company',
      entityId: companyId,
      changes: { editor: { before: accountId, after: null } },
    });
    return { ok: true };
  });
}
