import { type Db, Prisma } from '@proximitat/db';
import { rejected, type ServiceResult, userError } from '../../errors.ts';
import type { IndicatorData, IndicatorValueData } from './plan-input.ts';

/**
 * Creates an indicator of a year's plan, or updates the one with the same code. The plan, the
 * measure and the district it names must exist.
 */
export async function upsertIndicator(db: Db, data: IndicatorData): Promise<ServiceResult> {
  const plan = await db.workPlan.findUnique({ where: { year: data.year }, select: { id: true } });
  if (!plan) return rejected(userError('PLAN_NOT_FOUND', 'input.year', { year: data.year }));
  let measureId: string | null = null;
  if (data.measureCode) {
    const measure = await db.measure.findFirst({
      where: { code: data.measureCode, objective: { axis: { planId: plan.id } } },
      select: { id: true },
    });
    if (!measure) {
      return rejected(
        userError('MEASURE_NOT_FOUND', 'input.measureCode', { year: data.year, code: data.measureCode }),
      );
    }
    measureId = measure.id;
  }
  if (
    data.districtCode &&
    !(await db.district.findUnique({ where: { code: data.districtCode }, select: { code: true } }))
  ) {
    return rejected(userError('DISTRICT_NOT_FOUND', 'input.districtCode'));
  }
  const fields = {
    nameCa: data.name,
    nameEs: data.nameEs,
    nameEn: data.nameEn,
    unit: data.unit,
    districtCode: data.districtCode,
    measureId,
  };
  const indicator = await db.indicator.upsert({
    where: { planId_code: { planId: plan.id, code: data.code } },
    create: { planId: plan.id, code: data.code, ...fields },
    update: fields,
    select: { id: true },
  });
  return { ok: true, id: indicator.id };
}

/** An indicator's value for a period (a year or a semester), set by `byId`. */
export async function setIndicatorValue(
  db: Db,
  byId: string | null,
  data: IndicatorValueData,
): Promise<ServiceResult> {
  const indicator = await db.indicator.findFirst({
    where: { code: data.code, plan: { year: data.year } },
    select: { id: true },
  });
  if (!indicator) {
    return rejected(userError('INDICATOR_NOT_FOUND', 'input.code', { year: data.year, code: data.code }));
  }
  const fields = { value: new Prisma.Decimal(data.value), note: data.note, updatedById: byId };
  await db.indicatorValue.upsert({
    where: { indicatorId_period: { indicatorId: indicator.id, period: data.period } },
    create: { indicatorId: indicator.id, period: data.period, ...fields },
    update: fields,
    select: { id: true },
  });
  return { ok: true, id: indicator.id };
}
