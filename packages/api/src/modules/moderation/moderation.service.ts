import type { CompanyStatus, Db, Prisma } from '@proximitat/db';
import { ErrorCode, type UserError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.ts';
import { isUuid } from '../common/ids.ts';
import { userError } from '../common/user-error.schema.ts';
import {
  type CompanyDraft,
  type CompanyProfile,
  validateCompanyProfile,
} from '../directory/company-profile.ts';
import { currentProfile, existingSelect, upsertCompanies } from '../directory/company-write.ts';
import { isEditor } from '../directory/membership.ts';
import { loadValidationContext } from '../directory/validation-context.ts';
import { enqueueCompanies } from '../search/outbox.ts';
import { diffProfiles } from './profile-diff.ts';

type Result<T> = { ok: true; value: T } | { ok: false; errors: UserError[] };

/**
 * A signed-in account proposes a new company: it is stored PENDING_REVIEW (not public, not in the
 * index), the account becomes its editor, and a CREATION revision waits in the moderation queue.
 * All of it in one transaction.
 */
export async function createCompanyProfile(
  db: Db,
  accountId: string,
  input: CompanyDraft,
): Promise<Result<{ companyId: string }>> {
  const context = await loadValidationContext(db);
  const validated = validateCompanyProfile(input, context);
  if (!validated.ok) {
    return {
      ok: false,
      errors: validated.errors.map((e) => userError(ErrorCode.VALIDATION, e.message, `input.${e.field}`)),
    };
  }
  const profile = validated.profile;
  const existing = await db.company.findUnique({ where: { taxId: profile.taxId }, select: { id: true } });
  if (existing) {
    return {
      ok: false,
      errors: [
        userError(
          ErrorCode.CONFLICT,
          `A company with tax ID ${profile.taxId} is already in the directory: ask to edit it (claimCompany) instead`,
          'input.taxId',
        ),
      ],
    };
  }
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
  return { ok: true, value: { companyId } };
}

/**
 * Staff approve or reject a revision. Approval and its effects (publication or the new profile,
 * membership for a claim, reindexing through the outbox) commit together; a rejection keeps the
 * public profile as it was and records the reason for the editors.
 */
export async function reviewRevision(
  db: Db,
  reviewerId: string,
  revisionId: string,
  decision: 'APPROVE' | 'REJECT',
  reason: string | null,
): Promise<Result<{ revisionId: string }>> {
  const text = reason?.trim() || null;
  if (decision === 'REJECT' && !text) {
    return {
      ok: false,
      errors: [userError(ErrorCode.VALIDATION, 'A rejection needs a reason the editors can read', 'reason')],
    };
  }
  if (text && text.length > 2000) {
    return {
      ok: false,
      errors: [userError(ErrorCode.VALIDATION, 'is longer than 2000 characters', 'reason')],
    };
  }
  if (!isUuid(revisionId)) {
    return { ok: false, errors: [userError(ErrorCode.NOT_FOUND, 'No such revision', 'id')] };
  }
  return db.$transaction(async (tx): Promise<Result<{ revisionId: string }>> => {
    const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id::text FROM "CompanyRevision" WHERE id = $1::uuid FOR UPDATE`,
      revisionId,
    );
    const revision = rows.length
      ? await tx.companyRevision.findUnique({ where: { id: revisionId }, include: { company: true } })
      : null;
    if (!revision) return { ok: false, errors: [userError(ErrorCode.NOT_FOUND, 'No such revision', 'id')] };
    if (revision.status !== 'PENDING') {
      return {
        ok: false,
        errors: [
          userError(ErrorCode.CONFLICT, `This revision was already ${revision.status.toLowerCase()}`, 'id'),
        ],
      };
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
    if (decision === 'APPROVE' && revision.kind === 'UPDATE' && revision.proposed) {
      // Revisions proposed before social clauses existed carry none.
      const proposed = { socialClauses: [], ...(revision.proposed as object) } as unknown as CompanyProfile;
      await upsertCompanies(tx, [proposed], {
        source: 'COMPANY',
        status: revision.company.status,
        now,
        actorId: revision.submittedById,
      });
    }
    if (decision === 'APPROVE' && revision.kind === 'CLAIM' && revision.submittedById) {
      await tx.companyMembership.upsert({
        where: { companyId_accountId: { companyId: revision.companyId, accountId: revision.submittedById } },
        create: { companyId: revision.companyId, accountId: revision.submittedById },
        update: {},
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
    return { ok: true, value: { revisionId: revision.id } };
  });
}

/**
 * An editor proposes a new version of the whole profile. It becomes an UPDATE revision with a
 * field-by-field diff; the public profile and the index change only when staff approve it. A newer
 * proposal replaces one still waiting.
 */
export async function updateCompanyProfile(
  db: Db,
  accountId: string,
  companyId: string,
  input: CompanyDraft,
): Promise<Result<{ revisionId: string }>> {
  if (
    !isUuid(companyId) ||
    !(await db.company.findUnique({ where: { id: companyId }, select: { id: true } }))
  ) {
    return { ok: false, errors: [userError(ErrorCode.NOT_FOUND, 'No such company', 'companyId')] };
  }
  if (!(await isEditor(db, companyId, accountId))) {
    return {
      ok: false,
      errors: [userError(ErrorCode.FORBIDDEN, 'Only the editors of this company can change it', 'companyId')],
    };
  }
  const validated = validateCompanyProfile(input, await loadValidationContext(db));
  if (!validated.ok) {
    return {
      ok: false,
      errors: validated.errors.map((e) => userError(ErrorCode.VALIDATION, e.message, `input.${e.field}`)),
    };
  }
  const proposed = validated.profile;
  return db.$transaction(async (tx): Promise<Result<{ revisionId: string }>> => {
    const row = await tx.company.findUniqueOrThrow({ where: { id: companyId }, select: existingSelect });
    if (row.taxId !== proposed.taxId) {
      return {
        ok: false,
        errors: [userError(ErrorCode.VALIDATION, 'The tax ID of a company cannot change', 'input.taxId')],
      };
    }
    const changes = diffProfiles(currentProfile(row), proposed);
    if (changes.length === 0) {
      return {
        ok: false,
        errors: [userError(ErrorCode.VALIDATION, 'The proposal changes nothing', 'input')],
      };
    }
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
    return { ok: true, value: { revisionId: revision.id } };
  });
}

/** A signed-in account asks to edit a company that has no editors yet; approval makes it one. */
export async function claimCompany(
  db: Db,
  accountId: string,
  companyId: string,
  message: string,
): Promise<Result<{ revisionId: string }>> {
  const text = message.trim();
  if (!text)
    return {
      ok: false,
      errors: [userError(ErrorCode.VALIDATION, 'Say who you are and why you can edit it', 'message')],
    };
  if (text.length > 2000)
    return {
      ok: false,
      errors: [userError(ErrorCode.VALIDATION, 'is longer than 2000 characters', 'message')],
    };
  const company = isUuid(companyId)
    ? await db.company.findUnique({
        where: { id: companyId },
        select: { id: true, status: true, _count: { select: { memberships: true } } },
      })
    : null;
  if (company?.status !== 'PUBLISHED') {
    return { ok: false, errors: [userError(ErrorCode.NOT_FOUND, 'No such company', 'companyId')] };
  }
  if (company._count.memberships > 0) {
    return {
      ok: false,
      errors: [
        userError(ErrorCode.CONFLICT, 'This company already has editors: ask them to add you', 'companyId'),
      ],
    };
  }
  const waiting = await db.companyRevision.findFirst({
    where: { companyId, kind: 'CLAIM', status: 'PENDING', submittedById: accountId },
  });
  if (waiting) {
    return {
      ok: false,
      errors: [userError(ErrorCode.CONFLICT, 'Your claim is already waiting for review', 'companyId')],
    };
  }
  const revision = await db.$transaction(async (tx) => {
    const created = await tx.companyRevision.create({
      data: { companyId, kind: 'CLAIM', message: text, submittedById: accountId, changes: [] },
    });
    await recordAudit(tx, {
      actorId: accountId,
      action: 'company.claim',
      entityType: 'Company',
      entityId: companyId,
      changes: { claim: { before: null, after: created.id } },
    });
    return created;
  });
  return { ok: true, value: { revisionId: revision.id } };
}
