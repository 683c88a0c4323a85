import type { Db, EditorInvitation, EditorInvitationStatus } from '@proximitat/db';
import type { Viewer } from '../../context.ts';
import { rejected, type ServiceResult, type UserError, userError } from '../../errors.ts';
import { RATE_RULES } from '../../rate-limit/rate-limit.ts';
import { normaliseEmail } from '../account/password.ts';
import { recordAudit } from '../audit/audit.ts';
import { isUuid } from '../common/ids.ts';
import { rateLimited } from '../common/rate-limited.ts';
import { isEditor } from '../directory/membership.ts';
import type { InvitedEmail } from './moderation-input.ts';

async function mayManage(
  db: Db,
  companyId: string,
  actor: { id: string; staff: boolean },
): Promise<UserError | null> {
  if (
    !isUuid(companyId) ||
    !(await db.company.findUnique({ where: { id: companyId }, select: { id: true } }))
  ) {
    return userError('COMPANY_NOT_FOUND', 'companyId');
  }
  if (actor.staff || (await isEditor(db, companyId, actor.id))) return null;
  return userError('COMPANY_EDITORS_ONLY', 'companyId');
}

/** How long an invitation waits for its answer. */
export const INVITATION_DAYS = 14;

/** The status as read now: a pending invitation past its expiry reads as EXPIRED. */
export function invitationStatus(
  invitation: Pick<EditorInvitation, 'status' | 'expiresAt'>,
  now = new Date(),
): EditorInvitationStatus | 'EXPIRED' {
  return invitation.status === 'PENDING' && invitation.expiresAt <= now ? 'EXPIRED' : invitation.status;
}

/**
 * An editor (or staff) invites the owner of an email address to edit the company. Nothing is
 * mailed and nothing tells whether the address has an account: the invited account sees the
 * invitation when signed in and accepts or declines it. Limited per inviting account and per address
 * invited.
 */
export async function inviteEditor(
  db: Db,
  actor: { id: string; staff: boolean },
  companyId: string,
  { typed, key: emailKey }: InvitedEmail,
): Promise<ServiceResult> {
  const refused = await mayManage(db, companyId, actor);
  if (refused) return rejected(refused);
  const now = new Date();
  // Asking again for an invitation already waiting changes nothing, and so costs nothing: the
  // limits count invitations made, not requests (else anyone could use up an address's budget).
  const pending = { companyId, emailKey, status: 'PENDING' as const, expiresAt: { gt: now } };
  const existing = await db.editorInvitation.findFirst({ where: pending, select: { id: true } });
  if (existing) return { ok: true, id: existing.id };
  const limited = await rateLimited(
    db,
    [
      [RATE_RULES.editorInvitePerAccount, actor.id],
      [RATE_RULES.editorInvitePerInvitee, emailKey],
    ],
    'email',
  );
  if (limited) return limited;
  return db.$transaction(async (tx): Promise<ServiceResult> => {
    // One company's invitations queue behind each other, so that two requests make one invitation.
    await tx.$queryRawUnsafe(`SELECT 1 FROM "Company" WHERE id = $1::uuid FOR UPDATE`, companyId);
    const waiting = await tx.editorInvitation.findFirst({ where: pending, select: { id: true } });
    if (waiting) return { ok: true, id: waiting.id };
    const invitation = await tx.editorInvitation.create({
      data: {
        companyId,
        email: typed,
        emailKey,
        invitedById: actor.id,
        expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'invitation.create',
      entityType: 'Company',
      entityId: companyId,
      changes: { invitation: { before: null, after: invitation.id } },
    });
    return { ok: true, id: invitation.id };
  });
}

/** An editor (or staff) withdraws an invitation still waiting for its answer. */
export async function revokeInvitation(
  db: Db,
  actor: { id: string; staff: boolean },
  invitationId: string,
): Promise<ServiceResult> {
  const invitation = isUuid(invitationId)
    ? await db.editorInvitation.findUnique({ where: { id: invitationId }, select: { companyId: true } })
    : null;
  if (!invitation) return rejected(userError('EDITOR_INVITATION_NOT_FOUND', 'id'));
  const refused = await mayManage(db, invitation.companyId, actor);
  if (refused) return rejected({ ...refused, field: 'id' });
  const updated = await db.editorInvitation.updateMany({
    where: { id: invitationId, status: 'PENDING' },
    data: { status: 'REVOKED', respondedAt: new Date() },
  });
  if (updated.count === 0) {
    return rejected(userError('EDITOR_INVITATION_ALREADY_ANSWERED', 'id'));
  }
  return { ok: true, id: invitationId };
}

/** Why an invitation no longer waiting cannot be answered. */
const ANSWERED = {
  ACCEPTED: 'EDITOR_INVITATION_ALREADY_ANSWERED',
  DECLINED: 'EDITOR_INVITATION_ALREADY_ANSWERED',
  REVOKED: 'EDITOR_INVITATION_WITHDRAWN',
  EXPIRED: 'EDITOR_INVITATION_EXPIRED',
} as const;

/**
 * The invited account answers: acceptance makes it an editor (it must have verified the address
 * the invitation names, so that an account registered with someone else's address gains nothing).
 * An invitation for another address is NOT_FOUND, as if it did not exist.
 */
export async function answerInvitation(
  db: Db,
  viewer: Pick<Viewer, 'id' | 'email' | 'emailVerified'>,
  invitationId: string,
  answer: 'ACCEPT' | 'DECLINE',
): Promise<ServiceResult> {
  const notFound = rejected(userError('EDITOR_INVITATION_NOT_FOUND', 'id'));
  if (!isUuid(invitationId)) return notFound;
  return db.$transaction(async (tx): Promise<ServiceResult> => {
    const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id::text FROM "EditorInvitation" WHERE id = $1::uuid AND "emailKey" = $2 FOR UPDATE`,
      invitationId,
      normaliseEmail(viewer.email),
    );
    const invitation = rows.length
      ? await tx.editorInvitation.findUnique({ where: { id: invitationId } })
      : null;
    if (!invitation) return notFound;
    const now = new Date();
    const status = invitationStatus(invitation, now);
    if (status !== 'PENDING') return rejected(userError(ANSWERED[status], 'id'));
    // Only the proven owner of the address may answer, either way (a squatter may not decline).
    if (!viewer.emailVerified) return rejected(userError('EDITOR_INVITATION_NEEDS_VERIFIED_EMAIL', 'id'));
    await tx.editorInvitation.update({
      where: { id: invitationId },
      data: { status: answer === 'ACCEPT' ? 'ACCEPTED' : 'DECLINED', respondedAt: now },
    });
    if (answer === 'ACCEPT') {
      await tx.companyMembership.upsert({
        where: { companyId_accountId: { companyId: invitation.companyId, accountId: viewer.id } },
        create: { companyId: invitation.companyId, accountId: viewer.id },
        update: {},
      });
      await recordAudit(tx, {
        actorId: viewer.id,
        action: 'membership.add',
        entityType: 'Company',
        entityId: invitation.companyId,
        changes: {
          editor: { before: null, after: viewer.id },
          invitation: { before: null, after: invitationId },
        },
      });
    }
    return { ok: true, id: invitationId };
  });
}

/** An editor (or staff) removes an editor; a company keeps at least one unless staff remove it. */
export async function removeEditor(
  db: Db,
  actor: { id: string; staff: boolean },
  companyId: string,
  accountId: string,
): Promise<ServiceResult> {
  const refused = await mayManage(db, companyId, actor);
  if (refused) return rejected(refused);
  return db.$transaction(async (tx): Promise<ServiceResult> => {
    // Lock the company's memberships so that two removals cannot leave it without editors.
    await tx.$queryRawUnsafe(
      `SELECT 1 FROM "CompanyMembership" WHERE "companyId" = $1::uuid FOR UPDATE`,
      companyId,
    );
    const editors = await tx.companyMembership.findMany({ where: { companyId } });
    if (!editors.some((m) => m.accountId === accountId)) {
      return rejected(userError('NOT_COMPANY_EDITOR', 'accountId'));
    }
    if (editors.length === 1 && !actor.staff) return rejected(userError('LAST_COMPANY_EDITOR', 'accountId'));
    await tx.companyMembership.delete({ where: { companyId_accountId: { companyId, accountId } } });
    // Whoever is removed brings nobody back: the invitations they sent and nobody answered end.
    await tx.editorInvitation.updateMany({
      where: { companyId, invitedById: accountId, status: 'PENDING' },
      data: { status: 'REVOKED', respondedAt: new Date() },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'membership.remove',
      entityType: 'Company',
      entityId: companyId,
      changes: { editor: { before: accountId, after: null } },
    });
    return { ok: true, id: companyId };
  });
}
