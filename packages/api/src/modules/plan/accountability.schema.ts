import { z } from 'zod';
import { builder } from '../../builder.ts';
import { appError, ErrorCode, reasonError, type UserError } from '../../errors.ts';
import { notAllowed, UserErrorRef } from '../common/user-error.schema.ts';
import { zodErrors } from '../common/validation.ts';
import { LocaleEnum, localized } from '../i18n/locale.schema.ts';
import { DistrictRef } from '../reference/reference.schema.ts';
import {
  type AccountabilityReport,
  accountabilityReport,
  REPORT_FAILURES,
} from './accountability.service.ts';
import { PERIOD } from './indicator.schema.ts';
import { MeasureStatusEnum, ProgressRef } from './plan.schema.ts';

type ReportMeasure = AccountabilityReport['measures'][number];
type ReportIndicator = AccountabilityReport['indicators'][number];

const ReportMeasureRef = builder.objectRef<ReportMeasure>('AccountabilityMeasure').implement({
  fields: (t) => ({
    code: t.exposeString('code'),
    title: t.exposeString('titleCa'),
    status: t.expose('status', { type: MeasureStatusEnum }),
  }),
});

const ReportIndicatorRef = builder.objectRef<ReportIndicator>('AccountabilityIndicator').implement({
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('nameCa'),
    unit: t.exposeString('unit'),
    value: t.exposeFloat('value', {
      nullable: true,
      description: 'Null when no value was recorded for the period.',
    }),
    note: t.exposeString('note', { nullable: true }),
  }),
});

const ReportRef = builder.objectRef<AccountabilityReport>('AccountabilityReport').implement({
  description: 'Accountability of a district with a development plan (PDE) for a period.',
  fields: (t) => ({
    district: t.prismaField({
      type: DistrictRef,
      resolve: (query, report, _args, { db }) =>
        db.district.findUniqueOrThrow({ ...query, where: { code: report.district.code } }),
    }),
    period: t.exposeString('period'),
    developmentPlan: t.string({ resolve: (report) => report.developmentPlan.name }),
    measures: t.field({ type: [ReportMeasureRef], resolve: (report) => report.measures }),
    progress: t.field({ type: ProgressRef, resolve: (report) => report.progress }),
    indicators: t.field({ type: [ReportIndicatorRef], resolve: (report) => report.indicators }),
    assessment: t.string({
      nullable: true,
      description: "Staff's qualitative assessment.",
      args: { locale: t.arg({ type: LocaleEnum }) },
      resolve: (report, { locale }) =>
        report.assessment
          ? localized(
              { ca: report.assessment.textCa, es: report.assessment.textEs, en: report.assessment.textEn },
              locale,
            )
          : null,
    }),
    csvUrl: t.string({
      resolve: (report) =>
        `/reports/accountability.csv?district=${encodeURIComponent(report.district.code)}&period=${encodeURIComponent(report.period)}`,
    }),
  }),
});

builder.queryFields((t) => ({
  accountabilityReport: t.field({
    type: ReportRef,
    description: 'Accountability of a PDE district for a period ("2018" or "2018-S1").',
    args: { districtCode: t.arg.string({ required: true }), period: t.arg.string({ required: true }) },
    resolve: async (_root, { districtCode, period }, { db }) => {
      const lookup = await accountabilityReport(db, districtCode, period);
      if (!lookup.ok) {
        throw appError(
          REPORT_FAILURES[lookup.reason],
          lookup.reason === 'period' ? 'period' : 'districtCode',
        );
      }
      return lookup.report;
    },
  }),
}));

const AssessmentInput = builder.inputType('DistrictAssessmentInput', {
  fields: (t) => ({
    districtCode: t.string({ required: true }),
    period: t.string({ required: true }),
    text: t.string({ required: true, description: 'In Catalan.' }),
    textEs: t.string(),
    textEn: t.string(),
  }),
});

const AssessmentShape = z.object({
  districtCode: z.string().regex(/^\d{2}$/, 'a district code "01".."10"'),
  period: z.string().regex(PERIOD, 'a year ("2018") or a semester ("2018-S1")'),
  text: z.string().trim().min(1, 'required').max(10_000, 'at most 10,000 characters'),
  textEs: z.string().trim().max(10_000).nullish(),
  textEn: z.string().trim().max(10_000).nullish(),
});

const AssessmentPayload = builder
  .objectRef<{ report: AccountabilityReport | null; userErrors: UserError[] }>('DistrictAssessmentPayload')
  .implement({
    fields: (t) => ({
      report: t.field({ type: ReportRef, nullable: true, resolve: (payload) => payload.report }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (payload) => payload.userErrors }),
    }),
  });

builder.mutationFields((t) => ({
  setDistrictAssessment: t.field({
    type: AssessmentPayload,
    description: "Staff only: the qualitative assessment of a PDE district's accountability for a period.",
    args: { input: t.arg({ type: AssessmentInput, required: true }) },
    authScopes: { staff: true },
    unauthorizedResolver: (_root, _args, context) => ({ report: null, userErrors: [notAllowed(context)] }),
    resolve: async (_root, { input }, { db, viewer }) => {
      const parsed = AssessmentShape.safeParse(input);
      if (!parsed.success) return { report: null, userErrors: zodErrors(parsed.error) };
      const data = parsed.data;
      const before = await accountabilityReport(db, data.districtCode, data.period);
      if (!before.ok) {
        return {
          report: null,
          userErrors: [reasonError(REPORT_FAILURES[before.reason], 'input.districtCode')],
        };
      }
      const fields = {
        textCa: data.text,
        textEs: data.textEs ?? null,
        textEn: data.textEn ?? null,
        authorId: viewer?.id ?? null,
      };
      await db.districtAssessment.upsert({
        where: { districtCode_period: { districtCode: data.districtCode, period: data.period } },
        create: { districtCode: data.districtCode, period: data.period, ...fields },
        update: fields,
      });
      const after = await accountabilityReport(db, data.districtCode, data.period);
      return { report: after.ok ? after.report : null, userErrors: [] };
    },
  }),
}));
