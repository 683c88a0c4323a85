import { builder } from '../../builder.ts';
import { AppError, type UserError } from '../../errors.ts';
import { notAllowed, UserErrorRef } from '../common/user-error.schema.ts';
import { parseInput } from '../common/validation.ts';
import { LocaleEnum, localized } from '../i18n/locale.schema.ts';
import { DistrictRef } from '../reference/reference.schema.ts';
import {
  type AccountabilityReport,
  accountabilityReport,
  type ReportResult,
  setDistrictAssessment,
} from './accountability.service.ts';
import { MeasureStatusEnum, ProgressRef } from './plan.schema.ts';
import { DistrictAssessmentSchema } from './plan-input.ts';

type ReportMeasure = AccountabilityReport['measures'][number];
type ReportIndicator = AccountabilityReport['indicators'][number];

/** The AppError a query raises for a service's first userError (its reason, parameters and argument). */
function raised([error]: UserError[]): AppError {
  if (!error) return new AppError('INVALID_VALUE');
  return new AppError(error.reason, error.params, error.field ? { field: error.field } : {});
}

const reportPayload = (result: ReportResult) =>
  result.ok ? { report: result.report, userErrors: [] } : { report: null, userErrors: result.errors };

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
      if (!lookup.ok) throw raised(lookup.errors);
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
      const parsed = parseInput(DistrictAssessmentSchema, input);
      if (!parsed.ok) return { report: null, userErrors: parsed.errors };
      return reportPayload(await setDistrictAssessment(db, viewer?.id ?? null, parsed.data));
    },
  }),
}));
