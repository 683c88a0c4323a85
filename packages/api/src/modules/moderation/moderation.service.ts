import type { CompanyStatus, Db, Prisma } from '@proximitat/db';
import { enqueueCompanies } from '@proximitat/search';
import { rejected, type ServiceResult, type UserError, userError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.ts';
import { isUuid } from '../common/ids.ts';
import { type QueueActor, staffQueueLimited } from '../common/rate-limited.ts';
import {
  type CompanyDraft,
  type CompanyProfile,
  type ProfileResult,
  validateCompanyProfile,
} from '../directory/company-profile.ts';
import { currentProfile, existingSelect, upsertCompanies } from '../directory/company-write.ts';
import { isEditor } from '../directory/membership.ts';
import { fallbackSlug, slugify } from '../directory/slug.ts';
import { loadValidationContext } from '../directory/validation-context.ts';
import type { ClaimInput, ReviewInput } from './moderation-input.ts';
import { diffProfiles } from './profile-diff.ts';
import { storedProposal } from './revision-stored.ts';

/** A profile's validation, its problems named under the mutation's `input` argument. */
async function validatedProfile(db: Db, draft: CompanyDraft): Promise<ProfileResult> {
  const validated = validateCompanyProfile(draft, await loadValidationContext(db));
  if (validated.ok) return validated;
  return rejected(
    ...validated.errors.map((error): UserError => ({ ...error, field: `input.${error.field}` })),
  );
}

/** Why a CLAIM carries a whole profile: its author proposed the company anew. */
export const CONTESTED_CLAIM_MESSAGE =
  'Proposed as a new profile (createCompanyProfile): this tax ID is held by a profile under review or rejected, of other accounts';

/**
 * A signed-in account proposes a new company: it is stored PENDING_REVIEW (not public, not in the
 * index), the account becomes its editor, and a CREATION revision waits in the moderation queue.
 * All of it in one transaction. When the tax ID belongs to a profile of other accounts that is
 * still under review or was rejected (someone may have taken the real company's tax ID), the
 * proposal goes to staff as a CLAIM carrying the profile instead: staff decide who the company is.
 */
export async function createCompanyProfile(
  db: Db,
  actor: QueueActor,
  input: CompanyDraft,
): Promise<ServiceResult<{ companyId: string | null; claimId: string | null }>> {
  const accountId = actor.accountId;
  const validated = await validatedProfile(db, input);
  if (!validated.ok) return validated;
  const profile = validated.profile;
  const existing = await db.company.findUnique({
    where: { taxId: profile.taxId },
    select: { id: true, status: true, memberships: { where: { accountId }, select: { accountId: true } } },
  });
  if (existing && (existing.status === 'PUBLISHED' || existing.status === 'ARCHIVED')) {
    return rejected(userError('TAX_ID_IN_DIRECTORY', 'input.taxId', { taxId: profile.taxId }));
  }
  if (existing && existing.memberships.length > 0) {
    return rejected(userError('TAX_ID_ALREADY_YOURS', 'input.taxId', { taxId: profile.taxId }));
  }
  if (existing) {
    const claim = await fileClaim(db, actor, existing.id, CONTESTED_CLAIM_MESSAGE, profile, 'input.taxId');
    return claim.ok ? { ok: true, companyId: null, claimId: claim.id } : claim;
  }
  const limited = await staffQueueLimited(db, actor);
  if (limited) return limited;
  const companyId = await db.$transaction(async (tx) => {
    await upsertCompanies(tx, [profile], {
      source: 'COMPANY',
      status: 'PENDING_REVIEW',
      now: new Date(),
      actorId: accountId,
    });
    const company = await tx.company.findUniqueOrThrow({
      where: { taxId: profile.taxId },
      select: { id: true },
    });
    await tx.companyMembership.create({ data: { companyId: company.id, accountId } });
    await tx.companyRevision.create({
      data: {
        companyId: company.id,
        kind: 'CREATION',
        proposed: profile as unknown as Prisma.InputJsonValue,
        changes: diffProfiles(null, profile) as unknown as Prisma.InputJsonValue,
        submittedById: accountId,
      },
    });
    await recordAudit(tx, {
      actorId: accountId,
      action: 'membership.add',
      entityType: 'Company',
      entityId: company.id,
      changes: { editor: { before: null, after: accountId } },
    });
    return company.id;
  });
  return { ok: true, companyId, claimId: null };
}

/**
 * Staff approve or reject a revision. Approval and its effects (publication or the new profile,
 * membership for a claim, reindexing through the outbox) commit together; a rejection keeps the
 * public profile as it was and records the reason for the editors.
 */
export async function reviewRevision(
  db: Db,
  reviewerId: string,
  { id: revisionId, decision, reason: text }: ReviewInput,
): Promise<ServiceResult> {
  const notFound = rejected(userError('REVISION_NOT_FOUND', 'id'));
  if (!isUuid(revisionId)) return notFound;
  return db.$transaction(async (tx): Promise<ServiceResult> => {
    const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id::text FROM "CompanyRevision" WHERE id = $1::uuid FOR UPDATE`,
      revisionId,
    );
    const revision = rows.length
      ? await tx.companyRevision.findUnique({ where: { id: revisionId }, include: { company: true } })
      : null;
    if (!revision) return notFound;
    if (revision.status !== 'PENDING') {
      return rejected(
        userError(
          revision.status === 'APPROVED' ? 'REVISION_ALREADY_APPROVED' : 'REVISION_ALREADY_REJECTED',
          'id',
        ),
      );
    }
    const now = new Date();
    await tx.companyRevision.update({
      where: { id: revision.id },
      data: {
        status: decision === 'APPROVE' ? 'APPROVED' : 'REJECTED',
        reviewedById: reviewerId,
        reviewedAt: now,
        reason: text,
      },
    });
    let status: CompanyStatus = revision.company.status;
    if (revision.kind === 'CREATION') status = decision === 'APPROVE' ? 'PUBLISHED' : 'REJECTED';
    if (decision === 'APPROVE' && revision.kind === 'CLAIM') {
      const effects = await approveClaim(tx, revision, reviewerId, now);
      if (effects.published) status = 'PUBLISHED';
    }
    if (decision === 'APPROVE' && revision.kind === 'UPDATE' && revision.proposed) {
      await upsertCompanies(tx, [storedProposal(revision.proposed)], {
        source: 'COMPANY',
        status: revision.company.status,
        now,
        actorId: revision.submittedById,
      });
    }
    if (status !== revision.company.status) {
      await tx.company.update({
        where: { id: revision.companyId },
        data: {
          status,
          ...(status === 'PUBLISHED' && !revision.company.publishedAt ? { publishedAt: now } : {}),
        },
      });
    }
    await enqueueCompanies(tx, [revision.companyId]);
    await recordAudit(tx, {
      actorId: reviewerId,
      action: `revision.${decision === 'APPROVE' ? 'approve' : 'reject'}`,
      entityType: 'CompanyRevision',
      entityId: revision.id,
      changes: {
        status: { before: 'PENDING', after: decision === 'APPROVE' ? 'APPROVED' : 'REJECTED' },
        ...(status !== revision.company.status
          ? { companyStatus: { before: revision.company.status, after: status } }
          : {}),
        ...(text ? { reason: { before: null, after: text } } : {}),
      },
    });
    return { ok: true, id: revision.id };
  });
}

/**
 * An editor proposes a new version of the whole profile. It becomes an UPDATE revision with a
 * field-by-field diff; the public profile and the index change only when staff approve it. A newer
 * proposal replaces one still waiting.
 */
export async function updateCompanyProfile(
  db: Db,
  actor: QueueActor,
  companyId: string,
  input: CompanyDraft,
): Promise<ServiceResult> {
  const accountId = actor.accountId;
  if (
    !isUuid(companyId) ||
    !(await db.company.findUnique({ where: { id: companyId }, select: { id: true } }))
  ) {
    return rejected(userError('COMPANY_NOT_FOUND', 'companyId'));
  }
  if (!(await isEditor(db, companyId, accountId))) {
    return rejected(userError('COMPANY_EDITORS_ONLY', 'companyId'));
  }
  const validated = await validatedProfile(db, input);
  if (!validated.ok) return validated;
  const proposed = validated.profile;
  const row = await db.company.findUniqueOrThrow({ where: { id: companyId }, select: existingSelect });
  if (row.taxId !== proposed.taxId) return rejected(userError('TAX_ID_CANNOT_CHANGE', 'input.taxId'));
  const changes = diffProfiles(currentProfile(row), proposed);
  if (changes.length === 0) return rejected(userError('PROPOSAL_CHANGES_NOTHING', 'input'));
  const limited = await staffQueueLimited(db, actor);
  if (limited) return limited;
  return db.$transaction(async (tx): Promise<ServiceResult> => {
    const superseded = await tx.companyRevision.updateMany({
      where: { companyId, kind: 'UPDATE', status: 'PENDING' },
      data: { status: 'REJECTED', reviewedAt: new Date(), reason: 'Replaced by a newer proposal' },
    });
    const revision = await tx.companyRevision.create({
      data: {
        companyId,
        kind: 'UPDATE',
        proposed: proposed as unknown as Prisma.InputJsonValue,
        changes: changes as unknown as Prisma.InputJsonValue,
        submittedById: accountId,
      },
    });
    await recordAudit(tx, {
      actorId: accountId,
      action: 'revision.submit',
      entityType: 'Company',
      entityId: companyId,
      changes: {
        revision: { before: null, after: revision.id },
        ...(superseded.count > 0 ? { superseded: { before: superseded.count, after: 0 } } : {}),
      },
    });
    return { ok: true, id: revision.id };
  });
}

/**
 * A signed-in account asks to edit a company: a published one that has no editors yet, or one still
 * under review (whoever proposed it may have used someone else's tax ID). Approval makes it the
 * company's editor; staff decide.
 */
export async function claimCompany(
  db: Db,
  actor: QueueActor,
  { companyId, message }: ClaimInput,
): Promise<ServiceResult> {
  const company = isUuid(companyId)
    ? await db.company.findUnique({
        where: { id: companyId },
        select: {
          id: true,
          status: true,
          _count: { select: { memberships: true } },
          memberships: { where: { accountId: actor.accountId }, select: { accountId: true } },
        },
      })
    : null;
  if (company?.status !== 'PUBLISHED' && company?.status !== 'PENDING_REVIEW') {
    return rejected(userError('COMPANY_NOT_FOUND', 'companyId'));
  }
  if (company.memberships.length > 0) return rejected(userError('ALREADY_COMPANY_EDITOR', 'companyId'));
  if (company.status === 'PUBLISHED' && company._count.memberships > 0) {
    return rejected(userError('COMPANY_HAS_EDITORS', 'companyId'));
  }
  return fileClaim(db, actor, companyId, message, null, 'companyId');
}

/** A CLAIM revision in the moderation queue (one waiting per account and company), counted against the queue limits. */
async function fileClaim(
  db: Db,
  actor: QueueActor,
  companyId: string,
  message: string,
  proposed: CompanyProfile | null,
  field: string,
): Promise<ServiceResult> {
  const waiting = await db.companyRevision.findFirst({
    where: { companyId, kind: 'CLAIM', status: 'PENDING', submittedById: actor.accountId },
  });
  if (waiting) return rejected(userError('CLAIM_ALREADY_WAITING', field));
  const limited = await staffQueueLimited(db, actor);
  if (limited) return limited;
  const revision = await db.$transaction(async (tx) => {
    const created = await tx.companyRevision.create({
      data: {
        companyId,
        kind: 'CLAIM',
        message,
        submittedById: actor.accountId,
        // Only what the claimant proposes: the profile under review is not theirs to read.
        proposed: proposed ? (proposed as unknown as Prisma.InputJsonValue) : undefined,
        changes: (proposed ? diffProfiles(null, proposed) : []) as unknown as Prisma.InputJsonValue,
      },
    });
    await recordAudit(tx, {
      actorId: actor.accountId,
      action: 'company.claim',
      entityType: 'Company',
      entityId: companyId,
      changes: { claim: { before: null, after: created.id } },
    });
    return created;
  });
  return { ok: true, id: revision.id };
}

/**
 * An approved claim makes the claimant the company's editor. On a company that is not published (a
 * contested profile) staff have decided whose it is: the other editors lose their membership and
 * the invitations they sent are withdrawn; a claim that carries a profile (proposed with
 * createCompanyProfile) becomes the company's profile and is published, as a creation would be,
 * and closes the company's other pending proposals.
 */
async function approveClaim(
  tx: Prisma.TransactionClient,
  revision: {
    id: string;
    companyId: string;
    submittedById: string | null;
    proposed: unknown;
    company: { status: CompanyStatus; publishedAt: Date | null };
  },
  reviewerId: string,
  now: Date,
): Promise<{ published: boolean }> {
  const claimant = revision.submittedById;
  if (!claimant) return { published: false };
  const { companyId } = revision;
  await tx.companyMembership.upsert({
    where: { companyId_accountId: { companyId, accountId: claimant } },
    create: { companyId, accountId: claimant },
    update: {},
  });
  if (revision.company.status === 'PUBLISHED') return { published: false };
  const others = await tx.companyMembership.findMany({
    where: { companyId, accountId: { not: claimant } },
    select: { accountId: true },
  });
  if (others.length > 0) {
    await tx.companyMembership.deleteMany({ where: { companyId, accountId: { not: claimant } } });
    await recordAudit(tx, {
      actorId: reviewerId,
      action: 'membership.remove',
      entityType: 'Company',
      entityId: companyId,
      changes: { editors: { before: others.map((m) => m.accountId), after: [claimant] } },
    });
  }
  // Invitations the other editors sent are theirs no longer to give.
  await tx.editorInvitation.updateMany({
    where: { companyId, status: 'PENDING' },
    data: { status: 'REVOKED', respondedAt: now },
  });
  if (!revision.proposed) return { published: false };
  await tx.companyRevision.updateMany({
    where: { companyId, status: 'PENDING', id: { not: revision.id } },
    data: {
      status: 'REJECTED',
      reviewedById: reviewerId,
      reviewedAt: now,
      reason: 'Staff approved another account’s claim to this company',
    },
  });
  const proposed = storedProposal(revision.proposed);
  await upsertCompanies(tx, [proposed], { source: 'COMPANY', status: 'PUBLISHED', now, actorId: claimant });
  if (!revision.company.publishedAt) {
    // Never public, so no address to keep: the slug follows the real company's name, not the other one's.
    const wanted = slugify(proposed.name);
    const taken = await tx.company.findFirst({
      where: { slug: wanted, id: { not: companyId } },
      select: { id: true },
    });
    await tx.company.update({
      where: { id: companyId },
      data: { slug: taken ? fallbackSlug(proposed.name, proposed.taxId) : wanted },
    });
  }
  return { published: true };
}
