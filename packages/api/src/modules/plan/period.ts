/** A year ("2018") or one of its semesters ("2018-S1", "2018-S2"). */
export const PERIOD = /^(\d{4})(-S[12])?$/;

/** The year of a period, or null if the text is not a period. */
export function periodYear(period: string): number | null {
  const match = PERIOD.exec(period);
  return match ? Number(match[1]) : null;
}
