import { NumberFormatter, NumberParser } from '@internationalized/number';

/**
 * Numbers and amounts typed and shown as the interface language writes them (a BCP 47 tag: `ca`,
 * `es`, `en`). Parsing is @internationalized/number's NumberParser, made strict: NumberParser
 * reads "50,000" in Catalan as 50 and "1.00.000" as 100000, and drops a misplaced separator
 * silently, so the text is first checked against the shape the locale writes numbers in
 * (thousands in groups of three, one decimal separator after them). What could be read two ways
 * ("50.000" typed in English for an amount with cents) is refused with an example, never guessed.
 */

export type NumberParse =
  | { ok: true; value: number }
  /** Empty text: whether that is allowed is the form's business. */
  | { ok: false; reason: 'EMPTY' }
  /** No number at all ("abc"). */
  | { ok: false; reason: 'NOT_A_NUMBER' }
  /** Digits and separators, but not as this locale writes a number; `example` shows how it does. */
  | { ok: false; reason: 'NUMBER_FORMAT'; example: string };

export interface NumberOptions {
  /** The most digits after the decimal separator (2 for euros, 0 for counts). */
  maximumFractionDigits?: number;
  /** Whether a minus sign is accepted (it is, unless told: the API says what a field's range is). */
  allowNegative?: boolean;
}

const SPACES = /[\s\u00a0\u202f]/g;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The locale's thousands and decimal separators, as Intl writes them. */
export function separators(tag: string): { group: string; decimal: string } {
  const parts = new Intl.NumberFormat(tag, { useGrouping: true }).formatToParts(1234567.5);
  return {
    group: parts.find((part) => part.type === 'group')?.value ?? ',',
    decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
  };
}

/** How the locale writes a number like the ones the field takes (shown when one is refused). */
export function numberExample(tag: string, maximumFractionDigits = 2): string {
  return new NumberFormatter(tag, {
    useGrouping: true,
    minimumFractionDigits: maximumFractionDigits,
    maximumFractionDigits,
  }).format(maximumFractionDigits > 0 ? 12345.67 : 12345);
}

/** The text typed in a number field, read as the locale `tag` writes numbers. */
export function parseNumber(text: string, tag: string, options: NumberOptions = {}): NumberParse {
  const { maximumFractionDigits = 2, allowNegative = true } = options;
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'EMPTY' };
  const refused = (): NumberParse => ({
    ok: false,
    reason: 'NUMBER_FORMAT',
    example: numberExample(tag, maximumFractionDigits),
  });
  // A euro sign or "EUR" before or after the number is what the field is about: it is dropped.
  const bare = trimmed
    .replace(/^(€|eur\b)\s*/i, '')
    .replace(/\s*(€|eur)$/i, '')
    .replace(/^[−–]/, '-');
  if (!/\d/.test(bare) || /[^\d.,'\s\u00a0\u202f+-]/.test(bare)) return { ok: false, reason: 'NOT_A_NUMBER' };

  const { group, decimal } = separators(tag);
  // Thousands are grouped with the locale's separator or with spaces (as ISO 31-0 writes them),
  // the same one all through the number; a number may also be written without grouping.
  const groupings = [group, ' '].map(escapeRegExp);
  const sign = allowNegative ? '-?' : '';
  const fraction = `(?:${escapeRegExp(decimal)}(\\d+))?`;
  const shapes = [
    new RegExp(`^${sign}\\d+${fraction}$`),
    ...groupings.map((g) => new RegExp(`^${sign}\\d{1,3}(?:${g}\\d{3})+${fraction}$`)),
  ];
  const spaced = bare.replace(SPACES, ' ');
  const match = shapes.map((shape) => shape.exec(spaced)).find(Boolean);
  if (!match) return refused();
  // More decimals than the field takes: "50.000" in English is 50 to a machine, and most likely
  // fifty thousand to the person who typed it.
  if ((match[1]?.length ?? 0) > maximumFractionDigits) return refused();

  const value = new NumberParser(tag, { style: 'decimal', maximumFractionDigits: 20 }).parse(
    spaced.replace(/ /g, ''),
  );
  if (!Number.isFinite(value)) return { ok: false, reason: 'NOT_A_NUMBER' };
  return { ok: true, value };
}

/** A number as the locale writes it, exactly (no rounding beyond `maximumFractionDigits`). */
export function formatNumber(value: number, tag: string, maximumFractionDigits = 20): string {
  return new NumberFormatter(tag, { maximumFractionDigits: Math.min(maximumFractionDigits, 20) }).format(
    value,
  );
}

/** What an amount field shows for a stored value (the text it would accept back). */
export function formatForInput(value: number, tag: string, maximumFractionDigits = 2): string {
  return new NumberFormatter(tag, { useGrouping: true, maximumFractionDigits }).format(value);
}
