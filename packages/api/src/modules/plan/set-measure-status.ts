import type { Db, MeasureStatus } from '@proximitat/db';

export interface SetMeasureStatus {
  year: number;
  code: string;
  status: MeasureStatus;
  comment: string | null;
  byId: string | null;
}

/** Changes a measure's status and records the change, together; returns the measure's id, or null if none. */
export async function setMeasureStatus(db: Db, change: SetMeasureStatus): Promise<string | null> {
  return db.$transaction(async (tx) => {
    const measure = await tx.measure.findFirst({
      where: { code: change.code, objective: { axis: { plan: { year: change.year } } } },
      select: { id: true, status: true },
    });
    if (!measure) return null;
    // A repeated status with nothing to say is not a change.
    if (measure.status === change.status && !change.comment) return measure.id;
    await tx.measure.update({ where: { id: measure.id }, data: { status: change.status } });
    await tx.measureStatusChange.create({
      data: {
        measureId: measure.id,
        from: measure.status,
        to: change.status,
        comment: change.comment,
        byId: change.byId,
      },
    });
    return measure.id;
  });
}
