import { formatDateForInput } from './format-date.ts';
import { useI18n } from './i18n/i18n.tsx';

/** The interface language's BCP 47 tag ('ca', 'es', 'en'), for Intl and the parsers of format-*. */
export function useLocaleTag(): string {
  return useI18n().tag;
}

/**
 * Amounts, numbers and dates shown in the interface language (never the browser's, never always
 * Catalan), with the i18n formatters: the one place the procurement and plan screens format them.
 */
export function useFormats() {
  const { tag, formatCurrency, formatNumber, formatDate, formatDateTime } = useI18n();
  return {
    tag,
    /** Euros, with the cents when there are any: "176.450,50 €", "€176,450.50"; never rounded to euros. */
    euros: (value: number) => formatCurrency(value),
    number: (value: number) => formatNumber(value),
    /** A moment's date ("5 de març 2026"), or date and time, in the platform's time zone. */
    date: (iso: string) => formatDate(iso),
    dateTime: (iso: string) => formatDateTime(iso),
    /** A calendar date (2026-03-05) as the locale writes it in a field. */
    day: (iso: string) => formatDateForInput(iso, tag),
  };
}
