/**
 * What a boundary costs in a query's complexity: the largest outline of each kind of place at each
 * detail, in units of BYTES_PER_COST_UNIT (100 bytes of answer, the cost model's unit for payload). Measured from
 * the shipped boundaries; reference.test.ts fails when the data outgrows them.
 */
export type PlaceKind = 'district' | 'neighbourhood';
export type OutlineDetail = 'CITY' | 'DISTRICT';

export const OUTLINE_WEIGHTS: Record<PlaceKind, Record<OutlineDetail, number>> = {
  district: { CITY: 80, DISTRICT: 185 },
  neighbourhood: { CITY: 85, DISTRICT: 200 },
};

/** Tolerance of each level of detail, in degrees (1e-4 degrees is about 10 m here). */
export const OUTLINE_TOLERANCE: Record<OutlineDetail, number> = { CITY: 0.0002, DISTRICT: 0.00005 };
