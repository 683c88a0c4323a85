import { EsgPillar, EsgStatus } from '@proximitat/db';
import { builder } from '../../builder.ts';
import {
  failed,
  mutationPayload,
  outcome,
  queueActor,
  refusal,
  refused,
  signedInViewer,
} from '../common/payload.schema.ts';
import { parseInput } from '../common/validation.ts';
import { canEdit } from '../directory/membership.ts';
import { LocaleEnum, localized } from '../i18n/locale.schema.ts';
import { reviewArgs } from '../moderation/moderation.schema.ts';
import {
  currentStatus,
  reviewAssessment,
  submitAssessment,
  verifiedInForce,
} from './esg-assessment.service.ts';
import { EsgAnswersSchema, EsgReviewSchema } from './esg-input.ts';
import { pillarScores, type StoredAnswer, storedAnswers } from './esg-stored.ts';

export const EsgPillarEnum = builder.enumType(EsgPillar, { name: 'EsgPillar' });

export const EsgStatusEnum = builder.enumType(EsgStatus, {
  name: 'EsgStatus',
  description:
    'ESG assessment life cycle: SUBMITTED (scored, awaiting staff), VERIFIED (counts as homologated until validUntil), REJECTED, EXPIRED.',
});

interface EsgSummary {
  score: number;
  status: EsgStatus;
  validUntil: Date | null;
  pillars: { pillar: EsgPillar; score: number }[];
}

export const EsgPillarScoreRef = builder
  .objectRef<EsgSummary['pillars'][number]>('EsgPillarScore')
  .implement({
    fields: (t) => ({
      pillar: t.expose('pillar', { type: EsgPillarEnum }),
      score: t.exposeInt('score', { description: '0..100' }),
    }),
  });

const EsgSummaryRef = builder.objectRef<EsgSummary>('EsgSummary').implement({
  description: "The company's current ESG (ASG) assessment.",
  fields: (t) => ({
    score: t.exposeInt('score', { description: '0..100' }),
    status: t.expose('status', { type: EsgStatusEnum }),
    validUntil: t.expose('validUntil', { type: 'DateTime', nullable: true }),
    pillars: t.field({ type: [EsgPillarScoreRef], resolve: (summary) => summary.pillars }),
  }),
});

/** Company.esg lives here, with its types: the directory knows nothing of ESG assessments. */
builder.prismaObjectFields('Company', (t) => ({
  esg: t.field({
    type: EsgSummaryRef,
    nullable: true,
    description:
      'The ESG (ASG) homologation: the verified assessment in force, null without one. A self-assessment awaiting verification is not shown here (its editors read it in `latestEsgAssessment`).',
    // Loaded with the company (one query for a whole list of them), not one query each.
    select: {
      esgAssessments: {
        where: { status: 'VERIFIED' },
        select: { score: true, status: true, validUntil: true, reviewedAt: true, pillarScores: true },
      },
    },
    resolve: (company) => {
      const current = verifiedInForce(company.esgAssessments, new Date());
      if (!current) return null;
      return {
        score: current.score,
        status: 'VERIFIED' as const,
        validUntil: current.validUntil,
        pillars: pillarScores(current.pillarScores),
      };
    },
  }),
}));

builder.prismaObject('EsgCriterion', {
  description: 'A criterion of the ESG (ASG) homologation catalogue.',
  fields: (t) => ({
    code: t.exposeString('code'),
    version: t.exposeInt('version'),
    pillar: t.expose('pillar', { type: EsgPillarEnum }),
    weight: t.exposeInt('weight'),
    question: t.string({
      args: { locale: t.arg({ type: LocaleEnum }) },
      resolve: (criterion, { locale }) =>
        localized({ ca: criterion.questionCa, es: criterion.questionEs, en: criterion.questionEn }, locale),
    }),
    evidenceRequired: t.exposeBoolean('evidenceRequired'),
  }),
});

builder.queryField('esgCriteria', (t) =>
  t.prismaField({
    type: ['EsgCriterion'],
    description: 'The ESG (ASG) homologation criteria in force, by pillar.',
    resolve: (query, _root, _args, { db }) =>
      db.esgCriterion.findMany({ ...query, where: { active: true }, orderBy: { position: 'asc' } }),
  }),
);

builder.queryField('esgReviewQueue', (t) =>
  t.prismaConnection({
    type: 'EsgAssessment',
    cursor: 'id',
    description: 'Staff: submitted assessments awaiting verification, oldest first.',
    authScopes: { staff: true },
    totalCount: (_parent, _args, { db }) => db.esgAssessment.count({ where: { status: 'SUBMITTED' } }),
    resolve: (query, _root, _args, { db }) =>
      db.esgAssessment.findMany({
        ...query,
        where: { status: 'SUBMITTED' },
        orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
      }),
  }),
);

const EsgAnswerInput = builder.inputType('EsgAnswerInput', {
  description:
    "level: 0 (not met) .. 4 (fully met). A criterion's score is level/4; a pillar's score is the weighted mean of its criteria x 100; the overall score is the weighted mean over all criteria x 100, rounded. Every criterion in force must be answered exactly once.",
  fields: (t) => ({
    criterion: t.string({ required: true }),
    level: t.int({ required: true }),
    evidenceUrl: t.string(),
    comment: t.string(),
  }),
});

const EsgAnswerRef = builder.objectRef<StoredAnswer & { criteriaVersion: number }>('EsgAnswer').implement({
  fields: (t) => ({
    criterion: t.exposeString('criterion'),
    question: t.string({
      nullable: true,
      args: { locale: t.arg({ type: LocaleEnum }) },
      resolve: async (answer, { locale }, { db }) => {
        const criterion = await db.esgCriterion.findFirst({
          where: { code: answer.criterion, version: answer.criteriaVersion },
        });
        return criterion
          ? localized(
              { ca: criterion.questionCa, es: criterion.questionEs, en: criterion.questionEn },
              locale,
            )
          : null;
      },
    }),
    level: t.exposeInt('level', { description: '0 (not met) .. 4 (fully met)' }),
    evidenceUrl: t.exposeString('evidenceUrl', { nullable: true }),
    comment: t.exposeString('comment', { nullable: true }),
  }),
});

builder.prismaObject('EsgAssessment', {
  description: "A company's ESG self-assessment: visible to its editors and to staff.",
  authScopes: (assessment, context) => canEdit(context, assessment.companyId),
  fields: (t) => ({
    id: t.exposeID('id'),
    score: t.exposeInt('score'),
    status: t.field({ type: EsgStatusEnum, resolve: (assessment) => currentStatus(assessment) }),
    validUntil: t.expose('validUntil', { type: 'DateTime', nullable: true }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime' }),
    reason: t.exposeString('reason', { nullable: true }),
    company: t.relation('company'),
    answers: t.field({
      type: [EsgAnswerRef],
      select: { answers: true, criteriaVersion: true },
      resolve: (assessment) =>
        storedAnswers(assessment.answers).map((answer) => ({
          ...answer,
          criteriaVersion: assessment.criteriaVersion,
        })),
    }),
    pillars: t.field({
      type: [EsgPillarScoreRef],
      select: { pillarScores: true },
      resolve: (assessment) => pillarScores(assessment.pillarScores),
    }),
  }),
});

const AssessmentPayload = mutationPayload(
  'EsgAssessmentPayload',
  'assessment',
  'EsgAssessment',
  (db, query, id) => db.esgAssessment.findUnique({ ...query, where: { id } }),
  { rateLimited: true },
);

builder.prismaObjectFields('Company', (t) => ({
  latestEsgAssessment: t.prismaField({
    type: 'EsgAssessment',
    nullable: true,
    description:
      "The company's latest self-assessment, whatever its status: for its editors and staff (null for others). The public `esg` shows only a verified one.",
    select: { id: true },
    resolve: async (query, company, _args, context) =>
      (await canEdit(context, company.id))
        ? context.db.esgAssessment.findFirst({
            ...query,
            where: { companyId: company.id },
            orderBy: [{ submittedAt: 'desc' }, { id: 'asc' }],
          })
        : null,
  }),
}));

builder.mutationFields((t) => ({
  submitEsgAssessment: t.field({
    type: AssessmentPayload,
    description:
      "An editor submits the company's self-assessment; it is scored at once and awaits staff verification.",
    args: {
      companyId: t.arg.id({ required: true }),
      answers: t.arg({ type: [EsgAnswerInput], required: true }),
    },
    authScopes: { signedIn: true },
    unauthorizedResolver: refused,
    resolve: async (_root, { companyId, answers }, context) => {
      const parsed = parseInput(EsgAnswersSchema, answers, 'answers');
      if (!parsed.ok) return failed(parsed.errors);
      const result = await submitAssessment(context.db, queueActor(context), String(companyId), parsed.data);
      return result.ok ? outcome(result) : refusal(context, result);
    },
  }),
  reviewEsgAssessment: t.field({
    type: AssessmentPayload,
    description:
      'Staff verify (or reject) an assessment; a verified one makes the company homologated for two years.',
    args: reviewArgs,
    authScopes: { staff: true },
    unauthorizedResolver: refused,
    resolve: async (_root, { id, decision, reason }, context) => {
      const parsed = parseInput(EsgReviewSchema, { id: String(id), decision, reason }, '');
      if (!parsed.ok) return failed(parsed.errors);
      return outcome(await reviewAssessment(context.db, signedInViewer(context).id, parsed.data));
    },
  }),
}));
