import type { MeasureStatus } from '@proximitat/db';

export interface Progress {
  /** Share (0..1) of the measures that are DONE, each weighted equally. */
  executionRate: number;
  measuresTotal: number;
  measuresDone: number;
}

export function progressOf(measures: { status: MeasureStatus }[]): Progress {
  const measuresDone = measures.filter((measure) => measure.status === 'DONE').length;
  return {
    executionRate: measures.length === 0 ? 0 : measuresDone / measures.length,
    measuresTotal: measures.length,
    measuresDone,
  };
}
