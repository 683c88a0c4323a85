import type { Db } from '@proximitat/db';
import { rejected, type ServiceResult, userError } from '../../errors.ts';
import type { SetMeasureStatusData } from './plan-input.ts';

/**
 * Changes a measure's status and records the change (who, from, to, why), together; a repeated
 * status with nothing to say is not a change. Answers the measure's id, or MEASURE_NOT_FOUND.
 */
export async function setMeasureStatus(
  db: Db,
  byId: string | null,
  change: SetMeasureStatusData,
): Promise<ServiceResult> {
  const id = await db.$transaction(async (tx) => {
    const measure = await tx.measure.findFirst({
      where: { code: change.code, objective: { axis: { plan: { year: change.year } } } },
      select: { id: true, status: true },
    });
    if (!measure) return null;
    if (measure.status === change.status && !change.comment) return measure.id;
    await tx.measure.update({ where: { id: measure.id }, data: { status: change.status } });
    await tx.measureStatusChange.create({
      data: { measureId: measure.id, from: measure.status, to: change.status, comment: change.comment, byId },
    });
    return measure.id;
  });
  return id
    ? { ok: true, id }
    : rejected(userError('MEASURE_NOT_FOUND', 'input.code', { year: change.year, code: change.code }));
}
