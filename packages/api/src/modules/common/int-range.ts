import { appError } from '../../errors.ts';

/** An Int argument outside its range is the caller's mistake (VALIDATION naming it), never a server error. */
export function checkIntRange(
  value: number | null | undefined,
  argument: string,
  min: number,
  max: number,
): void {
  if (value === null || value === undefined) return;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw appError('OUT_OF_RANGE', argument, { min, max });
  }
}

/** Years an argument may name: any the platform could hold data for. */
export const YEAR_RANGE = { min: 1900, max: 2100 } as const;
