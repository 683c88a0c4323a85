import type { Db, MeasureStatus } from '@proximitat/db';
import type { Reason } from '@proximitat/errors';
import { PERIOD } from './indicator.schema.ts';
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

export type ReportLookup =
  | { ok: true; report: AccountabilityReport }
  | { ok: false; reason: 'period' | 'district' | 'no-plan' };

/**
 * The accountability of a district with a development plan (PDE) for a period: the measures of
 * that year's plan that target the district with their status and execution, the district's
 * indicator values for the period, and staff's qualitative assessment.
 */
export async function accountabilityReport(
  db: Db,
  districtCode: string,
  period: string,
): Promise<ReportLookup> {
  const match = PERIOD.exec(period);
  if (!match) return { ok: false, reason: 'period' };
  const year = Number(match[1]);
  const district = await db.district.findUnique({
    where: { code: districtCode },
    select: { code: true, name: true },
  });
  if (!district) return { ok: false, reason: 'district' };
  const link = await db.developmentPlanDistrict.findFirst({
    where: { districtCode, developmentPlan: { plan: { year } } },
    select: { developmentPlan: { select: { nameCa: true, yearApproved: true } } },
  });
  if (!link) return { ok: false, reason: 'no-plan' };
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

export const REPORT_FAILURES = {
  period: 'INVALID_PERIOD',
  district: 'DISTRICT_NOT_FOUND',
  'no-plan': 'DISTRICT_PLAN_NOT_FOUND',
} as const satisfies Record<Exclude<ReportLookup, { ok: true }>['reason'], Reason>;
