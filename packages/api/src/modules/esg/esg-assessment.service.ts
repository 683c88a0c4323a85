import type { Db, EsgAssessment, Prisma } from '@proximitat/db';
import { enqueueCompanies } from '@proximitat/search';
import { ErrorCode, rejected, type ServiceResult, type UserError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.ts';
import { isUuid } from '../common/ids.ts';
import { type QueueActor, type RateRefusal, staffQueueLimited } from '../common/rate-limited.ts';
import { userError } from '../common/user-error.schema.ts';
import { normaliseWebsite } from '../directory/company-profile.ts';
import { isEditor } from '../directory/membership.ts';
import { scoreAssessment } from './esg-score.ts';

/** A verified assessment counts for two years. */
export const VALIDITY_YEARS = 2;

export interface EsgAnswer {
  criterion: string;
  level: number;
  evidenceUrl?: string | null;
  comment?: string | null;
}

/** The status as read now: a verified assessment past its validity reads as EXPIRED. */
export function currentStatus(assessment: Pick<EsgAssessment, 'status' | 'validUntil'>, now = new Date()) {
  return assessment.status === 'VERIFIED' && assessment.validUntil && assessment.validUntil <= now
    ? ('EXPIRED' as const)
    : assessment.status;
}

type Verified = Pick<EsgAssessment, 'status' | 'validUntil' | 'reviewedAt'>;

/**
 * The assessment that speaks for a company in public (its page, search, exports): the verified one
 * in force, most recently verified first; null without one. A self-declared score never shows there.
 */
export function verifiedInForce<T extends Verified>(assessments: T[], now = new Date()): T | null {
  let inForce: T | null = null;
  for (const assessment of assessments) {
    if (
      currentStatus(assessment, now) === 'VERIFIED' &&
      (!inForce || (assessment.reviewedAt ?? 0) > (inForce.reviewedAt ?? 0))
    ) {
      inForce = assessment;
    }
  }
  return inForce;
}

/** An editor submits the company's self-assessment: every criterion in force answered exactly once. */
export async function submitAssessment(
  db: Db,
  actor: QueueActor,
  companyId: string,
  answers: EsgAnswer[],
): Promise<ServiceResult | RateRefusal> {
  const accountId = actor.accountId;
  if (!(await isEditor(db, companyId, accountId))) {
    return rejected(
      userError(ErrorCode.FORBIDDEN, 'Only the editors of this company can assess it', 'companyId'),
    );
  }
  const criteria = await db.esgCriterion.findMany({ where: { active: true }, orderBy: { position: 'asc' } });
  const errors: UserError[] = [];
  const seen = new Set<string>();
  const byCode = new Map(criteria.map((c) => [c.code, c]));
  const normalised: EsgAnswer[] = [];
  for (const [index, answer] of answers.entries()) {
    const field = `answers.${index}`;
    const criterion = byCode.get(answer.criterion);
    if (!criterion) {
      errors.push(
        userError(ErrorCode.VALIDATION, `unknown criterion "${answer.criterion}"`, `${field}.criterion`),
      );
      continue;
    }
    if (seen.has(answer.criterion)) {
      errors.push(
        userError(ErrorCode.VALIDATION, `${answer.criterion} is answered twice`, `${field}.criterion`),
      );
      continue;
    }
    seen.add(answer.criterion);
    if (!Number.isInteger(answer.level) || answer.level < 0 || answer.level > 4) {
      errors.push(
        userError(ErrorCode.VALIDATION, 'must be from 0 (not met) to 4 (fully met)', `${field}.level`),
      );
    }
    const evidence = answer.evidenceUrl?.trim() ? normaliseWebsite(answer.evidenceUrl.trim()) : null;
    if (answer.evidenceUrl?.trim() && !evidence) {
      errors.push(
        userError(ErrorCode.VALIDATION, 'is not a web address (https://…)', `${field}.evidenceUrl`),
      );
    } else if (criterion.evidenceRequired && !evidence && answer.level > 0) {
      errors.push(
        userError(
          ErrorCode.VALIDATION,
          `${answer.criterion} needs a link to its evidence`,
          `${field}.evidenceUrl`,
        ),
      );
    }
    const comment = answer.comment?.trim() || null;
    if (comment && comment.length > 2000) {
      errors.push(userError(ErrorCode.VALIDATION, 'is longer than 2000 characters', `${field}.comment`));
    }
    normalised.push({ criterion: answer.criterion, level: answer.level, evidenceUrl: evidence, comment });
  }
  for (const criterion of criteria) {
    if (!seen.has(criterion.code)) {
      errors.push(userError(ErrorCode.VALIDATION, `${criterion.code} is not answered`, 'answers'));
    }
  }
  if (errors.length > 0) return rejected(...errors);
  const limited = await staffQueueLimited(db, actor);
  if (limited) return limited;

  const scored = scoreAssessment(
    normalised.map((answer) => {
      const criterion = byCode.get(answer.criterion);
      return { pillar: criterion?.pillar ?? 'SOCIAL', weight: criterion?.weight ?? 0, level: answer.level };
    }),
  );
  const assessment = await db.$transaction(async (tx) => {
    const created = await tx.esgAssessment.create({
      data: {
        companyId,
        criteriaVersion: criteria[0]?.version ?? 0,
        score: scored.score,
        pillarScores: scored.pillars as unknown as Prisma.InputJsonValue,
        answers: normalised as unknown as Prisma.InputJsonValue,
        submittedById: accountId,
      },
    });
    await recordAudit(tx, {
      actorId: accountId,
      action: 'esg.submit',
      entityType: 'Company',
      entityId: companyId,
      changes: {
        assessment: { before: null, after: created.id },
        score: { before: null, after: scored.score },
      },
    });
    return created;
  });
  return { ok: true, id: assessment.id };
}

/** Staff verify or reject a submitted assessment; verification makes the company homologated for two years. */
export async function reviewAssessment(
  db: Db,
  reviewerId: string,
  id: string,
  decision: 'APPROVE' | 'REJECT',
  reason: string | null,
): Promise<ServiceResult> {
  const text = reason?.trim() || null;
  if (decision === 'REJECT' && !text) {
    return rejected(
      userError(ErrorCode.VALIDATION, 'A rejection needs a reason the editors can read', 'reason'),
    );
  }
  const assessment = isUuid(id) ? await db.esgAssessment.findUnique({ where: { id } }) : null;
  if (!assessment) return rejected(userError(ErrorCode.NOT_FOUND, 'No such assessment', 'id'));
  return db.$transaction(async (tx): Promise<ServiceResult> => {
    const now = new Date();
    const validUntil = new Date(now);
    validUntil.setFullYear(validUntil.getFullYear() + VALIDITY_YEARS);
    const updated = await tx.esgAssessment.updateMany({
      where: { id, status: 'SUBMITTED' },
      data:
        decision === 'APPROVE'
          ? { status: 'VERIFIED', reviewedById: reviewerId, reviewedAt: now, validUntil }
          : { status: 'REJECTED', reviewedById: reviewerId, reviewedAt: now, reason: text },
    });
    if (updated.count === 0) {
      return rejected(userError(ErrorCode.CONFLICT, 'This assessment was already reviewed', 'id'));
    }
    await enqueueCompanies(tx, [assessment.companyId]);
    await recordAudit(tx, {
      actorId: reviewerId,
      action: decision === 'APPROVE' ? 'esg.verify' : 'esg.reject',
      entityType: 'EsgAssessment',
      entityId: id,
      changes: { status: { before: 'SUBMITTED', after: decision === 'APPROVE' ? 'VERIFIED' : 'REJECTED' } },
    });
    return { ok: true, id };
  });
}
