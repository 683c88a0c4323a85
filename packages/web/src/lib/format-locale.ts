import { formatDateForInput, formatMoment } from './format-date.ts';
import { formatEuros, formatNumber } from './format-number.ts';
import { LOCALES, useI18n } from './i18n/i18n.tsx';

/** The interface language's BCP 47 tag ('ca', 'es', 'en'), for Intl and the parsers of format-*. */
export function useLocaleTag(): string {
  const { locale } = useI18n();
  return LOCALES.find((entry) => entry.code === locale)?.tag ?? 'ca';
}

/**
 * Amounts, numbers and dates shown in the interface language (never the browser's, never always
 * Catalan): the one place the procurement and plan screens format them.
 */
export function useFormats() {
  const tag = useLocaleTag();
  return {
    tag,
    /** Euros, with the cents when there are any: "176.450,50 €", "€176,450.50". */
    euros: (value: number) => formatEuros(value, tag),
    number: (value: number) => formatNumber(value, tag),
    /** A moment's date ("5 de març 2026"), or date and time. */
    date: (iso: string) => formatMoment(iso, tag),
    dateTime: (iso: string) => formatMoment(iso, tag, true),
    /** A calendar date (2026-03-05) as the locale writes it in a field. */
    day: (iso: string) => formatDateForInput(iso, tag),
  };
}
