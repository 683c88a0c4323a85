import type { Db, MeasureStatus } from '@proximitat/db';
import { rejected, type ServiceResult, type UserError, userError } from '../../errors.ts';
import { periodYear } from './period.ts';
import type { DistrictAssessmentData } from './plan-input.ts';
import { type Progress, progressOf } from './progress.ts';

export interface AccountabilityReport {
  district: { code: string; name: string };
  period: string;
  year: number;
  developmentPlan: { name: string; yearApproved: number | null };
  measures: { id: string; code: string; titleCa: string; status: MeasureStatus }[];
  progress: Progress;
  indicators: { code: string; nameCa: string; unit: string; value: number | null; note: string | null }[];
  assessment: { textCa: string; textEs: string | null; textEn: string | null; updatedAt: Date } | null;
}

export type ReportResult = ServiceResult<{ report: AccountabilityReport }>;

/**
 * The accountability of a district with a development plan (PDE) for a period: the measures of
 * that year's plan that target the district with their status and execution, the district's
 * indicator values for the period, and staff's qualitative assessment. The period and the
 * district come as typed (a query argument, a CSV link): errors name the `period` and
 * `districtCode` arguments (INVALID_PERIOD, DISTRICT_NOT_FOUND, DISTRICT_PLAN_NOT_FOUND).
 */
export async function accountabilityReport(
  db: Db,
  districtCode: string,
  period: string,
): Promise<ReportResult> {
  const year = periodYear(period);
  if (year === null) return rejected(userError('INVALID_PERIOD', 'period'));
  const district = await db.district.findUnique({
    where: { code: districtCode },
    select: { code: true, name: true },
  });
  if (!district) return rejected(userError('DISTRICT_NOT_FOUND', 'districtCode'));
  const link = await db.developmentPlanDistrict.findFirst({
    where: { districtCode, developmentPlan: { plan: { year } } },
    select: { developmentPlan: { select: { nameCa: true, yearApproved: true } } },
  });
  if (!link) return rejected(userError('DISTRICT_PLAN_NOT_FOUND', 'districtCode'));
  const measures = await db.measure.findMany({
    where: { districts: { some: { code: districtCode } }, objective: { axis: { plan: { year } } } },
    select: { id: true, code: true, titleCa: true, status: true },
    orderBy: [
      { objective: { axis: { position: 'asc' } } },
      { objective: { position: 'asc' } },
      { position: 'asc' },
    ],
  });
  const indicators = await db.indicator.findMany({
    where: { districtCode, plan: { year } },
    select: {
      code: true,
      nameCa: true,
      unit: true,
      values: { where: { period }, select: { value: true, note: true } },
    },
    orderBy: { code: 'asc' },
  });
  const assessment = await db.districtAssessment.findUnique({
    where: { districtCode_period: { districtCode, period } },
    select: { textCa: true, textEs: true, textEn: true, updatedAt: true },
  });
  return {
    ok: true,
    report: {
      district,
      period,
      year,
      developmentPlan: { name: link.developmentPlan.nameCa, yearApproved: link.developmentPlan.yearApproved },
      measures,
      progress: progressOf(measures),
      indicators: indicators.map((indicator) => ({
        code: indicator.code,
        nameCa: indicator.nameCa,
        unit: indicator.unit,
        value: indicator.values[0]?.value.toNumber() ?? null,
        note: indicator.values[0]?.note ?? null,
      })),
      assessment,
    },
  };
}

/**
 * Staff's qualitative assessment of a PDE district for a period (set by `authorId`), and the
 * report as it then reads; errors name the input's fields.
 */
export async function setDistrictAssessment(
  db: Db,
  authorId: string | null,
  data: DistrictAssessmentData,
): Promise<ReportResult> {
  const before = await accountabilityReport(db, data.districtCode, data.period);
  if (!before.ok) return rejected(...before.errors.map(underInput));
  const fields = { textCa: data.text, textEs: data.textEs, textEn: data.textEn, authorId };
  await db.districtAssessment.upsert({
    where: { districtCode_period: { districtCode: data.districtCode, period: data.period } },
    create: { districtCode: data.districtCode, period: data.period, ...fields },
    update: fields,
    select: { id: true },
  });
  return accountabilityReport(db, data.districtCode, data.period);
}

const underInput = (error: UserError): UserError => ({
  ...error,
  field: error.field ? `input.${error.field}` : 'input',
});
