import type { Locale } from '@proximitat/errors';

const TAGS: Record<Locale, string> = { CA: 'ca', ES: 'es', EN: 'en' };

/**
 * A decimal number as a spreadsheet in `locale` reads it from a CSV: the decimal separator of the
 * language (a comma in Catalan and Spanish, a point in English) and no thousands separator, so that
 * "12,5" in a Catalan file is twelve and a half and never the text "12.5" or 125.
 * `fractionDigits` fixes the number of decimals (a percentage to one decimal: "0,0").
 */
export function csvDecimal(value: number, locale: Locale, fractionDigits?: number): string {
  return new Intl.NumberFormat(TAGS[locale], {
    useGrouping: false,
    minimumFractionDigits: fractionDigits ?? 0,
    maximumFractionDigits: fractionDigits ?? 20,
  }).format(value);
}
