import { MeasureStatus } from '@proximitat/db';
import type { Reason } from '@proximitat/errors';
import { z } from 'zod';
import { PERIOD } from './period.ts';

/**
 * The plan module's inputs as the resolvers parse them (parseInput) before calling a service; the
 * services take the parsed values (z.output of these schemas) and trust them.
 */

/** The years a plan may be for. */
export const PLAN_YEARS = { min: 2000, max: 2100 } as const;

const MEASURE_CODE = /^\d+\.\d+\.[A-Z]$/;
const DISTRICT_CODE = /^\d{2}$/;
const INDICATOR_CODE = /^[A-Za-z0-9._-]+$/;

/** The refinement of a string that must match `pattern`, failing with `reason`. */
const matches = (pattern: RegExp, reason: Reason) =>
  [(value: string) => pattern.test(value), { params: { reason } }] as const;

const planYear = z
  .number()
  .int()
  .refine((year) => year >= PLAN_YEARS.min && year <= PLAN_YEARS.max, {
    params: { reason: 'PLAN_YEAR_OUT_OF_RANGE', values: PLAN_YEARS },
  });

/** Optional text: trimmed, at most `max` characters, and null when blank. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => value || null);

/** Required text: trimmed, not blank (REQUIRED, and nothing else then), at most `max` characters. */
const requiredText = (max: number) => z.string().trim().min(1, { abort: true }).max(max);

export const SetMeasureStatusSchema = z.object({
  year: planYear,
  code: z
    .string()
    .min(1, { abort: true })
    .refine(...matches(MEASURE_CODE, 'MEASURE_CODE_INVALID')),
  status: z.enum(MeasureStatus),
  comment: optionalText(2000),
});
export type SetMeasureStatusData = z.output<typeof SetMeasureStatusSchema>;

export const IndicatorSchema = z.object({
  year: planYear,
  code: requiredText(40).refine(...matches(INDICATOR_CODE, 'INDICATOR_CODE_INVALID')),
  name: requiredText(300),
  nameEs: optionalText(300),
  nameEn: optionalText(300),
  unit: requiredText(40),
  districtCode: z
    .string()
    .refine(...matches(DISTRICT_CODE, 'DISTRICT_CODE_INVALID'))
    .nullish()
    .transform((value) => value ?? null),
  measureCode: z
    .string()
    .refine(...matches(MEASURE_CODE, 'MEASURE_CODE_INVALID'))
    .nullish()
    .transform((value) => value ?? null),
});
export type IndicatorData = z.output<typeof IndicatorSchema>;

export const IndicatorValueSchema = z.object({
  year: z.number().int(),
  code: z.string(),
  period: z.string().refine(...matches(PERIOD, 'INVALID_PERIOD')),
  value: z.number().min(-1e12).max(1e12),
  note: optionalText(1000),
});
export type IndicatorValueData = z.output<typeof IndicatorValueSchema>;

export const DistrictAssessmentSchema = z.object({
  districtCode: z.string().refine(...matches(DISTRICT_CODE, 'DISTRICT_CODE_INVALID')),
  period: z.string().refine(...matches(PERIOD, 'INVALID_PERIOD')),
  text: requiredText(10_000),
  textEs: optionalText(10_000),
  textEn: optionalText(10_000),
});
export type DistrictAssessmentData = z.output<typeof DistrictAssessmentSchema>;
