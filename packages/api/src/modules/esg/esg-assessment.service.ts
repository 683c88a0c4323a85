import type { Db, EsgAssessment } from '@proximitat/db';
import { enqueueCompanies } from '@proximitat/search';
import { rejected, type ServiceResult, type UserError, userError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.ts';
import { isUuid } from '../common/ids.ts';
import { type QueueActor, type RateRefusal, staffQueueLimited } from '../common/rate-limited.ts';
import { isEditor } from '../directory/membership.ts';
import type { EsgAnswer, EsgReview } from './esg-input.ts';
import { scoreAssessment } from './esg-score.ts';
import type { StoredAnswer } from './esg-stored.ts';

/** A verified assessment counts for two years. */
export const VALIDITY_YEARS = 2;

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

/**
 * An editor submits the company's self-assessment: every criterion in force answered exactly once,
 * with a link to the evidence where the criterion asks for one. The answers come parsed
 * (EsgAnswersSchema: levels in range, links normalised, comments trimmed); what needs the
 * catalogue is checked here, each error naming its criterion (`criterion`).
 */
export async function submitAssessment(
  db: Db,
  actor: QueueActor,
  companyId: string,
  answers: EsgAnswer[],
): Promise<ServiceResult | RateRefusal> {
  const accountId = actor.accountId;
  if (!(await isEditor(db, companyId, accountId))) {
    return rejected(userError('ESG_EDITORS_ONLY', 'companyId'));
  }
  const criteria = await db.esgCriterion.findMany({ where: { active: true }, orderBy: { position: 'asc' } });
  const errors: UserError[] = [];
  const seen = new Set<string>();
  const byCode = new Map(criteria.map((c) => [c.code, c]));
  const normalised: StoredAnswer[] = [];
  for (const [index, answer] of answers.entries()) {
    const field = `answers.${index}`;
    const criterion = byCode.get(answer.criterion);
    if (!criterion) {
      errors.push(userError('ESG_CRITERION_UNKNOWN', `${field}.criterion`, { criterion: answer.criterion }));
      continue;
    }
    if (seen.has(answer.criterion)) {
      errors.push(
        userError('ESG_CRITERION_ANSWERED_TWICE', `${field}.criterion`, { criterion: answer.criterion }),
      );
      continue;
    }
    seen.add(answer.criterion);
    if (criterion.evidenceRequired && !answer.evidenceUrl && answer.level > 0) {
      errors.push(
        userError('ESG_EVIDENCE_REQUIRED', `${field}.evidenceUrl`, { criterion: answer.criterion }),
      );
    }
    normalised.push({
      criterion: answer.criterion,
      level: answer.level,
      evidenceUrl: answer.evidenceUrl,
      comment: answer.comment,
    });
  }
  for (const criterion of criteria) {
    if (!seen.has(criterion.code)) {
      errors.push(userError('ESG_CRITERION_UNANSWERED', 'answers', { criterion: criterion.code }));
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
        pillarScores: scored.pillars,
        answers: normalised,
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
  { id, decision, reason }: EsgReview,
): Promise<ServiceResult> {
  const assessment = isUuid(id) ? await db.esgAssessment.findUnique({ where: { id } }) : null;
  if (!assessment) return rejected(userError('ESG_ASSESSMENT_NOT_FOUND', 'id'));
  return db.$transaction(async (tx): Promise<ServiceResult> => {
    const now = new Date();
    const validUntil = new Date(now);
    validUntil.setFullYear(validUntil.getFullYear() + VALIDITY_YEARS);
    const updated = await tx.esgAssessment.updateMany({
      where: { id, status: 'SUBMITTED' },
      data:
        decision === 'APPROVE'
          ? { status: 'VERIFIED', reviewedById: reviewerId, reviewedAt: now, validUntil }
          : { status: 'REJECTED', reviewedById: reviewerId, reviewedAt: now, reason },
    });
    if (updated.count === 0) {
      const current = await tx.esgAssessment.findUnique({
        where: { id },
        select: { status: true, validUntil: true },
      });
      return rejected(
        userError('ESG_ASSESSMENT_ALREADY_REVIEWED', 'id', {
          status: current ? currentStatus(current, now) : assessment.status,
        }),
      );
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
