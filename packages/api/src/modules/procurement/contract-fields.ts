import { z } from 'zod';
import { reasonIssue } from '../common/validation.ts';
import { validateCpv } from '../directory/cpv.ts';
import type { Reference } from '../reference/reference-cache.ts';

/**
 * The zod pieces the procurement inputs share (a tender, an award): texts trimmed and bounded,
 * CPV codes with their check digit, and the codes of the reference lists (districts, social
 * clauses). Each failure is an issue with a reason, at the index of the value it is about.
 */

/** A text that may be left out: trimmed, at most `max` characters, null when empty. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => value || null);

/** A text that must be given: trimmed, from 1 to `max` characters. */
export const requiredText = (max: number) => z.string().trim().min(1).max(max);

/** One CPV code, required; the output is its canonical form ("90910000-9"). */
export const cpvCode = z.string().transform((raw, ctx): string => {
  if (raw.trim() === '') {
    ctx.addIssue(reasonIssue('REQUIRED'));
    return z.NEVER;
  }
  const result = validateCpv(raw);
  if (result.valid) return result.code.code;
  ctx.addIssue(reasonIssue(result.reason, result.params));
  return z.NEVER;
});

/**
 * CPV codes, blanks left out, at most `max`: each wrong one named by its index; the output holds
 * each code once, sorted.
 */
export const cpvCodes = (max: number) =>
  z
    .array(z.string())
    .nullish()
    .transform((codes, ctx): string[] => {
      const given = codes ?? [];
      if (given.filter((code) => code.trim() !== '').length > max) {
        ctx.addIssue(reasonIssue('TOO_MANY_VALUES', { max }));
        return z.NEVER;
      }
      const valid = new Set<string>();
      given.forEach((raw, index) => {
        if (raw.trim() === '') return;
        const result = validateCpv(raw);
        if (result.valid) valid.add(result.code.code);
        else ctx.addIssue(reasonIssue(result.reason, result.params, [index]));
      });
      return [...valid].sort();
    });

/**
 * Codes of a reference list (districts, social clauses), normalised by `normalise`: each unknown
 * one is UNKNOWN_VALUE at its index; the output holds each code once, sorted.
 */
export const referenceCodes = (known: ReadonlyMap<string, unknown>, normalise: (code: string) => string) =>
  z
    .array(z.string())
    .nullish()
    .transform((codes, ctx): string[] => {
      const valid = new Set<string>();
      (codes ?? []).forEach((raw, index) => {
        const code = normalise(raw);
        if (known.has(code)) valid.add(code);
        else ctx.addIssue(reasonIssue('UNKNOWN_VALUE', { value: code }, [index]));
      });
      return [...valid].sort();
    });

/** District codes are two digits ("03"); "3" is read as "03". */
export const districtCode = (code: string) => code.trim().padStart(2, '0');
/** Social clause codes are upper case. */
export const socialClauseCode = (code: string) => code.trim().toUpperCase();

export const districtCodes = (reference: Reference) => referenceCodes(reference.districts, districtCode);
export const socialClauseCodes = (reference: Reference) =>
  referenceCodes(reference.socialClauses, socialClauseCode);

/** Euros rounded to cents. */
export const cents = (amount: number) => Math.round(amount * 100) / 100;
